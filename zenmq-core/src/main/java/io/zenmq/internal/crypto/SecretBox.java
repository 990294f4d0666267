// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * NaCl's {@code crypto_secretbox} (XSalsa20 + Poly1305) under one fixed key, e.g. the key that
 * {@link CryptoBox#beforenm} precomputed for a CurveZMQ connection (spec/security.md section 3.2).
 * The wire form of a box is {@code tag(16) || ciphertext}; the first 32 keystream bytes are the
 * Poly1305 key and the message is XORed with the keystream from byte 32 on.
 *
 * <p>Owned by one thread (a connection's I/O thread); not thread-safe. The offset-based methods work
 * on caller-provided arrays and keep the engine, the MAC and their scratch arrays across messages, so
 * the only per-message allocations are Bouncy Castle's parameter objects for re-keying XSalsa20 with
 * the new nonce.
 */
public final class SecretBox {
    /** Key length. */
    public static final int KEY_BYTES = 32;
    /** Nonce length. */
    public static final int NONCE_BYTES = 24;
    /** Length of the Poly1305 tag in front of the ciphertext. */
    public static final int MAC_BYTES = 16;

    /** Keystream bytes spent on the one-time Poly1305 key. */
    private static final int MAC_KEY_BYTES = 32;
    private static final byte[] ZEROS = new byte[MAC_KEY_BYTES];

    private final KeyParameter key;
    private final XSalsa20Engine cipher = new XSalsa20Engine();
    private final Poly1305 mac = new Poly1305();
    private final byte[] macKey = new byte[MAC_KEY_BYTES];
    private final byte[] tag = new byte[MAC_BYTES];
    /** True between a successful {@link #verify} and the next operation that re-keys the cipher. */
    private boolean verified;

    /**
     * Creates a box under a key.
     *
     * @param key 32 bytes, copied
     * @throws IllegalArgumentException if the key is not 32 bytes
     */
    public SecretBox(byte[] key) {
        CryptoBox.requireLength(key, KEY_BYTES, "secretbox key");
        this.key = new KeyParameter(key);
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
        startKeystream(nonce);
        cipher.processBytes(in, inOff, length, out, outOff + MAC_BYTES);
        authenticate(out, outOff + MAC_BYTES, length, out, outOff);
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
        authenticate(in, inOff + MAC_BYTES, length - MAC_BYTES, tag, 0);
        verified = org.bouncycastle.util.Arrays.constantTimeAreEqual(MAC_BYTES, tag, 0, in, inOff);
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
        cipher.processBytes(in, inOff, length, out, outOff);
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

    /** Re-keys XSalsa20 with the nonce and takes the first 32 keystream bytes as the Poly1305 key. */
    private void startKeystream(byte[] nonce) {
        CryptoBox.requireLength(nonce, NONCE_BYTES, "nonce");
        verified = false;
        cipher.init(true, new ParametersWithIV(key, nonce));
        cipher.processBytes(ZEROS, 0, MAC_KEY_BYTES, macKey, 0);
    }

    private void authenticate(byte[] ciphertext, int offset, int length, byte[] out, int outOff) {
        mac.init(new KeyParameter(macKey));
        Arrays.fill(macKey, (byte) 0);
        mac.update(ciphertext, offset, length);
        mac.doFinal(out, outOff);
    }
}
