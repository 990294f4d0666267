// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.util.Arrays;

/**
 * HSalsa20 (the key derivation of XSalsa20, used by NaCl's {@code crypto_box_beforenm}): the
 * {@link Salsa20} rounds over the constants, a 256-bit key and a 128-bit input, read at words 0, 5,
 * 10, 15, 6, 7, 8, 9 without the feed-forward. Stateless and thread-safe.
 */
final class HSalsa20 {
    /** Key length in bytes. */
    static final int KEY_BYTES = 32;
    /** Input length in bytes. */
    static final int INPUT_BYTES = 16;
    /** Output length in bytes. */
    static final int OUTPUT_BYTES = 32;

    private static final int KEY_WORDS = KEY_BYTES / Integer.BYTES;

    private HSalsa20() {
    }

    /**
     * Computes HSalsa20(key, input).
     *
     * @param key 32 bytes
     * @param input 16 bytes
     * @param out receives 32 bytes at offset 0; may be the key array
     */
    static void hash(byte[] key, byte[] input, byte[] out) {
        int[] keyWords = new int[KEY_WORDS];
        for (int i = 0; i < KEY_WORDS; i++) {
            keyWords[i] = LittleEndian.getInt(key, i * Integer.BYTES);
        }
        int[] state = new int[Salsa20.BLOCK_WORDS];
        int[] derived = new int[KEY_WORDS];
        hash(keyWords, input, 0, state, derived);
        for (int i = 0; i < KEY_WORDS; i++) {
            LittleEndian.putInt(out, i * Integer.BYTES, derived[i]);
        }
        Arrays.fill(keyWords, 0);
        Arrays.fill(derived, 0);
    }

    /**
     * Computes HSalsa20 on words, allocating nothing.
     *
     * @param key 8 key words
     * @param input the 16-byte input
     * @param inputOffset where it starts
     * @param state 16 words of scratch, left holding secret-derived words (the caller wipes or reuses it)
     * @param out receives the 8 output words
     */
    static void hash(int[] key, byte[] input, int inputOffset, int[] state, int[] out) {
        Salsa20.setKey(key, state);
        for (int i = 0; i < 4; i++) {
            state[6 + i] = LittleEndian.getInt(input, inputOffset + i * Integer.BYTES);
        }
        Salsa20.rounds(state, state);
        out[0] = state[0];
        out[1] = state[5];
        out[2] = state[10];
        out[3] = state[15];
        out[4] = state[6];
        out[5] = state[7];
        out[6] = state[8];
        out[7] = state[9];
    }
}
