// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.util.Arrays;

/**
 * Salsa20/20 over up to {@link #MAX_BLOCKS} consecutive keystream blocks at once, for long messages.
 * The state is kept lane by lane: array {@code wK} holds word K of every block, so each quarter-round
 * step is one loop over the blocks that does the same additions, XORs and rotations on every lane.
 * HotSpot's C2 compiler turns such loops into SIMD instructions (superword vectorization, SSE/AVX) on
 * its own, with no flag and no incubator module; {@link Salsa20#block} computes one block in scalar
 * registers and stays the path for short messages, where a loop over few lanes costs more than it
 * saves. Both compute the same function: the tests compare them block for block.
 *
 * <p>Like {@link Salsa20}: only additions, XORs and rotations of 32-bit words; the number of lanes
 * depends on the message length alone, so it runs in constant time with respect to key and data.
 *
 * <p>Owner: the thread that owns the {@link SecretBox} holding it; not thread-safe (the lanes are
 * scratch state, 8 KiB, allocated once per box when it first meets a long message).
 */
final class Salsa20Lanes {
    /** Blocks per call: 128 lanes of 16 words (8 KiB) stay in the L1 cache between the steps. */
    static final int MAX_BLOCKS = 128;

    private final int[] w0 = new int[MAX_BLOCKS];
    private final int[] w1 = new int[MAX_BLOCKS];
    private final int[] w2 = new int[MAX_BLOCKS];
    private final int[] w3 = new int[MAX_BLOCKS];
    private final int[] w4 = new int[MAX_BLOCKS];
    private final int[] w5 = new int[MAX_BLOCKS];
    private final int[] w6 = new int[MAX_BLOCKS];
    private final int[] w7 = new int[MAX_BLOCKS];
    private final int[] w8 = new int[MAX_BLOCKS];
    private final int[] w9 = new int[MAX_BLOCKS];
    private final int[] w10 = new int[MAX_BLOCKS];
    private final int[] w11 = new int[MAX_BLOCKS];
    private final int[] w12 = new int[MAX_BLOCKS];
    private final int[] w13 = new int[MAX_BLOCKS];
    private final int[] w14 = new int[MAX_BLOCKS];
    private final int[] w15 = new int[MAX_BLOCKS];

    /**
     * XORs {@code blocks} keystream blocks into {@code blocks * 64} bytes: block {@code j} is the one
     * at counter {@code state[8..9] + j}. The caller advances the counter afterwards. In-place use
     * ({@code in == out}, same offset) is allowed.
     *
     * @param state the 16-word Salsa20 input, counter in words 8 (low) and 9 (high)
     * @param blocks how many blocks, 1 to {@link #MAX_BLOCKS}
     * @param in the input bytes
     * @param inOff where they start
     * @param out receives the XOR
     * @param outOff where it starts
     */
    void xor(int[] state, int blocks, byte[] in, int inOff, byte[] out, int outOff) {
        load(state, blocks);
        int n = blocks;
        for (int i = 0; i < 10; i++) {
            // column round
            quarter(w0, w4, w8, w12, n);
            quarter(w5, w9, w13, w1, n);
            quarter(w10, w14, w2, w6, n);
            quarter(w15, w3, w7, w11, n);
            // row round
            quarter(w0, w1, w2, w3, n);
            quarter(w5, w6, w7, w4, n);
            quarter(w10, w11, w8, w9, n);
            quarter(w15, w12, w13, w14, n);
        }
        store(state, blocks, in, inOff, out, outOff);
    }

    /** Every lane starts as the state, with its own block counter. */
    private void load(int[] state, int n) {
        Arrays.fill(w0, 0, n, state[0]);
        Arrays.fill(w1, 0, n, state[1]);
        Arrays.fill(w2, 0, n, state[2]);
        Arrays.fill(w3, 0, n, state[3]);
        Arrays.fill(w4, 0, n, state[4]);
        Arrays.fill(w5, 0, n, state[5]);
        Arrays.fill(w6, 0, n, state[6]);
        Arrays.fill(w7, 0, n, state[7]);
        long counter = counter(state);
        for (int j = 0; j < n; j++) {
            long c = counter + j;
            w8[j] = (int) c;
            w9[j] = (int) (c >>> 32);
        }
        Arrays.fill(w10, 0, n, state[10]);
        Arrays.fill(w11, 0, n, state[11]);
        Arrays.fill(w12, 0, n, state[12]);
        Arrays.fill(w13, 0, n, state[13]);
        Arrays.fill(w14, 0, n, state[14]);
        Arrays.fill(w15, 0, n, state[15]);
    }

    /**
     * One quarter-round on every lane: {@code a} is the diagonal word, {@code b}, {@code c}, {@code d}
     * the three that follow it (the same steps as {@link Salsa20}'s, one loop per four words so that
     * each lane's four words stay in registers between the steps).
     */
    private static void quarter(int[] a, int[] b, int[] c, int[] d, int n) {
        for (int j = 0; j < n; j++) {
            int xa = a[j];
            int xb = b[j];
            int xc = c[j];
            int xd = d[j];
            xb ^= Integer.rotateLeft(xa + xd, 7);
            xc ^= Integer.rotateLeft(xb + xa, 9);
            xd ^= Integer.rotateLeft(xc + xb, 13);
            xa ^= Integer.rotateLeft(xd + xc, 18);
            a[j] = xa;
            b[j] = xb;
            c[j] = xc;
            d[j] = xd;
        }
    }

    /**
     * Feed-forward (the state added back) and XOR, block by block in wire order, two keystream words
     * per 64-bit access (little-endian: the even word is the low half).
     */
    private void store(int[] state, int n, byte[] in, int inOff, byte[] out, int outOff) {
        long counter = counter(state);
        for (int j = 0; j < n; j++) {
            int i = inOff + j * Salsa20.BLOCK_BYTES;
            int o = outOff + j * Salsa20.BLOCK_BYTES;
            long c = counter + j;
            xorPair(in, i, out, o, w0[j] + state[0], w1[j] + state[1]);
            xorPair(in, i + 8, out, o + 8, w2[j] + state[2], w3[j] + state[3]);
            xorPair(in, i + 16, out, o + 16, w4[j] + state[4], w5[j] + state[5]);
            xorPair(in, i + 24, out, o + 24, w6[j] + state[6], w7[j] + state[7]);
            xorPair(in, i + 32, out, o + 32, w8[j] + (int) c, w9[j] + (int) (c >>> 32));
            xorPair(in, i + 40, out, o + 40, w10[j] + state[10], w11[j] + state[11]);
            xorPair(in, i + 48, out, o + 48, w12[j] + state[12], w13[j] + state[13]);
            xorPair(in, i + 56, out, o + 56, w14[j] + state[14], w15[j] + state[15]);
        }
    }

    private static void xorPair(byte[] in, int inOff, byte[] out, int outOff, int low, int high) {
        long keystream = (low & 0xffffffffL) | ((long) high << 32);
        LittleEndian.putLong(out, outOff, LittleEndian.getLong(in, inOff) ^ keystream);
    }

    private static long counter(int[] state) {
        return (state[8] & 0xffffffffL) | ((long) state[9] << 32);
    }
}
