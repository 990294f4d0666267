// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.util.Map;

/**
 * A ZAP handler's decision about one connection (RFC 27), as a mechanism needs it.
 *
 * @param status 200 admit, 300 temporary failure, 400 refused, 500 internal error; 0 when no
 *     handler is bound
 * @param statusText the handler's explanation
 * @param userId the {@code User-Id} property on 200, else empty
 * @param metadata properties the handler adds to the connection's messages
 */
public record ZapReply(int status, String statusText, byte[] userId, Map<String, byte[]> metadata) {
    /** The answer when no ZAP handler is bound in the context. */
    public static final ZapReply NO_HANDLER = new ZapReply(0, "no ZAP handler", new byte[0], Map.of());

    /**
     * Tells whether a handler answered at all.
     *
     * @return false for {@link #NO_HANDLER}
     */
    public boolean hasHandler() {
        return status != 0;
    }

    /**
     * Tells whether the handler admitted the peer.
     *
     * @return true for status 200
     */
    public boolean admitted() {
        return status == 200;
    }
}
