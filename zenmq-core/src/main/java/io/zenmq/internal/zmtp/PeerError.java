// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.nio.charset.StandardCharsets;

/**
 * Recognises an ERROR command in a handshake, including the malformed one libzmq 4.3's PLAIN
 * server sends: its name bytes are {@code 5E 'RROR'} because a C hex escape swallowed the
 * {@code E} (spec security.md 2.4).
 */
final class PeerError {
    private static final byte[] LIBZMQ_PLAIN_ERROR = {0x5E, 'R', 'R', 'O', 'R'};

    private PeerError() {
    }

    /**
     * Returns the reason of an ERROR command.
     *
     * @param body a command body
     * @return the reason, or null if the body is no ERROR
     * @throws ProtocolException if it is an ERROR whose reason does not fit
     */
    static String reason(byte[] body) throws ProtocolException {
        if (Commands.is(body, ZmtpLayout.ERROR)) {
            return Commands.parseError(body);
        }
        if (body.length > LIBZMQ_PLAIN_ERROR.length
                && java.util.Arrays.equals(body, 0, LIBZMQ_PLAIN_ERROR.length, LIBZMQ_PLAIN_ERROR, 0,
                        LIBZMQ_PLAIN_ERROR.length)) {
            int length = body[LIBZMQ_PLAIN_ERROR.length] & 0xFF;
            int offset = LIBZMQ_PLAIN_ERROR.length + 1;
            return new String(body, offset, Math.min(length, body.length - offset), StandardCharsets.US_ASCII);
        }
        return null;
    }
}
