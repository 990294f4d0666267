// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.util.Arrays;

/**
 * The Poly1305 one-time authenticator (D. J. Bernstein; RFC 8439 section 2.5), streaming: {@link #init}
 * with a fresh 32-byte key, {@link #update} any number of times with pieces of any length, then
 * {@link #finish}. Owned by one thread (the owner of the {@link SecretBox} that holds it); not
 * thread-safe.
 *
 * <p><b>Representation.</b> The accumulator and {@code r} are three limbs of 44, 44 and 42 bits, so a
 * block costs nine limb products instead of the 25 of five 26-bit limbs. A product of two limbs needs
 * up to 92 bits: its low 64 bits are {@code a * b}, its high ones {@code Math.multiplyHigh(a, b)}
 * (one instruction once compiled; every operand is below 2^63, so the signed high half is the
 * unsigned one). Each product is split at once at its limb's width, the low part (at most 44 bits)
 * and the part above it (at most 49 bits) summed apart, so every sum fits a {@code long} and no
 * 128-bit carry is ever needed. Long messages are absorbed two blocks per step,
 * {@code h = (h + m1) * r^2 + m2 * r} with r^2 computed once per key: the two products do not depend
 * on each other, so the processor overlaps them, and there is one carry pass per two blocks.
 * Runs of at least four times {@link Poly1305Lanes#LANES} blocks go through {@link Poly1305Lanes}
 * (where it is used), whose loops the JIT vectorizes; its lanes are folded back in here.
 *
 * <p><b>Constant time.</b> No branch or array index depends on the key, the accumulator or the
 * message bytes: branches only look at lengths. The final reduction modulo 2^130 - 5 selects between
 * {@code h} and {@code h - p} with a mask made from the sign of the subtraction.
 */
final class Poly1305 {
    /** Tag length. */
    static final int TAG_BYTES = 16;
    /** Key length: r (16, clamped) then s (16). */
    static final int KEY_BYTES = 32;

    private static final int BLOCK_BYTES = 16;
    /** Blocks per lane step, and the shortest run worth the lanes' set-up and final sum. */
    private static final int LANE_STEP_BYTES = Poly1305Lanes.LANES * BLOCK_BYTES;
    private static final int LANES_MIN_BYTES = 4 * LANE_STEP_BYTES;
    private static final long MASK44 = (1L << 44) - 1;
    private static final long MASK42 = (1L << 42) - 1;
    /** 2^128 added to every full 16-byte block: the block's appended 1 bit, in limb 2 (bit 88). */
    private static final long HIBIT = 1L << 40;

    private long r0;
    private long r1;
    private long r2;
    /**
     * 20 * r1 and 20 * r2: a product at 2^132 or above wraps to 2^132 = 4 * 2^130 = 20 (mod p), folded
     * into r once per key.
     */
    private long q1;
    private long q2;
    /**
     * r^2 mod p in the same limbs, and 20 times its limbs 1 and 2; computed at the first two-block
     * step of a key ({@code squared}), so short messages (most CURVE frames) never pay for it.
     */
    private long u0;
    private long u1;
    private long u2;
    private long v1;
    private long v2;
    private boolean squared;
    /** s, the key's second half, as two little-endian 64-bit words. */
    private long sLow;
    private long sHigh;
    private long h0;
    private long h1;
    private long h2;
    /** A partial block waiting for more bytes. */
    private final byte[] pending = new byte[BLOCK_BYTES];
    private int pendingLength;
    /** Long messages' bulk, created when this MAC first meets one ({@link Poly1305Lanes#USE}). */
    private Poly1305Lanes lanes;
    /** r^LANES in 26-bit limbs, valid when {@link #powered}: computed once per key, when needed. */
    private final long[] power = new long[5];
    private boolean powered;
    /** The accumulator handed to the lanes, in 26-bit limbs. */
    private final long[] start = new long[5];
    /** Whether the lanes hold something of this key (then {@link #wipe} clears them). */
    private boolean lanesUsed;

    /**
     * Starts a tag under a key given as eight little-endian words (how {@link SecretBox} has the first
     * half of its first keystream block).
     *
     * @param key 8 words: r in words 0 to 3 (clamped here), s in words 4 to 7
     */
    void init(int[] key) {
        long t0 = word(key[0], key[1]);
        long t1 = word(key[2], key[3]);
        // r's clamp (RFC 8439: r &= 0x0ffffffc0ffffffc0ffffffc0fffffff) folded into the limb masks
        r0 = t0 & 0xffc0fffffffL;
        r1 = ((t0 >>> 44) | (t1 << 20)) & 0xfffffc0ffffL;
        r2 = (t1 >>> 24) & 0x00ffffffc0fL;
        q1 = r1 * 20;
        q2 = r2 * 20;
        squared = false;
        powered = false;
        sLow = word(key[4], key[5]);
        sHigh = word(key[6], key[7]);
        h0 = 0;
        h1 = 0;
        h2 = 0;
        pendingLength = 0;
    }

    /**
     * Starts a tag under a 32-byte key.
     *
     * @param key the key bytes
     * @param offset where they start
     */
    void init(byte[] key, int offset) {
        int[] words = new int[8];
        for (int i = 0; i < words.length; i++) {
            words[i] = LittleEndian.getInt(key, offset + i * Integer.BYTES);
        }
        init(words);
        Arrays.fill(words, 0);
    }

    /**
     * Adds message bytes.
     *
     * @param message the bytes
     * @param offset where they start
     * @param length how many
     */
    void update(byte[] message, int offset, int length) {
        int at = offset;
        int left = length;
        if (pendingLength > 0) {
            int n = Math.min(left, BLOCK_BYTES - pendingLength);
            System.arraycopy(message, at, pending, pendingLength, n);
            pendingLength += n;
            at += n;
            left -= n;
            if (pendingLength < BLOCK_BYTES) {
                return;
            }
            block(pending, 0, HIBIT);
            pendingLength = 0;
        }
        if (Poly1305Lanes.USE && left >= LANES_MIN_BYTES) {
            int steps = left / LANE_STEP_BYTES;
            absorbInLanes(message, at, steps);
            at += steps * LANE_STEP_BYTES;
            left -= steps * LANE_STEP_BYTES;
        }
        if (left >= 2 * BLOCK_BYTES && !squared) {
            squareR();
        }
        while (left >= 2 * BLOCK_BYTES) {
            twoBlocks(message, at);
            at += 2 * BLOCK_BYTES;
            left -= 2 * BLOCK_BYTES;
        }
        if (left >= BLOCK_BYTES) {
            block(message, at, HIBIT);
            at += BLOCK_BYTES;
            left -= BLOCK_BYTES;
        }
        if (left > 0) {
            System.arraycopy(message, at, pending, 0, left);
            pendingLength = left;
        }
    }

    /**
     * Adds one whole 16-byte block given as four little-endian words, with nothing pending (the
     * fast path of {@link SecretBox}, which feeds ciphertext straight from its keystream words).
     */
    void updateBlock(int t0, int t1, int t2, int t3) {
        absorb(word(t0, t1), word(t2, t3), HIBIT);
    }

    /** Tells whether a partial block is pending (then {@link #updateBlock} may not be used). */
    boolean hasPending() {
        return pendingLength != 0;
    }

    /**
     * Writes the tag and forgets the key.
     *
     * @param out receives 16 bytes
     * @param offset where they start
     */
    void finish(byte[] out, int offset) {
        if (pendingLength > 0) {
            // the last partial block gets its 1 byte appended and zero padding, and no 2^128
            Arrays.fill(pending, pendingLength, BLOCK_BYTES, (byte) 0);
            pending[pendingLength] = 1;
            block(pending, 0, 0);
            pendingLength = 0;
        }
        // carry fully: h1 may exceed 44 bits by the last carry pass's small carry, and the first
        // pass's carry out of limb 2 may leave h1 just over 44 bits again (a fixed count: no branch)
        long c;
        for (int pass = 0; pass < 2; pass++) {
            c = h1 >>> 44;
            h1 &= MASK44;
            h2 += c;
            c = h2 >>> 42;
            h2 &= MASK42;
            h0 += c * 5;
            c = h0 >>> 44;
            h0 &= MASK44;
            h1 += c;
        }

        // g = h + 5 - 2^130; if g >= 0 then h >= p and the result is g, else h (chosen by mask)
        long g0 = h0 + 5;
        c = g0 >>> 44;
        g0 &= MASK44;
        long g1 = h1 + c;
        c = g1 >>> 44;
        g1 &= MASK44;
        long g2 = h2 + c - (1L << 42);
        long keepH = g2 >> 63;          // all ones when g2 < 0, i.e. h < p
        long takeG = ~keepH;
        h0 = (h0 & keepH) | (g0 & takeG);
        h1 = (h1 & keepH) | (g1 & takeG);
        h2 = (h2 & keepH) | (g2 & MASK42 & takeG);

        // (h + s) mod 2^128, as two 64-bit words with the carry between them made without a branch
        long low = h0 | (h1 << 44);
        long high = (h1 >>> 20) | (h2 << 24);
        long sum = low + sLow;
        long carry = ((low & sLow) | ((low | sLow) & ~sum)) >>> 63;
        LittleEndian.putLong(out, offset, sum);
        LittleEndian.putLong(out, offset + 8, high + sHigh + carry);
        wipe();
    }

    private void wipe() {
        r0 = 0;
        r1 = 0;
        r2 = 0;
        q1 = 0;
        q2 = 0;
        u0 = 0;
        u1 = 0;
        u2 = 0;
        v1 = 0;
        v2 = 0;
        squared = false;
        sLow = 0;
        sHigh = 0;
        h0 = 0;
        h1 = 0;
        h2 = 0;
        Arrays.fill(pending, (byte) 0);
        powered = false;
        Arrays.fill(power, 0);
        Arrays.fill(start, 0);
        if (lanesUsed) {
            lanes.wipe();
            lanesUsed = false;
        }
    }

    /**
     * Absorbs {@code steps * LANES} whole blocks through {@link Poly1305Lanes}, then folds the lanes
     * into h by Horner's rule with r: h = (...((0 + H_0) * r + H_1) * r + ...) * r, where H_0
     * carries the accumulator of the message before these blocks.
     */
    private void absorbInLanes(byte[] message, int offset, int steps) {
        if (lanes == null) {
            lanes = new Poly1305Lanes();
        }
        if (!powered) {
            raiseR();
        }
        lanesUsed = true;
        limbs26(h0, h1, h2, start);
        lanes.run(message, offset, steps, power, start);
        h0 = 0;
        h1 = 0;
        h2 = 0;
        for (int j = 0; j < Poly1305Lanes.LANES; j++) {
            // lane j in 44, 44 and 42-bit limbs (limb 2 a little over: within the bounds below)
            long t = lanes.h0[j] + (lanes.h1[j] << 26);
            long a0 = t & MASK44;
            t = (t >>> 44) + (lanes.h2[j] << 8) + (lanes.h3[j] << 34);
            long a1 = t & MASK44;
            long a2 = (t >>> 44) + (lanes.h4[j] << 16);
            multiplyByR(h0 + a0, h1 + a1, h2 + a2);
        }
    }

    /** power = r^LANES (LANES a power of two: squarings), in 26-bit limbs. Keeps h. */
    private void raiseR() {
        long k0 = h0;
        long k1 = h1;
        long k2 = h2;
        h0 = r0;
        h1 = r1;
        h2 = r2;
        for (int n = 1; n < Poly1305Lanes.LANES; n *= 2) {
            multiply(h0, h1, h2, h0, h1, h2, h1 * 20, h2 * 20);
        }
        limbs26(h0, h1, h2, power);
        powered = true;
        h0 = k0;
        h1 = k1;
        h2 = k2;
    }

    /**
     * A value in 44, 44 and 42-bit limbs (each up to a bit over) as five 26-bit limbs, carrying
     * between them; the last may exceed 26 bits by a little when the value is over 2^130.
     */
    private static void limbs26(long x0, long x1, long x2, long[] out) {
        out[0] = x0 & Poly1305Lanes.MASK26;
        long t = (x0 >>> 26) + ((x1 & 0xffL) << 18);
        out[1] = t & Poly1305Lanes.MASK26;
        t = (t >>> 26) + ((x1 >>> 8) & Poly1305Lanes.MASK26);
        out[2] = t & Poly1305Lanes.MASK26;
        t = (t >>> 26) + (x1 >>> 34) + ((x2 & 0xffffL) << 10);
        out[3] = t & Poly1305Lanes.MASK26;
        out[4] = (t >>> 26) + (x2 >>> 16);
    }

    private void block(byte[] m, int offset, long hibit) {
        absorb(LittleEndian.getLong(m, offset), LittleEndian.getLong(m, offset + 8), hibit);
    }

    /** Two little-endian 32-bit words as one 64-bit word. */
    private static long word(int low, int high) {
        return (low & 0xffffffffL) | ((long) high << 32);
    }

    /** The bits of {@code a * b} from bit 44 up (below 2^49 for the operands used here). */
    private static long above44(long a, long b) {
        return (Math.multiplyHigh(a, b) << 20) | ((a * b) >>> 44);
    }

    /** The bits of {@code a * b} from bit 42 up. */
    private static long above42(long a, long b) {
        return (Math.multiplyHigh(a, b) << 22) | ((a * b) >>> 42);
    }

    /**
     * u = r * r mod 2^130 - 5: {@link #multiplyByR} with r for the multiplicand. Limb 1 may exceed
     * 44 bits by a small carry, which the bounds below allow for. Keeps h, which is the accumulator
     * of the message so far.
     */
    private void squareR() {
        long k0 = h0;
        long k1 = h1;
        long k2 = h2;
        multiplyByR(r0, r1, r2);
        u0 = h0;
        u1 = h1;
        u2 = h2;
        v1 = u1 * 20;
        v2 = u2 * 20;
        squared = true;
        h0 = k0;
        h1 = k1;
        h2 = k2;
    }

    /**
     * h = ((h + m1) * r + m2) * r = (h + m1) * r^2 + m2 * r mod 2^130 - 5 for two whole blocks, with
     * one carry pass. Bounds: the limbs of h + m1 and m2 are below 2^45 (limb 2 below 2^43), u's and
     * r's below 2^44 + 2^10 and 20 times them below 2^48.4, so each product is below 2^93.4, its part
     * above the split below 2^49.4 and each limb's six-term sums below 2^52.
     */
    private void twoBlocks(byte[] m, int offset) {
        long t0 = LittleEndian.getLong(m, offset);
        long t1 = LittleEndian.getLong(m, offset + 8);
        long a0 = h0 + (t0 & MASK44);
        long a1 = h1 + (((t0 >>> 44) | (t1 << 20)) & MASK44);
        long a2 = h2 + ((t1 >>> 24) | HIBIT);
        t0 = LittleEndian.getLong(m, offset + 16);
        t1 = LittleEndian.getLong(m, offset + 24);
        long b0 = t0 & MASK44;
        long b1 = ((t0 >>> 44) | (t1 << 20)) & MASK44;
        long b2 = (t1 >>> 24) | HIBIT;
        long l0 = (a0 * u0 & MASK44) + (a1 * v2 & MASK44) + (a2 * v1 & MASK44)
                + (b0 * r0 & MASK44) + (b1 * q2 & MASK44) + (b2 * q1 & MASK44);
        long h0Above = above44(a0, u0) + above44(a1, v2) + above44(a2, v1)
                + above44(b0, r0) + above44(b1, q2) + above44(b2, q1);
        long l1 = (a0 * u1 & MASK44) + (a1 * u0 & MASK44) + (a2 * v2 & MASK44)
                + (b0 * r1 & MASK44) + (b1 * r0 & MASK44) + (b2 * q2 & MASK44);
        long h1Above = above44(a0, u1) + above44(a1, u0) + above44(a2, v2)
                + above44(b0, r1) + above44(b1, r0) + above44(b2, q2);
        long l2 = (a0 * u2 & MASK42) + (a1 * u1 & MASK42) + (a2 * u0 & MASK42)
                + (b0 * r2 & MASK42) + (b1 * r1 & MASK42) + (b2 * r0 & MASK42);
        long h2Above = above42(a0, u2) + above42(a1, u1) + above42(a2, u0)
                + above42(b0, r2) + above42(b1, r1) + above42(b2, r0);
        carry(l0, h0Above, l1, h1Above, l2, h2Above);
    }

    /** h = (h + block) * r mod 2^130 - 5, partially reduced; the block as two little-endian words. */
    private void absorb(long t0, long t1, long hibit) {
        long a0 = h0 + (t0 & MASK44);
        long a1 = h1 + (((t0 >>> 44) | (t1 << 20)) & MASK44);
        long a2 = h2 + ((t1 >>> 24) | hibit);
        multiplyByR(a0, a1, a2);
    }

    /** h = a * r mod 2^130 - 5, partially reduced: a in 44, 44 and 42-bit limbs (a little over each). */
    private void multiplyByR(long a0, long a1, long a2) {
        multiply(a0, a1, a2, r0, r1, r2, q1, q2);
    }

    /**
     * h = a * b mod 2^130 - 5, partially reduced; c1 and c2 are 20 times b's limbs 1 and 2. The
     * operands' limbs are those of an accumulator or of a power of r: below 2^45 (limb 2 below
     * 2^43) for a, below 2^44 + 2^10 for b, so each product is below 2^93.4 as in
     * {@link #twoBlocks}.
     */
    private void multiply(long a0, long a1, long a2, long b0, long b1, long b2, long c1, long c2) {
        long l0 = (a0 * b0 & MASK44) + (a1 * c2 & MASK44) + (a2 * c1 & MASK44);
        long above0 = above44(a0, b0) + above44(a1, c2) + above44(a2, c1);
        long l1 = (a0 * b1 & MASK44) + (a1 * b0 & MASK44) + (a2 * c2 & MASK44);
        long above1 = above44(a0, b1) + above44(a1, b0) + above44(a2, c2);
        long l2 = (a0 * b2 & MASK42) + (a1 * b1 & MASK42) + (a2 * b0 & MASK42);
        long above2 = above42(a0, b2) + above42(a1, b1) + above42(a2, b0);
        carry(l0, above0, l1, above1, l2, above2);
    }

    /**
     * h = the product carried down to 44, 44 and 42 bits, the carry out of limb 2 wrapped times 5.
     * Limb k of the product is {@code lowK + (aboveK << width)}: the low sums are below 2^47, so the
     * carries they add to the next limb are small.
     */
    private void carry(long l0, long above0, long l1, long above1, long l2, long above2) {
        long c0 = above0 + (l0 >>> 44);
        long e1 = l1 + c0;
        long c1 = above1 + (e1 >>> 44);
        long e2 = l2 + c1;
        long c2 = above2 + (e2 >>> 42);
        long e0 = (l0 & MASK44) + c2 * 5;
        h0 = e0 & MASK44;
        h1 = (e1 & MASK44) + (e0 >>> 44);
        h2 = e2 & MASK42;
    }
}
