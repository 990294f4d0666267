// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.util.Arrays;
import java.util.Locale;

/**
 * The bulk of a long Poly1305 message in {@link #LANES} independent accumulators, for
 * {@link Poly1305}. Lane {@code j} takes blocks {@code j}, {@code j + LANES}, {@code j + 2 * LANES}
 * and so on by Horner's rule with r^LANES:
 * {@code H_j = H_j * r^LANES + m}. The lanes' sum {@code H_0 * r^LANES + H_1 * r^(LANES-1) + ... +
 * H_(LANES-1) * r}, which {@link Poly1305} forms by Horner's rule with r, is then exactly the
 * accumulator of the plain one-block-at-a-time computation.
 *
 * <p><b>Why lanes.</b> Each step does the same additions and multiplications on every lane, one
 * loop over the lanes per operation. HotSpot's C2 compiles such loops into SIMD instructions on its
 * own (superword vectorization; 64-bit multiplies need AVX2 or better), which the scalar
 * accumulator, one long dependency chain, cannot use. Each loop does at most two 64-bit multiplies:
 * C2 counts a multiply as ten nodes against its unrolling budget (60 by default), and a loop it
 * does not unroll is not vectorized. Split that way, a 64 KiB message costs about half the CPU of
 * the scalar code. On a processor where the loops are not vectorized it costs about a quarter more,
 * so {@link #USE} limits the lanes to x86-64.
 *
 * <p><b>Representation.</b> Five 26-bit limbs per lane, in {@code long} arrays indexed by lane
 * ({@code h0[j]} is limb 0 of lane j). A product of two limbs is below 2^55 and a limb of the
 * multiplier times 5 (the wrap 2^130 = 5 mod p) below 2^29, so the five-term sums fit in a
 * {@code long} with room for the carries.
 *
 * <p><b>Constant time.</b> Only additions, multiplications, shifts and masks: no branch or index
 * depends on the key or the message.
 *
 * <p>Owner: the thread that owns the {@link Poly1305} holding it; not thread-safe (about 8 KiB of
 * scratch state, allocated once, when the MAC first meets a long message).
 */
final class Poly1305Lanes {
    /** Accumulators: blocks taken per step. */
    static final int LANES = 64;
    /** Whether long messages go through the lanes: where C2 vectorizes 64-bit multiplies. */
    static final boolean USE = onX86();

    /** A 26-bit limb: the lanes' representation, which {@link Poly1305} converts to and from. */
    static final long MASK26 = (1L << 26) - 1;
    /** 2^128 added to every full 16-byte block: its appended 1 bit, in limb 4 (bit 104). */
    private static final long HIBIT = 1L << 24;

    /** The lanes' accumulators, limb by limb. */
    final long[] h0 = new long[LANES];
    final long[] h1 = new long[LANES];
    final long[] h2 = new long[LANES];
    final long[] h3 = new long[LANES];
    final long[] h4 = new long[LANES];
    /** The step's message blocks, limb by limb. */
    private final long[] m0 = new long[LANES];
    private final long[] m1 = new long[LANES];
    private final long[] m2 = new long[LANES];
    private final long[] m3 = new long[LANES];
    private final long[] m4 = new long[LANES];
    /** The step's products before the carry. */
    private final long[] d0 = new long[LANES];
    private final long[] d1 = new long[LANES];
    private final long[] d2 = new long[LANES];
    private final long[] d3 = new long[LANES];
    private final long[] d4 = new long[LANES];

    private static boolean onX86() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return arch.equals("amd64") || arch.equals("x86_64");
    }

    /**
     * Runs {@code steps} steps over {@code steps * LANES} whole blocks. Lane 0's first block also
     * takes {@code start}, the accumulator of the message so far. Afterwards {@link #h0} to
     * {@link #h4} hold the lanes, each limb below 2^26 but limb 1, which may exceed it by 2^9.
     *
     * @param message the bytes
     * @param offset where the blocks start
     * @param steps how many steps, at least 1
     * @param power r^LANES in five 26-bit limbs
     * @param start the accumulator so far in five 26-bit limbs
     */
    void run(byte[] message, int offset, int steps, long[] power, long[] start) {
        split(message, offset);
        System.arraycopy(m0, 0, h0, 0, LANES);
        System.arraycopy(m1, 0, h1, 0, LANES);
        System.arraycopy(m2, 0, h2, 0, LANES);
        System.arraycopy(m3, 0, h3, 0, LANES);
        System.arraycopy(m4, 0, h4, 0, LANES);
        h0[0] += start[0];
        h1[0] += start[1];
        h2[0] += start[2];
        h3[0] += start[3];
        h4[0] += start[4];
        long r0 = power[0];
        long r1 = power[1];
        long r2 = power[2];
        long r3 = power[3];
        long r4 = power[4];
        long s1 = r1 * 5;
        long s2 = r2 * 5;
        long s3 = r3 * 5;
        long s4 = r4 * 5;
        for (int step = 1; step < steps; step++) {
            split(message, offset + step * LANES * 16);
            // d = h * r^LANES + m, limb k taking the products whose limb indices sum to k (mod 5)
            twoProducts(d0, h0, h1, r0, s4, m0);
            addTwoProducts(d0, h2, h3, s3, s2);
            addProduct(d0, h4, s1);
            twoProducts(d1, h0, h1, r1, r0, m1);
            addTwoProducts(d1, h2, h3, s4, s3);
            addProduct(d1, h4, s2);
            twoProducts(d2, h0, h1, r2, r1, m2);
            addTwoProducts(d2, h2, h3, r0, s4);
            addProduct(d2, h4, s3);
            twoProducts(d3, h0, h1, r3, r2, m3);
            addTwoProducts(d3, h2, h3, r1, r0);
            addProduct(d3, h4, s4);
            twoProducts(d4, h0, h1, r4, r3, m4);
            addTwoProducts(d4, h2, h3, r2, r1);
            addProduct(d4, h4, r0);
            carry();
        }
    }

    /** Forgets the lanes (message and key dependent). */
    void wipe() {
        Arrays.fill(h0, 0);
        Arrays.fill(h1, 0);
        Arrays.fill(h2, 0);
        Arrays.fill(h3, 0);
        Arrays.fill(h4, 0);
        Arrays.fill(m0, 0);
        Arrays.fill(m1, 0);
        Arrays.fill(m2, 0);
        Arrays.fill(m3, 0);
        Arrays.fill(m4, 0);
        Arrays.fill(d0, 0);
        Arrays.fill(d1, 0);
        Arrays.fill(d2, 0);
        Arrays.fill(d3, 0);
        Arrays.fill(d4, 0);
    }

    /** The step's blocks as limbs, lane by lane (a scalar loop: the blocks are 16 bytes apart). */
    private void split(byte[] message, int offset) {
        for (int j = 0; j < LANES; j++) {
            long t0 = LittleEndian.getLong(message, offset + 16 * j);
            long t1 = LittleEndian.getLong(message, offset + 16 * j + 8);
            m0[j] = t0 & MASK26;
            m1[j] = (t0 >>> 26) & MASK26;
            m2[j] = ((t0 >>> 52) | (t1 << 12)) & MASK26;
            m3[j] = (t1 >>> 14) & MASK26;
            m4[j] = (t1 >>> 40) | HIBIT;
        }
    }

    private static void twoProducts(long[] out, long[] a, long[] b, long x, long y, long[] plus) {
        for (int j = 0; j < LANES; j++) {
            out[j] = a[j] * x + b[j] * y + plus[j];
        }
    }

    private static void addTwoProducts(long[] out, long[] a, long[] b, long x, long y) {
        for (int j = 0; j < LANES; j++) {
            out[j] += a[j] * x + b[j] * y;
        }
    }

    private static void addProduct(long[] out, long[] a, long x) {
        for (int j = 0; j < LANES; j++) {
            out[j] += a[j] * x;
        }
    }

    /**
     * h = d carried down to 26-bit limbs, the carry out of limb 4 wrapped times 5 (as a shift and
     * an add: a multiply would cost the loop its unrolling).
     */
    private void carry() {
        for (int j = 0; j < LANES; j++) {
            long e0 = d0[j];
            long e1 = d1[j] + (e0 >>> 26);
            long e2 = d2[j] + (e1 >>> 26);
            long e3 = d3[j] + (e2 >>> 26);
            long e4 = d4[j] + (e3 >>> 26);
            long c = e4 >>> 26;
            e0 = (e0 & MASK26) + (c << 2) + c;
            h0[j] = e0 & MASK26;
            h1[j] = (e1 & MASK26) + (e0 >>> 26);
            h2[j] = e2 & MASK26;
            h3[j] = e3 & MASK26;
            h4[j] = e4 & MASK26;
        }
    }
}
