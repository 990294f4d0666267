// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.nio.charset.StandardCharsets;

/**
 * Z85 (ZeroMQ RFC 32): the printable encoding of CURVE keys and other binary data whose length
 * is a multiple of 4. Every 4 bytes become 5 characters.
 *
 * <pre>{@code
 * String text = Z85.encode(publicKey);   // 32 bytes -> 40 characters
 * byte[] key = Z85.decode(text);         // and back
 * }</pre>
 */
public final class Z85 {
    private static final String ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";
    private static final byte[] DIGITS = new byte[128];

    static {
        java.util.Arrays.fill(DIGITS, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGITS[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private Z85() {
    }

    /**
     * Encodes bytes as Z85 text.
     *
     * @param data the bytes; their count must be a multiple of 4
     * @return the text, 5 characters per 4 bytes
     * @throws ZmqException {@link ErrorCode#EINVAL} if the length is not a multiple of 4
     */
    public static String encode(byte[] data) {
        if (data.length % 4 != 0) {
            throw new ZmqException(ErrorCode.EINVAL, "Z85 encodes a multiple of 4 bytes, not " + data.length);
        }
        char[] text = new char[data.length / 4 * 5];
        for (int i = 0, t = 0; i < data.length; i += 4, t += 5) {
            long value = ((data[i] & 0xFFL) << 24) | ((data[i + 1] & 0xFF) << 16)
                    | ((data[i + 2] & 0xFF) << 8) | (data[i + 3] & 0xFF);
            for (int k = 4; k >= 0; k--) {
                text[t + k] = ALPHABET.charAt((int) (value % 85));
                value /= 85;
            }
        }
        return new String(text);
    }

    /**
     * Decodes Z85 text.
     *
     * @param text the text; at least 5 characters, a multiple of 5, all from the Z85 alphabet
     * @return the bytes, 4 per 5 characters
     * @throws ZmqException {@link ErrorCode#EINVAL} for a wrong length, a character outside the
     *     alphabet, or a group above 2^32-1
     */
    public static byte[] decode(String text) {
        if (text.length() < 5 || text.length() % 5 != 0) {
            throw new ZmqException(ErrorCode.EINVAL,
                    "Z85 text must be a non-zero multiple of 5 characters, not " + text.length());
        }
        byte[] data = new byte[text.length() / 5 * 4];
        for (int t = 0, i = 0; t < text.length(); t += 5, i += 4) {
            long value = 0;
            for (int k = 0; k < 5; k++) {
                char c = text.charAt(t + k);
                int digit = c < 128 ? DIGITS[c] : -1;
                if (digit < 0) {
                    throw new ZmqException(ErrorCode.EINVAL, "not a Z85 character at " + (t + k));
                }
                value = value * 85 + digit;
            }
            if (value > 0xFFFF_FFFFL) {
                throw new ZmqException(ErrorCode.EINVAL, "Z85 group at " + t + " is above 2^32-1");
            }
            data[i] = (byte) (value >>> 24);
            data[i + 1] = (byte) (value >>> 16);
            data[i + 2] = (byte) (value >>> 8);
            data[i + 3] = (byte) value;
        }
        return data;
    }

    /**
     * Reads a CURVE key given as 32 raw bytes, or as 40 Z85 characters (41 with a trailing NUL,
     * as libzmq accepts).
     *
     * @param key the key bytes
     * @return the 32-byte key
     * @throws ZmqException {@link ErrorCode#EINVAL} for any other length or bad Z85
     */
    static byte[] curveKey(byte[] key) {
        if (key.length == 32) {
            return key.clone();
        }
        int length = key.length == 41 && key[40] == 0 ? 40 : key.length;
        if (length != 40) {
            throw new ZmqException(ErrorCode.EINVAL, "a CURVE key is 32 bytes or 40 Z85 characters, not "
                    + key.length + " bytes");
        }
        return decode(new String(key, 0, 40, StandardCharsets.ISO_8859_1));
    }
}
