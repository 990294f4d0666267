// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

/**
 * The Salsa20/20 core (D. J. Bernstein's specification): 16 little-endian words in, 20 rounds, 16
 * words out. Stateless and thread-safe. Written by hand because Bouncy Castle's engine re-keys with
 * new parameter objects per nonce and XORs byte by byte, which made it CURVE's bottleneck; the
 * tests check it against NaCl's vectors and against Bouncy Castle on random input.
 *
 * <p>Only additions, XORs and rotations of 32-bit words: no branch or table look-up depends on the
 * key, so it runs in constant time.
 */
final class Salsa20 {
    /** Words in a block. */
    static final int BLOCK_WORDS = 16;
    /** Bytes in a block. */
    static final int BLOCK_BYTES = 64;
    /** "expand 32-byte k" as four little-endian words (state words 0, 5, 10 and 15). */
    static final int SIGMA0 = 0x61707865;
    static final int SIGMA1 = 0x3320646e;
    static final int SIGMA2 = 0x79622d32;
    static final int SIGMA3 = 0x6b206574;

    private Salsa20() {
    }

    /**
     * One keystream block: the state after 20 rounds plus the state itself (the feed-forward).
     *
     * @param in the 16-word input state
     * @param out receives 16 words; may not be {@code in}
     */
    static void block(int[] in, int[] out) {
        core(in, out, true);
    }

    /**
     * The 20 rounds alone, without the feed-forward (what HSalsa20 needs).
     *
     * @param in the 16-word input state
     * @param out receives 16 words; may be {@code in}
     */
    static void rounds(int[] in, int[] out) {
        core(in, out, false);
    }

    private static void core(int[] in, int[] out, boolean feedForward) {
        int x0 = in[0];
        int x1 = in[1];
        int x2 = in[2];
        int x3 = in[3];
        int x4 = in[4];
        int x5 = in[5];
        int x6 = in[6];
        int x7 = in[7];
        int x8 = in[8];
        int x9 = in[9];
        int x10 = in[10];
        int x11 = in[11];
        int x12 = in[12];
        int x13 = in[13];
        int x14 = in[14];
        int x15 = in[15];
        for (int i = 0; i < 10; i++) {
            // column round
            x4 ^= Integer.rotateLeft(x0 + x12, 7);
            x8 ^= Integer.rotateLeft(x4 + x0, 9);
            x12 ^= Integer.rotateLeft(x8 + x4, 13);
            x0 ^= Integer.rotateLeft(x12 + x8, 18);
            x9 ^= Integer.rotateLeft(x5 + x1, 7);
            x13 ^= Integer.rotateLeft(x9 + x5, 9);
            x1 ^= Integer.rotateLeft(x13 + x9, 13);
            x5 ^= Integer.rotateLeft(x1 + x13, 18);
            x14 ^= Integer.rotateLeft(x10 + x6, 7);
            x2 ^= Integer.rotateLeft(x14 + x10, 9);
            x6 ^= Integer.rotateLeft(x2 + x14, 13);
            x10 ^= Integer.rotateLeft(x6 + x2, 18);
            x3 ^= Integer.rotateLeft(x15 + x11, 7);
            x7 ^= Integer.rotateLeft(x3 + x15, 9);
            x11 ^= Integer.rotateLeft(x7 + x3, 13);
            x15 ^= Integer.rotateLeft(x11 + x7, 18);
            // row round
            x1 ^= Integer.rotateLeft(x0 + x3, 7);
            x2 ^= Integer.rotateLeft(x1 + x0, 9);
            x3 ^= Integer.rotateLeft(x2 + x1, 13);
            x0 ^= Integer.rotateLeft(x3 + x2, 18);
            x6 ^= Integer.rotateLeft(x5 + x4, 7);
            x7 ^= Integer.rotateLeft(x6 + x5, 9);
            x4 ^= Integer.rotateLeft(x7 + x6, 13);
            x5 ^= Integer.rotateLeft(x4 + x7, 18);
            x11 ^= Integer.rotateLeft(x10 + x9, 7);
            x8 ^= Integer.rotateLeft(x11 + x10, 9);
            x9 ^= Integer.rotateLeft(x8 + x11, 13);
            x10 ^= Integer.rotateLeft(x9 + x8, 18);
            x12 ^= Integer.rotateLeft(x15 + x14, 7);
            x13 ^= Integer.rotateLeft(x12 + x15, 9);
            x14 ^= Integer.rotateLeft(x13 + x12, 13);
            x15 ^= Integer.rotateLeft(x14 + x13, 18);
        }
        if (feedForward) {
            x0 += in[0];
            x1 += in[1];
            x2 += in[2];
            x3 += in[3];
            x4 += in[4];
            x5 += in[5];
            x6 += in[6];
            x7 += in[7];
            x8 += in[8];
            x9 += in[9];
            x10 += in[10];
            x11 += in[11];
            x12 += in[12];
            x13 += in[13];
            x14 += in[14];
            x15 += in[15];
        }
        out[0] = x0;
        out[1] = x1;
        out[2] = x2;
        out[3] = x3;
        out[4] = x4;
        out[5] = x5;
        out[6] = x6;
        out[7] = x7;
        out[8] = x8;
        out[9] = x9;
        out[10] = x10;
        out[11] = x11;
        out[12] = x12;
        out[13] = x13;
        out[14] = x14;
        out[15] = x15;
    }

    /**
     * Puts the constants and a 256-bit key into a state; the caller fills words 6 to 9 (nonce and
     * counter for Salsa20, the 16-byte input for HSalsa20).
     *
     * @param key 8 key words
     * @param state receives the constants and the key
     */
    static void setKey(int[] key, int[] state) {
        state[0] = SIGMA0;
        state[1] = key[0];
        state[2] = key[1];
        state[3] = key[2];
        state[4] = key[3];
        state[5] = SIGMA1;
        state[10] = SIGMA2;
        state[11] = key[4];
        state[12] = key[5];
        state[13] = key[6];
        state[14] = key[7];
        state[15] = SIGMA3;
    }
}
