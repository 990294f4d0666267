// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.zmtp.ZmtpLayout.COMMAND_NAME_LENGTH_LENGTH;

import java.nio.charset.StandardCharsets;

/**
 * Every offset, length and nonce prefix of the CURVE mechanism's commands (RFC 26 CurveZMQ and RFC 25
 * ZMTP-CURVE; spec/security.md sections 3.3 to 3.8). Offsets are inside the command body (offset 0 is
 * the name-length byte); integers are big-endian. {@code box[...]} is {@code tag(16) || ciphertext}.
 *
 * <p>HELLO, client to server, exactly 200 bytes (section 3.4):
 * <pre>
 *  0          6         8              80        112          120                      200
 *  +----------+---------+--------------+---------+------------+------------------------+
 *  | 05 HELLO | 01 00   | zeros (72)   | C' (32) | nonce (8)  | box[64 zeros] (80)     |
 *  +----------+---------+--------------+---------+------------+------------------------+
 *  box: c' to S, nonce "CurveZMQHELLO---" + short nonce
 * </pre>
 *
 * <p>WELCOME, server to client, exactly 168 bytes (section 3.5):
 * <pre>
 *  0            8                  24                                          168
 *  +------------+------------------+-------------------------------------------+
 *  | 07 WELCOME | long nonce (16)  | box[S' (32) | cookie (96)] (144)          |
 *  +------------+------------------+-------------------------------------------+
 *  box: s to C', nonce "WELCOME-" + long nonce
 *  cookie: cookie nonce (16) | secretbox[C' (32) | s' (32)] (80) under the cookie key,
 *          nonce "COOKIE--" + cookie nonce
 * </pre>
 *
 * <p>INITIATE, client to server, at least 257 bytes (section 3.6):
 * <pre>
 *  0             9              105          113
 *  +-------------+--------------+------------+--------------------------------------------------+
 *  | 08 INITIATE | cookie (96)  | nonce (8)  | box[C (32) | vouch nonce (16) | vouch (80) | meta] |
 *  +-------------+--------------+------------+--------------------------------------------------+
 *  box: c' to S' (the precomputed key), nonce "CurveZMQINITIATE" + short nonce
 *  vouch: box[C' (32) | S (32)] c to S', nonce "VOUCH---" + vouch nonce
 * </pre>
 *
 * <p>READY, server to client, at least 30 bytes (section 3.7):
 * <pre>
 *  0          6            14
 *  +----------+------------+------------------------+
 *  | 05 READY | nonce (8)  | box[metadata] (16 + M) |
 *  +----------+------------+------------------------+
 *  box: precomputed key, nonce "CurveZMQREADY---" + short nonce
 * </pre>
 *
 * <p>MESSAGE, both ways after the handshake, at least 33 bytes (section 3.8):
 * <pre>
 *  0            8            16
 *  +------------+------------+------------------------------------+
 *  | 07 MESSAGE | nonce (8)  | box[flags (1) | payload] (17 + N)  |
 *  +------------+------------+------------------------------------+
 *  box: precomputed key, nonce "CurveZMQMESSAGEC" (client) or "CurveZMQMESSAGES" (server) + short nonce
 *  flags: bit 0 (0x01) MORE, bit 1 (0x02) COMMAND (libzmq extension), bits 2-7 sent as zero
 * </pre>
 */
public final class CurveLayout {
    // ---- keys, nonces, boxes ------------------------------------------------------------------
    /** Length of every CURVE key (X25519). */
    public static final int KEY_LENGTH = 32;
    /** Length of a full nonce (prefix + suffix). */
    public static final int NONCE_LENGTH = 24;
    /** Length of a short nonce: a big-endian counter after a 16-byte prefix. */
    public static final int SHORT_NONCE_LENGTH = 8;
    /** Length of a long nonce: 16 random bytes after an 8-byte prefix. */
    public static final int LONG_NONCE_LENGTH = 16;
    /** Bytes a box adds to its plaintext (the Poly1305 tag, in front). */
    public static final int BOX_OVERHEAD = 16;
    /** The first short nonce each side sends (libzmq: HELLO and READY carry 1). */
    public static final long FIRST_SHORT_NONCE = 1;

    /** Nonce prefix of the HELLO signature box. */
    public static final String HELLO_NONCE_PREFIX = "CurveZMQHELLO---";
    /** Nonce prefix of the WELCOME box. */
    public static final String WELCOME_NONCE_PREFIX = "WELCOME-";
    /** Nonce prefix of the cookie box. */
    public static final String COOKIE_NONCE_PREFIX = "COOKIE--";
    /** Nonce prefix of the INITIATE box. */
    public static final String INITIATE_NONCE_PREFIX = "CurveZMQINITIATE";
    /** Nonce prefix of the vouch box. */
    public static final String VOUCH_NONCE_PREFIX = "VOUCH---";
    /** Nonce prefix of the READY box. */
    public static final String READY_NONCE_PREFIX = "CurveZMQREADY---";
    /** Nonce prefix of a MESSAGE from the client. */
    public static final String CLIENT_MESSAGE_NONCE_PREFIX = "CurveZMQMESSAGEC";
    /** Nonce prefix of a MESSAGE from the server. */
    public static final String SERVER_MESSAGE_NONCE_PREFIX = "CurveZMQMESSAGES";

    // ---- HELLO --------------------------------------------------------------------------------
    /** Offset of the version (major, minor). */
    public static final int HELLO_VERSION_OFFSET = 6;
    /** The only major version libzmq accepts. */
    public static final int HELLO_VERSION_MAJOR = 1;
    /** The only minor version libzmq accepts. */
    public static final int HELLO_VERSION_MINOR = 0;
    /** Offset of the anti-amplification zeros. */
    public static final int HELLO_PADDING_OFFSET = 8;
    /** Length of the zeros (RFC 26's grammar and libzmq; its prose says 70). */
    public static final int HELLO_PADDING_LENGTH = 72;
    /** Offset of the client's transient public key C'. */
    public static final int HELLO_CLIENT_KEY_OFFSET = 80;
    /** Offset of the client's short nonce. */
    public static final int HELLO_SHORT_NONCE_OFFSET = 112;
    /** Offset of the signature box. */
    public static final int HELLO_BOX_OFFSET = 120;
    /** Length of the signature's plaintext (zeros). */
    public static final int HELLO_SIGNATURE_LENGTH = 64;
    /** Exact size of a HELLO body. */
    public static final int HELLO_SIZE = 200;

    // ---- WELCOME ------------------------------------------------------------------------------
    /** Offset of the long nonce. */
    public static final int WELCOME_NONCE_OFFSET = 8;
    /** Offset of the box. */
    public static final int WELCOME_BOX_OFFSET = 24;
    /** Offset of the server's transient public key S' in the box's plaintext. */
    public static final int WELCOME_SERVER_KEY_OFFSET = 0;
    /** Offset of the cookie in the box's plaintext. */
    public static final int WELCOME_COOKIE_OFFSET = 32;
    /** Length of the box's plaintext. */
    public static final int WELCOME_PLAINTEXT_LENGTH = 128;
    /** Exact size of a WELCOME body. */
    public static final int WELCOME_SIZE = 168;

    // ---- cookie -------------------------------------------------------------------------------
    /** Offset of the cookie nonce in the cookie. */
    public static final int COOKIE_NONCE_OFFSET = 0;
    /** Offset of the secretbox in the cookie. */
    public static final int COOKIE_BOX_OFFSET = 16;
    /** Length of the cookie's plaintext: C' then s'. */
    public static final int COOKIE_PLAINTEXT_LENGTH = 64;
    /** Length of a cookie. */
    public static final int COOKIE_LENGTH = 96;

    // ---- INITIATE -----------------------------------------------------------------------------
    /** Offset of the cookie, as the server sent it. */
    public static final int INITIATE_COOKIE_OFFSET = 9;
    /** Offset of the client's short nonce. */
    public static final int INITIATE_SHORT_NONCE_OFFSET = 105;
    /** Offset of the box. */
    public static final int INITIATE_BOX_OFFSET = 113;
    /** Offset of the client's long-term public key C in the box's plaintext. */
    public static final int INITIATE_CLIENT_KEY_OFFSET = 0;
    /** Offset of the vouch nonce in the box's plaintext. */
    public static final int INITIATE_VOUCH_NONCE_OFFSET = 32;
    /** Offset of the vouch box in the box's plaintext. */
    public static final int INITIATE_VOUCH_OFFSET = 48;
    /** Offset of the metadata in the box's plaintext. */
    public static final int INITIATE_METADATA_OFFSET = 128;
    /** Length of the vouch's plaintext: C' then S. */
    public static final int VOUCH_PLAINTEXT_LENGTH = 64;
    /** Length of the vouch box. */
    public static final int VOUCH_LENGTH = 80;
    /** Smallest INITIATE body (no metadata). */
    public static final int INITIATE_MIN_SIZE = 257;

    // ---- READY --------------------------------------------------------------------------------
    /** Offset of the server's short nonce. */
    public static final int READY_SHORT_NONCE_OFFSET = 6;
    /** Offset of the box. */
    public static final int READY_BOX_OFFSET = 14;
    /** Smallest READY body (no metadata). */
    public static final int READY_MIN_SIZE = 30;

    // ---- MESSAGE ------------------------------------------------------------------------------
    /** Offset of the sender's short nonce. */
    public static final int MESSAGE_SHORT_NONCE_OFFSET = 8;
    /** Offset of the box. */
    public static final int MESSAGE_BOX_OFFSET = 16;
    /** Offset of the flags byte in the box's plaintext. */
    public static final int MESSAGE_FLAGS_OFFSET = 0;
    /** Offset of the payload in the box's plaintext. */
    public static final int MESSAGE_PAYLOAD_OFFSET = 1;
    /** Smallest MESSAGE body (empty payload). */
    public static final int MESSAGE_MIN_SIZE = 33;
    /** Plaintext flag: another frame of this message follows. */
    public static final int MESSAGE_FLAG_MORE = 0x01;
    /** Plaintext flag: the payload is a ZMTP command body (libzmq extension). */
    public static final int MESSAGE_FLAG_COMMAND = 0x02;

    private CurveLayout() {
    }

    /**
     * Makes a nonce holding only its prefix, to fill in with {@link #putShortNonce} or a long nonce.
     *
     * @param prefix one of the {@code *_NONCE_PREFIX} constants (ASCII)
     * @return a new 24-byte array
     */
    public static byte[] noncePrefix(String prefix) {
        byte[] nonce = new byte[NONCE_LENGTH];
        byte[] ascii = prefix.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, nonce, 0, ascii.length);
        return nonce;
    }

    /**
     * Makes a short nonce: a 16-byte prefix and a counter.
     *
     * @param prefix a 16-character {@code *_NONCE_PREFIX}
     * @param counter the short nonce (unsigned)
     * @return a new 24-byte array
     */
    public static byte[] shortNonce(String prefix, long counter) {
        byte[] nonce = noncePrefix(prefix);
        putShortNonce(nonce, counter);
        return nonce;
    }

    /**
     * Writes a counter into a short nonce, after its 16-byte prefix.
     *
     * @param nonce a 24-byte nonce
     * @param counter the short nonce (unsigned)
     */
    public static void putShortNonce(byte[] nonce, long counter) {
        putLong(nonce, NONCE_LENGTH - SHORT_NONCE_LENGTH, counter);
    }

    /**
     * Makes a long nonce: an 8-byte prefix and 16 bytes copied from a command.
     *
     * @param prefix an 8-character {@code *_NONCE_PREFIX}
     * @param source the array holding the 16 bytes
     * @param offset where they start
     * @return a new 24-byte array
     */
    public static byte[] longNonce(String prefix, byte[] source, int offset) {
        byte[] nonce = noncePrefix(prefix);
        System.arraycopy(source, offset, nonce, NONCE_LENGTH - LONG_NONCE_LENGTH, LONG_NONCE_LENGTH);
        return nonce;
    }

    /**
     * Writes a command name (length byte, then ASCII) at offset 0.
     *
     * @param body the command body
     * @param name the command name, e.g. {@code ZmtpLayout.MESSAGE}
     * @return the offset after the name
     */
    public static int putName(byte[] body, String name) {
        body[0] = (byte) name.length();
        for (int i = 0; i < name.length(); i++) {
            body[COMMAND_NAME_LENGTH_LENGTH + i] = (byte) name.charAt(i);
        }
        return COMMAND_NAME_LENGTH_LENGTH + name.length();
    }

    /**
     * Writes a big-endian 64-bit integer.
     *
     * @param bytes the array
     * @param offset where the 8 bytes start
     * @param value the value (unsigned on the wire)
     */
    public static void putLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[offset + i] = (byte) (value >>> (Byte.SIZE * (Long.BYTES - 1 - i)));
        }
    }

    /**
     * Reads a big-endian 64-bit integer.
     *
     * @param bytes the array
     * @param offset where the 8 bytes start
     * @return the value (compare as unsigned)
     */
    public static long getLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << Byte.SIZE) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }
}
