// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import io.zenmq.internal.zmtp.ZapReply;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.util.LinkedHashMap;
import java.util.Map;

/** Merges what ZAP said about a peer into the properties its messages carry. */
final class HandshakeProperties {

    private HandshakeProperties() {
    }

    /**
     * Returns the peer's metadata plus the ZAP reply's metadata and non-empty {@code User-Id}.
     *
     * @param peer the metadata the peer sent
     * @param zap the ZAP reply, or null if ZAP was not asked
     * @return a new map; a {@code User-Id} or {@code Peer-Address} the peer announced is dropped
     */
    static Map<String, byte[]> merge(Map<String, byte[]> peer, ZapReply zap) {
        Map<String, byte[]> all = new LinkedHashMap<>(peer);
        // only authentication and the transport may set these: a peer announcing them would lie
        all.keySet().removeIf(name -> name.equalsIgnoreCase(ZmtpLayout.PROPERTY_USER_ID)
                || name.equalsIgnoreCase(ZmtpLayout.PROPERTY_PEER_ADDRESS));
        if (zap != null && zap.hasHandler()) {
            all.putAll(zap.metadata());
            if (zap.userId().length > 0) {
                all.put(ZmtpLayout.PROPERTY_USER_ID, zap.userId());
            }
        }
        return all;
    }
}
