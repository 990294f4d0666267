// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.util.Arrays;

/**
 * The Poly1305 one-time authenticator (D. J. Bernstein; RFC 8439 section 2.5), streaming: {@link #init}
 * with a fresh 32-byte key, {@link #update} any number of times with pieces of any length, then
 * {@link #finish}. Owned by one thread (the owner of the {@link SecretBox} that holds it); not
 * thread-safe.
 *
 * <p><b>Representation.</b> The accumulator and {@code r} are five 26-bit limbs, each held in a
 * {@code long}: a product of two limbs is below 2^55 and a sum of five such products (one limb of
 * {@code h * r}) below 2^58, so plain 64-bit arithmetic is exact and no 128-bit product is needed.
 * The alternative, three 44-bit limbs with {@code Math.multiplyHigh}, does fewer multiplications but
 * needs unsigned 128-bit carries that Java expresses awkwardly and that are harder to check by
 * reading; the 26-bit form is the one every constant-time reference implementation uses. Long
 * messages are absorbed two blocks per step, {@code h = (h + m1) * r^2 + m2 * r} with r^2 computed
 * once per key: the two products do not depend on each other, so the processor overlaps them, and
 * there is one carry pass per two blocks instead of one per block.
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
    private static final long MASK26 = 0x3ffffffL;
    /** 2^128 added to every full 16-byte block: the block's appended 1 bit, in limb 4. */
    private static final long HIBIT = 1L << 24;

    private long r0;
    private long r1;
    private long r2;
    private long r3;
    private long r4;
    /** 5 * r1 .. 5 * r4: the wrap-around of 2^130 = 5 (mod p) folded into r once per key. */
    private long q1;
    private long q2;
    private long q3;
    private long q4;
    /**
     * r^2 mod p in the same limbs (partly reduced), and 5 times its limbs 1 to 4: two blocks absorbed
     * at once as {@code (h + m1) * r^2 + m2 * r} give two independent multiplications per step.
     */
    private long u0;
    private long u1;
    private long u2;
    private long u3;
    private long u4;
    private long v1;
    private long v2;
    private long v3;
    private long v4;
    private int s0;
    private int s1;
    private int s2;
    private int s3;
    private long h0;
    private long h1;
    private long h2;
    private long h3;
    private long h4;
    /** A partial block waiting for more bytes. */
    private final byte[] pending = new byte[BLOCK_BYTES];
    private int pendingLength;

    /**
     * Starts a tag under a key given as eight little-endian words (how {@link SecretBox} has the first
     * half of its first keystream block).
     *
     * @param key 8 words: r in words 0 to 3 (clamped here), s in words 4 to 7
     */
    void init(int[] key) {
        int t0 = key[0];
        int t1 = key[1];
        int t2 = key[2];
        int t3 = key[3];
        // r's clamp (RFC 8439: r &= 0x0ffffffc0ffffffc0ffffffc0fffffff) is folded into the limb masks
        // (int arithmetic: each limb is at most 26 bits, so it is exact and non-negative)
        int l0 = t0 & 0x3ffffff;
        int l1 = ((t0 >>> 26) | (t1 << 6)) & 0x3ffff03;
        int l2 = ((t1 >>> 20) | (t2 << 12)) & 0x3ffc0ff;
        int l3 = ((t2 >>> 14) | (t3 << 18)) & 0x3f03fff;
        int l4 = (t3 >>> 8) & 0x00fffff;
        r0 = l0;
        r1 = l1;
        r2 = l2;
        r3 = l3;
        r4 = l4;
        q1 = r1 * 5;
        q2 = r2 * 5;
        q3 = r3 * 5;
        q4 = r4 * 5;
        squareR();
        s0 = key[4];
        s1 = key[5];
        s2 = key[6];
        s3 = key[7];
        h0 = 0;
        h1 = 0;
        h2 = 0;
        h3 = 0;
        h4 = 0;
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
        while (left >= 2 * BLOCK_BYTES) {
            twoBlocks(message, at);
            at += 2 * BLOCK_BYTES;
            left -= 2 * BLOCK_BYTES;
        }
        while (left >= BLOCK_BYTES) {
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
        absorb(t0, t1, t2, t3, HIBIT);
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
        long c;
        c = h1 >>> 26;
        h1 &= MASK26;
        h2 += c;
        c = h2 >>> 26;
        h2 &= MASK26;
        h3 += c;
        c = h3 >>> 26;
        h3 &= MASK26;
        h4 += c;
        c = h4 >>> 26;
        h4 &= MASK26;
        h0 += c * 5;
        c = h0 >>> 26;
        h0 &= MASK26;
        h1 += c;

        // g = h + 5 - 2^130; if g >= 0 then h >= p and the result is g, else h (chosen by mask)
        long g0 = h0 + 5;
        c = g0 >>> 26;
        g0 &= MASK26;
        long g1 = h1 + c;
        c = g1 >>> 26;
        g1 &= MASK26;
        long g2 = h2 + c;
        c = g2 >>> 26;
        g2 &= MASK26;
        long g3 = h3 + c;
        c = g3 >>> 26;
        g3 &= MASK26;
        long g4 = h4 + c - (1L << 26);
        long keepH = g4 >> 63;          // all ones when g4 < 0, i.e. h < p
        long takeG = ~keepH;
        h0 = (h0 & keepH) | (g0 & takeG);
        h1 = (h1 & keepH) | (g1 & takeG);
        h2 = (h2 & keepH) | (g2 & takeG);
        h3 = (h3 & keepH) | (g3 & takeG);
        h4 = (h4 & keepH) | (g4 & MASK26 & takeG);

        // h mod 2^128 as four 32-bit words, plus s
        long w0 = (h0 | (h1 << 26)) & 0xffffffffL;
        long w1 = ((h1 >>> 6) | (h2 << 20)) & 0xffffffffL;
        long w2 = ((h2 >>> 12) | (h3 << 14)) & 0xffffffffL;
        long w3 = ((h3 >>> 18) | (h4 << 8)) & 0xffffffffL;
        long f = w0 + (s0 & 0xffffffffL);
        LittleEndian.putInt(out, offset, (int) f);
        f = w1 + (s1 & 0xffffffffL) + (f >>> 32);
        LittleEndian.putInt(out, offset + 4, (int) f);
        f = w2 + (s2 & 0xffffffffL) + (f >>> 32);
        LittleEndian.putInt(out, offset + 8, (int) f);
        f = w3 + (s3 & 0xffffffffL) + (f >>> 32);
        LittleEndian.putInt(out, offset + 12, (int) f);
        wipe();
    }

    private void wipe() {
        r0 = 0;
        r1 = 0;
        r2 = 0;
        r3 = 0;
        r4 = 0;
        q1 = 0;
        q2 = 0;
        q3 = 0;
        q4 = 0;
        u0 = 0;
        u1 = 0;
        u2 = 0;
        u3 = 0;
        u4 = 0;
        v1 = 0;
        v2 = 0;
        v3 = 0;
        v4 = 0;
        s0 = 0;
        s1 = 0;
        s2 = 0;
        s3 = 0;
        h0 = 0;
        h1 = 0;
        h2 = 0;
        h3 = 0;
        h4 = 0;
        Arrays.fill(pending, (byte) 0);
    }

    private void block(byte[] m, int offset, long hibit) {
        absorb(LittleEndian.getInt(m, offset), LittleEndian.getInt(m, offset + 4),
                LittleEndian.getInt(m, offset + 8), LittleEndian.getInt(m, offset + 12), hibit);
    }

    /**
     * u = r * r mod 2^130 - 5, partially reduced like h (limb 1 may exceed 26 bits by a carry): r's
     * limbs are below 2^26 and q's below 2^28.4, so every sum of five products is below 2^57 and exact.
     */
    private void squareR() {
        long d0 = r0 * r0 + r1 * q4 + r2 * q3 + r3 * q2 + r4 * q1;
        long d1 = r0 * r1 + r1 * r0 + r2 * q4 + r3 * q3 + r4 * q2;
        long d2 = r0 * r2 + r1 * r1 + r2 * r0 + r3 * q4 + r4 * q3;
        long d3 = r0 * r3 + r1 * r2 + r2 * r1 + r3 * r0 + r4 * q4;
        long d4 = r0 * r4 + r1 * r3 + r2 * r2 + r3 * r1 + r4 * r0;
        long c = d0 >>> 26;
        d1 += c;
        c = d1 >>> 26;
        d2 += c;
        c = d2 >>> 26;
        d3 += c;
        c = d3 >>> 26;
        d4 += c;
        c = d4 >>> 26;
        long e0 = (d0 & MASK26) + c * 5;
        u1 = (d1 & MASK26) + (e0 >>> 26);
        u0 = e0 & MASK26;
        u2 = d2 & MASK26;
        u3 = d3 & MASK26;
        u4 = d4 & MASK26;
        v1 = u1 * 5;
        v2 = u2 * 5;
        v3 = u3 * 5;
        v4 = u4 * 5;
    }

    /**
     * h = ((h + m1) * r + m2) * r = (h + m1) * r^2 + m2 * r mod 2^130 - 5 for two whole blocks, with one
     * carry pass. Bounds: h + m1 has limbs below 2^27 + 2^11 and 5u's below 2^28.4, m2's are below
     * 2^26 and q's below 2^28.4, so each limb's sum of ten products stays below 2^59.
     */
    private void twoBlocks(byte[] m, int offset) {
        int t0 = LittleEndian.getInt(m, offset);
        int t1 = LittleEndian.getInt(m, offset + 4);
        int t2 = LittleEndian.getInt(m, offset + 8);
        int t3 = LittleEndian.getInt(m, offset + 12);
        long a0 = h0 + (t0 & 0x3ffffff);
        long a1 = h1 + ((((t0 & 0xffffffffL) >>> 26) | ((t1 & 0xffffffffL) << 6)) & MASK26);
        long a2 = h2 + ((((t1 & 0xffffffffL) >>> 20) | ((t2 & 0xffffffffL) << 12)) & MASK26);
        long a3 = h3 + ((((t2 & 0xffffffffL) >>> 14) | ((t3 & 0xffffffffL) << 18)) & MASK26);
        long a4 = h4 + (((t3 & 0xffffffffL) >>> 8) | HIBIT);
        t0 = LittleEndian.getInt(m, offset + 16);
        t1 = LittleEndian.getInt(m, offset + 20);
        t2 = LittleEndian.getInt(m, offset + 24);
        t3 = LittleEndian.getInt(m, offset + 28);
        long b0 = t0 & 0x3ffffff;
        long b1 = (((t0 & 0xffffffffL) >>> 26) | ((t1 & 0xffffffffL) << 6)) & MASK26;
        long b2 = (((t1 & 0xffffffffL) >>> 20) | ((t2 & 0xffffffffL) << 12)) & MASK26;
        long b3 = (((t2 & 0xffffffffL) >>> 14) | ((t3 & 0xffffffffL) << 18)) & MASK26;
        long b4 = ((t3 & 0xffffffffL) >>> 8) | HIBIT;
        long d0 = a0 * u0 + a1 * v4 + a2 * v3 + a3 * v2 + a4 * v1
                + b0 * r0 + b1 * q4 + b2 * q3 + b3 * q2 + b4 * q1;
        long d1 = a0 * u1 + a1 * u0 + a2 * v4 + a3 * v3 + a4 * v2
                + b0 * r1 + b1 * r0 + b2 * q4 + b3 * q3 + b4 * q2;
        long d2 = a0 * u2 + a1 * u1 + a2 * u0 + a3 * v4 + a4 * v3
                + b0 * r2 + b1 * r1 + b2 * r0 + b3 * q4 + b4 * q3;
        long d3 = a0 * u3 + a1 * u2 + a2 * u1 + a3 * u0 + a4 * v4
                + b0 * r3 + b1 * r2 + b2 * r1 + b3 * r0 + b4 * q4;
        long d4 = a0 * u4 + a1 * u3 + a2 * u2 + a3 * u1 + a4 * u0
                + b0 * r4 + b1 * r3 + b2 * r2 + b3 * r1 + b4 * r0;
        carry(d0, d1, d2, d3, d4);
    }

    /** h = (h + block) * r mod 2^130 - 5, partially reduced. */
    private void absorb(int t0, int t1, int t2, int t3, long hibit) {
        long a0 = h0 + (t0 & 0x3ffffff);
        long a1 = h1 + ((((t0 & 0xffffffffL) >>> 26) | ((t1 & 0xffffffffL) << 6)) & MASK26);
        long a2 = h2 + ((((t1 & 0xffffffffL) >>> 20) | ((t2 & 0xffffffffL) << 12)) & MASK26);
        long a3 = h3 + ((((t2 & 0xffffffffL) >>> 14) | ((t3 & 0xffffffffL) << 18)) & MASK26);
        long a4 = h4 + (((t3 & 0xffffffffL) >>> 8) | hibit);
        long d0 = a0 * r0 + a1 * q4 + a2 * q3 + a3 * q2 + a4 * q1;
        long d1 = a0 * r1 + a1 * r0 + a2 * q4 + a3 * q3 + a4 * q2;
        long d2 = a0 * r2 + a1 * r1 + a2 * r0 + a3 * q4 + a4 * q3;
        long d3 = a0 * r3 + a1 * r2 + a2 * r1 + a3 * r0 + a4 * q4;
        long d4 = a0 * r4 + a1 * r3 + a2 * r2 + a3 * r1 + a4 * r0;
        carry(d0, d1, d2, d3, d4);
    }

    /** h = the product's limbs carried down to 26 bits, the carry out of limb 4 wrapped times 5. */
    private void carry(long d0, long d1, long d2, long d3, long d4) {
        long e1 = d1 + (d0 >>> 26);
        long e2 = d2 + (e1 >>> 26);
        long e3 = d3 + (e2 >>> 26);
        long e4 = d4 + (e3 >>> 26);
        long e0 = (d0 & MASK26) + (e4 >>> 26) * 5;
        h1 = (e1 & MASK26) + (e0 >>> 26);
        h0 = e0 & MASK26;
        h2 = e2 & MASK26;
        h3 = e3 & MASK26;
        h4 = e4 & MASK26;
    }
}
