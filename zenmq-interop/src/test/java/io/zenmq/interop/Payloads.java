// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import java.nio.charset.StandardCharsets;

/** Deterministic message bodies shared with {@code peer.py}. */
final class Payloads {
    private Payloads() {
    }

    /**
     * Message {@code index} of a numbered run, as {@code peer.py}'s {@code sendn} builds it:
     * {@code index} as uint32 BE, then bytes 0, 1, 2, ... (mod 256), cut to {@code size} bytes.
     */
    static byte[] numbered(int index, int size) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = i < Integer.BYTES ? (byte) (index >>> (24 - 8 * i)) : (byte) (i - Integer.BYTES);
        }
        return body;
    }

    /**
     * A frame of {@code size} bytes whose content depends on {@code salt}, covering every byte
     * value (including the ZMTP flag values and 0x00) so that no byte is special-cased.
     */
    static byte[] pattern(int size, int salt) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) (i * 31 + salt * 7 + (i >>> 8));
        }
        return body;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
