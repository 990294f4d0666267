// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.util.Arrays;

/**
 * NaCl's {@code crypto_secretbox} (XSalsa20 + Poly1305) under one fixed key, e.g. the key that
 * {@link CryptoBox#beforenm} precomputed for a CurveZMQ connection (spec/security.md section 3.2).
 * The wire form of a box is {@code tag(16) || ciphertext}; the first 32 keystream bytes are the
 * Poly1305 key and the message is XORed with the keystream from byte 32 on.
 *
 * <p>Owned by one thread (a connection's I/O thread); not thread-safe. The offset-based methods work
 * on caller-provided arrays and allocate nothing: the cipher state, the MAC and their scratch live
 * in the instance. XSalsa20 derives a subkey from the key and the nonce's first 16 bytes (HSalsa20);
 * CurveZMQ's MESSAGE nonces share those 16 bytes per direction, so the last subkey is kept and only
 * recomputed when that prefix changes: give each direction its own box ({@link #copy}).
 */
public final class SecretBox {
    /** Key length. */
    public static final int KEY_BYTES = 32;
    /** Nonce length. */
    public static final int NONCE_BYTES = 24;
    /** Length of the Poly1305 tag in front of the ciphertext. */
    public static final int MAC_BYTES = 16;

    private static final int KEY_WORDS = KEY_BYTES / Integer.BYTES;
    /** Keystream bytes spent on the one-time Poly1305 key. */
    private static final int MAC_KEY_BYTES = 32;
    private static final int BLOCK = Salsa20.BLOCK_BYTES;
    /**
     * Below this many whole blocks the scalar {@link Salsa20#block} is cheaper than
     * {@link Salsa20Lanes} (whose loops have too few lanes to pay for themselves).
     */
    private static final int LANES_MIN_BLOCKS = 16;

    private final int[] key = new int[KEY_WORDS];
    /** HSalsa20(key, the prefix below), valid when {@link #subkeyValid}. */
    private final int[] subkey = new int[KEY_WORDS];
    private final int[] subkeyPrefix = new int[4];
    private boolean subkeyValid;
    /** Salsa20's input: constants, subkey, nonce's last 8 bytes, block counter. */
    private final int[] state = new int[Salsa20.BLOCK_WORDS];
    /** The current keystream block as words, and as bytes for the partly used block. */
    private final int[] block = new int[Salsa20.BLOCK_WORDS];
    private final byte[] keystream = new byte[BLOCK];
    /** Keystream bytes of the current block already used. */
    private int used = BLOCK;
    /** Keystream for long messages, created when this box first meets one. */
    private Salsa20Lanes lanes;
    private final Poly1305 mac = new Poly1305();
    private final byte[] tag = new byte[MAC_BYTES];
    /** True between a successful {@link #verify} and the next operation that re-keys the cipher. */
    private boolean verified;
    /** True between {@link #startSeal} and {@link #finishSeal}. */
    private boolean sealing;

    /**
     * Creates a box under a key.
     *
     * @param key 32 bytes, copied
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public SecretBox(byte[] key) {
        CryptoBox.requireLength(key, KEY_BYTES, "secretbox key");
        for (int i = 0; i < KEY_WORDS; i++) {
            this.key[i] = LittleEndian.getInt(key, i * Integer.BYTES);
        }
    }

    private SecretBox(int[] key) {
        System.arraycopy(key, 0, this.key, 0, KEY_WORDS);
    }

    /**
     * Makes another box under the same key, with its own cipher state (e.g. one per direction of a
     * connection, so each keeps its own derived subkey).
     *
     * @return a new box
     */
    public SecretBox copy() {
        return new SecretBox(key);
    }

    /**
     * Boxes {@code length} bytes of {@code in} into {@code out}: tag at {@code outOff}, ciphertext at
     * {@code outOff + 16}. In-place use is allowed when the plaintext already sits at
     * {@code outOff + 16} of the same array; other overlaps are not.
     *
     * @param nonce 24 bytes, never used twice under this key
     * @param in the plaintext
     * @param inOff where it starts
     * @param length its length
     * @param out receives {@code length + 16} bytes
     * @param outOff where they start
     */
    public void seal(byte[] nonce, byte[] in, int inOff, int length, byte[] out, int outOff) {
        startSeal(nonce);
        encrypt(in, inOff, length, out, outOff + MAC_BYTES);
        finishSeal(out, outOff);
    }

    /**
     * First step of a seal in pieces ({@link #encrypt} each piece, then {@link #finishSeal}), the
     * same box as {@link #seal} of the pieces laid end to end: lets a caller seal a header byte and
     * a payload from different arrays without copying them together first.
     *
     * @param nonce 24 bytes, never used twice under this key
     */
    public void startSeal(byte[] nonce) {
        startKeystream(nonce);
        sealing = true;
    }

    /**
     * Encrypts the next piece of the box begun by {@link #startSeal}; pieces follow each other in
     * order. In-place use ({@code in == out}, same offset) is allowed.
     *
     * @param in the plaintext piece
     * @param inOff where it starts
     * @param length its length
     * @param out receives the ciphertext piece
     * @param outOff where it starts
     * @throws IllegalStateException without a {@link #startSeal} since the last {@link #finishSeal}
     */
    public void encrypt(byte[] in, int inOff, int length, byte[] out, int outOff) {
        if (!sealing) {
            throw new IllegalStateException("encrypt without startSeal");
        }
        xor(in, inOff, length, out, outOff, true);
    }

    /**
     * Last step of a seal in pieces: writes the tag of everything {@link #encrypt}ed since
     * {@link #startSeal}.
     *
     * @param out receives the 16-byte tag
     * @param outOff where it starts
     * @throws IllegalStateException without a {@link #startSeal} since the last {@link #finishSeal}
     */
    public void finishSeal(byte[] out, int outOff) {
        if (!sealing) {
            throw new IllegalStateException("finishSeal without startSeal");
        }
        sealing = false;
        mac.finish(out, outOff);
    }

    /**
     * Opens a box: verifies its tag in constant time, and only then decrypts.
     * In-place use is allowed with {@code out == in} and {@code outOff == inOff + 16}.
     *
     * @param nonce the 24-byte nonce it was sealed with
     * @param in the box, tag first
     * @param inOff where it starts
     * @param length its length, tag included
     * @param out receives {@code length - 16} plaintext bytes, untouched if the box does not verify
     * @param outOff where they start
     * @return false if the box is shorter than the tag or does not verify
     */
    public boolean open(byte[] nonce, byte[] in, int inOff, int length, byte[] out, int outOff) {
        if (!verify(nonce, in, inOff, length)) {
            return false;
        }
        decrypt(in, inOff + MAC_BYTES, length - MAC_BYTES, out, outOff);
        return true;
    }

    /**
     * First half of {@link #open}: checks the tag and, on success, leaves the cipher ready for
     * {@link #decrypt} of this box's ciphertext. Lets a caller decrypt a box into several places
     * (e.g. a header byte and a payload array) without a copy.
     *
     * @param nonce the 24-byte nonce it was sealed with
     * @param in the box, tag first
     * @param inOff where it starts
     * @param length its length, tag included
     * @return false if the box is shorter than the tag or does not verify
     */
    public boolean verify(byte[] nonce, byte[] in, int inOff, int length) {
        verified = false;
        if (length < MAC_BYTES) {
            return false;
        }
        startKeystream(nonce);
        mac.update(in, inOff + MAC_BYTES, length - MAC_BYTES);
        mac.finish(tag, 0);
        verified = equalTags(tag, in, inOff);
        return verified;
    }

    /**
     * Second half of {@link #open}: decrypts the next {@code length} ciphertext bytes of the box that
     * {@link #verify} accepted. Successive calls continue where the previous one stopped, so they
     * must cover the ciphertext in order.
     *
     * @param in the ciphertext (the box after its tag)
     * @param inOff where this part starts
     * @param length this part's length
     * @param out receives the plaintext
     * @param outOff where it starts
     * @throws IllegalStateException if the last {@link #verify} failed or the cipher was re-keyed since
     */
    public void decrypt(byte[] in, int inOff, int length, byte[] out, int outOff) {
        if (!verified) {
            throw new IllegalStateException("decrypt without a verified box");
        }
        xor(in, inOff, length, out, outOff, false);
    }

    /**
     * Boxes a whole message into a new array.
     *
     * @param nonce 24 bytes, never used twice under this key
     * @param message the plaintext
     * @return tag(16) followed by the ciphertext
     */
    public byte[] seal(byte[] nonce, byte[] message) {
        byte[] boxed = new byte[MAC_BYTES + message.length];
        seal(nonce, message, 0, message.length, boxed, 0);
        return boxed;
    }

    /**
     * Opens a whole box into a new array.
     *
     * @param nonce the 24-byte nonce it was sealed with
     * @param boxed tag(16) followed by the ciphertext
     * @return the plaintext, or null if the box is shorter than the tag or does not verify
     */
    public byte[] open(byte[] nonce, byte[] boxed) {
        if (!verify(nonce, boxed, 0, boxed.length)) {
            return null;
        }
        byte[] message = new byte[boxed.length - MAC_BYTES];
        decrypt(boxed, MAC_BYTES, message.length, message, 0);
        return message;
    }

    /**
     * Keys XSalsa20 with the nonce: the subkey for its first 16 bytes (kept while they repeat), the
     * counter at 0; block 0's first 32 bytes become the Poly1305 key, its last 32 the first
     * message keystream.
     */
    private void startKeystream(byte[] nonce) {
        CryptoBox.requireLength(nonce, NONCE_BYTES, "nonce");
        verified = false;
        sealing = false;
        // the nonce is public, so comparing it with branches leaks nothing
        int p0 = LittleEndian.getInt(nonce, 0);
        int p1 = LittleEndian.getInt(nonce, 4);
        int p2 = LittleEndian.getInt(nonce, 8);
        int p3 = LittleEndian.getInt(nonce, 12);
        if (!subkeyValid || p0 != subkeyPrefix[0] || p1 != subkeyPrefix[1] || p2 != subkeyPrefix[2]
                || p3 != subkeyPrefix[3]) {
            HSalsa20.hash(key, nonce, 0, block, subkey);
            Salsa20.setKey(subkey, state);
            subkeyPrefix[0] = p0;
            subkeyPrefix[1] = p1;
            subkeyPrefix[2] = p2;
            subkeyPrefix[3] = p3;
            subkeyValid = true;
        }
        state[6] = LittleEndian.getInt(nonce, 16);
        state[7] = LittleEndian.getInt(nonce, 20);
        state[8] = 0;
        state[9] = 0;
        nextBlock();
        mac.init(block);
        for (int i = MAC_KEY_BYTES / Integer.BYTES; i < Salsa20.BLOCK_WORDS; i++) {
            LittleEndian.putInt(keystream, i * Integer.BYTES, block[i]);
        }
        used = MAC_KEY_BYTES;
    }

    /** Computes the next keystream block into {@link #block} and steps the 64-bit block counter. */
    private void nextBlock() {
        Salsa20.block(state, block);
        if (++state[8] == 0) {
            state[9]++;
        }
    }

    /**
     * XORs {@code blocks} whole keystream blocks at once ({@link Salsa20Lanes}) and steps the block
     * counter past them. The caller feeds the MAC.
     */
    private void xorLanes(byte[] in, int inOff, int blocks, byte[] out, int outOff) {
        if (lanes == null) {
            lanes = new Salsa20Lanes();
        }
        lanes.xor(state, blocks, in, inOff, out, outOff);
        long counter = ((state[8] & 0xffffffffL) | ((long) state[9] << 32)) + blocks;
        state[8] = (int) counter;
        state[9] = (int) (counter >>> 32);
    }

    /**
     * XORs the keystream into {@code length} bytes, continuing the current box; with {@code macOut}
     * the result (ciphertext) also goes into the MAC. Runs of at least {@link #LANES_MIN_BLOCKS}
     * whole blocks at a block boundary go through {@link Salsa20Lanes}; fewer whole blocks are done
     * word by word straight from the keystream words; the rest byte by byte through {@link #keystream}.
     */
    private void xor(byte[] in, int inOff, int length, byte[] out, int outOff, boolean macOut) {
        int i = inOff;
        int o = outOff;
        int left = length;
        // out[laneRun, o) came from the lanes and is not in the MAC yet: it goes in as one piece,
        // so that Poly1305 can take a long run through its own lanes in one go
        int laneRun = o;
        while (left > 0) {
            if (used == BLOCK) {
                if (left >= LANES_MIN_BLOCKS * BLOCK) {
                    int blocks = Math.min(left / BLOCK, Salsa20Lanes.MAX_BLOCKS);
                    xorLanes(in, i, blocks, out, o);
                    i += blocks * BLOCK;
                    o += blocks * BLOCK;
                    left -= blocks * BLOCK;
                    continue;
                }
                macLaneRun(out, laneRun, o, macOut);
                if (left >= BLOCK && !(macOut && mac.hasPending())) {
                    nextBlock();
                    xorWholeBlock(in, i, out, o, macOut);
                    i += BLOCK;
                    o += BLOCK;
                    left -= BLOCK;
                    laneRun = o;
                    continue;
                }
                nextBlock();
                for (int w = 0; w < Salsa20.BLOCK_WORDS; w++) {
                    LittleEndian.putInt(keystream, w * Integer.BYTES, block[w]);
                }
                used = 0;
            }
            int n = Math.min(left, BLOCK - used);
            for (int k = 0; k < n; k++) {
                out[o + k] = (byte) (in[i + k] ^ keystream[used + k]);
            }
            if (macOut) {
                mac.update(out, o, n);
            }
            used += n;
            i += n;
            o += n;
            left -= n;
            laneRun = o;
        }
        macLaneRun(out, laneRun, o, macOut);
    }

    private void macLaneRun(byte[] out, int from, int to, boolean macOut) {
        if (macOut && to > from) {
            mac.update(out, from, to - from);
        }
    }

    private void xorWholeBlock(byte[] in, int inOff, byte[] out, int outOff, boolean macOut) {
        for (int w = 0; w < Salsa20.BLOCK_WORDS; w += 4) {
            int at = w * Integer.BYTES;
            int c0 = LittleEndian.getInt(in, inOff + at) ^ block[w];
            int c1 = LittleEndian.getInt(in, inOff + at + 4) ^ block[w + 1];
            int c2 = LittleEndian.getInt(in, inOff + at + 8) ^ block[w + 2];
            int c3 = LittleEndian.getInt(in, inOff + at + 12) ^ block[w + 3];
            LittleEndian.putInt(out, outOff + at, c0);
            LittleEndian.putInt(out, outOff + at + 4, c1);
            LittleEndian.putInt(out, outOff + at + 8, c2);
            LittleEndian.putInt(out, outOff + at + 12, c3);
            if (macOut) {
                mac.updateBlock(c0, c1, c2, c3);
            }
        }
    }

    /** Compares two tags in constant time: every byte is looked at whatever the others hold. */
    private static boolean equalTags(byte[] computed, byte[] received, int offset) {
        int diff = 0;
        for (int k = 0; k < MAC_BYTES; k++) {
            diff |= computed[k] ^ received[offset + k];
        }
        Arrays.fill(computed, (byte) 0);
        return diff == 0;
    }
}
