// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import io.zenmq.internal.crypto.CryptoBox;
import io.zenmq.internal.crypto.SecretBox;
import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The checks the CURVE client and server share, each turning a failure into the
 * {@link ProtocolException} libzmq reports for it (spec/security.md sections 3.4 to 3.8). Stateless.
 */
final class CurveChecks {
    private CurveChecks() {
    }

    /**
     * Checks a command's name.
     *
     * @throws ProtocolException {@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_UNSPECIFIED} if the body is
     *     not a command at all, {@link ProtocolErrors#ZMTP_UNEXPECTED_COMMAND} if it is another command
     */
    static void requireCommand(byte[] body, String name) throws ProtocolException {
        if (!Commands.is(body, name)) {
            throw new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "CURVE expected " + name + ", got " + Commands.name(body));
        }
    }

    static ProtocolException unexpected(byte[] body, String state) throws ProtocolException {
        return new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                "CURVE got " + Commands.name(body) + " while " + state);
    }

    static ProtocolException malformed(int code, String what, int size) {
        return new ProtocolException(code, "malformed CURVE " + what + " of " + size + " bytes");
    }

    static ProtocolException cryptographic(String what) {
        return new ProtocolException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, "CURVE " + what + " does not open");
    }

    /**
     * Precomputes a connection's key.
     *
     * @throws ProtocolException {@link ProtocolErrors#ZMTP_KEY_EXCHANGE} if the public key is of low order
     */
    static SecretBox precompute(byte[] publicKey, byte[] secretKey, String whose) throws ProtocolException {
        byte[] shared = new byte[CryptoBox.SHARED_KEY_BYTES];
        try {
            if (!CryptoBox.beforenm(publicKey, secretKey, shared)) {
                throw new ProtocolException(ProtocolErrors.ZMTP_KEY_EXCHANGE,
                        "CURVE " + whose + " key is of low order");
            }
            return new SecretBox(shared);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    /**
     * Opens a full box found at {@code body[offset, offset + length)}.
     *
     * @throws ProtocolException {@link ProtocolErrors#ZMTP_CRYPTOGRAPHIC} if it does not open
     */
    static byte[] open(byte[] body, int offset, int length, byte[] nonce, byte[] publicKey, byte[] secretKey,
                       String what) throws ProtocolException {
        byte[] plaintext = CryptoBox.open(Arrays.copyOfRange(body, offset, offset + length), nonce, publicKey,
                secretKey);
        if (plaintext == null) {
            throw cryptographic(what);
        }
        return plaintext;
    }

    /**
     * Opens a secretbox found at {@code body[offset, end)}.
     *
     * @throws ProtocolException {@link ProtocolErrors#ZMTP_CRYPTOGRAPHIC} if it does not open
     */
    static byte[] open(SecretBox box, byte[] body, int offset, byte[] nonce, String what) throws ProtocolException {
        byte[] plaintext = new byte[body.length - offset - CurveLayout.BOX_OVERHEAD];
        if (!box.open(nonce, body, offset, body.length - offset, plaintext, 0)) {
            throw cryptographic(what);
        }
        return plaintext;
    }

    /** Compares two arrays in time independent of where they differ. */
    static boolean equal(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
