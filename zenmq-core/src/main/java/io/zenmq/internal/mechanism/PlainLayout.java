// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.FrameEncoder;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;

/**
 * The PLAIN commands (RFC 24), offsets inside the command body.
 *
 * <pre>
 * HELLO     05 'HELLO' | ulen(1) | username(ulen) | plen(1) | password(plen)   (nothing after)
 * WELCOME   07 'WELCOME'                                                        (exactly 8 bytes)
 * INITIATE  08 'INITIATE' | metadata
 * READY     05 'READY' | metadata
 * </pre>
 */
final class PlainLayout {
    static final String HELLO = "HELLO";
    static final String WELCOME = "WELCOME";
    static final String INITIATE = "INITIATE";
    static final int HELLO_DATA_OFFSET = 6;
    static final int WELCOME_LENGTH = 8;
    static final int MAX_CREDENTIAL = 255;

    private PlainLayout() {
    }

    /**
     * Builds HELLO.
     *
     * @param username up to 255 bytes
     * @param password up to 255 bytes
     * @return the command body
     */
    static byte[] hello(byte[] username, byte[] password) {
        if (username.length > MAX_CREDENTIAL || password.length > MAX_CREDENTIAL) {
            throw new IllegalArgumentException("PLAIN credentials are at most 255 bytes each");
        }
        byte[] data = new byte[2 + username.length + password.length];
        data[0] = (byte) username.length;
        System.arraycopy(username, 0, data, 1, username.length);
        data[1 + username.length] = (byte) password.length;
        System.arraycopy(password, 0, data, 2 + username.length, password.length);
        return FrameEncoder.commandBody(HELLO, data);
    }

    /**
     * Reads HELLO's user name and password; the password must end the body exactly.
     *
     * @param body a HELLO body
     * @return {username, password}
     * @throws ProtocolException MALFORMED_COMMAND_HELLO if a length does not fit the body
     */
    static byte[][] parseHello(byte[] body) throws ProtocolException {
        int offset = HELLO_DATA_OFFSET;
        if (body.length < offset + 1) {
            throw malformedHello("no user name length");
        }
        int ulen = body[offset++] & 0xFF;
        if (body.length < offset + ulen + 1) {
            throw malformedHello("user name does not fit");
        }
        byte[] username = java.util.Arrays.copyOfRange(body, offset, offset + ulen);
        offset += ulen;
        int plen = body[offset++] & 0xFF;
        if (body.length != offset + plen) {
            throw malformedHello("password length does not match the body");
        }
        return new byte[][] {username, java.util.Arrays.copyOfRange(body, offset, offset + plen)};
    }

    /**
     * Tells whether a body is exactly WELCOME.
     *
     * @param body a command body
     * @return true for the 8-byte WELCOME
     */
    static boolean isWelcome(byte[] body) {
        return body.length == WELCOME_LENGTH && Commands.is(body, WELCOME);
    }

    private static ProtocolException malformedHello(String why) {
        return new ProtocolException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO, "malformed PLAIN HELLO: " + why);
    }
}
