// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * NaCl's public-key box (spec/security.md section 3.2): X25519 key pairs, {@code crypto_box_beforenm}
 * and {@code crypto_box} / {@code crypto_box_open} with full keys. Stateless and thread-safe; every
 * call here is a handshake-time operation, the per-message path is {@link SecretBox}.
 *
 * <p>Keys are 32 raw bytes as on the wire (little-endian X25519 values). Like libsodium, a key
 * agreement whose result is all zeros (a low-order public key) fails.
 */
public final class CryptoBox {
    /** Length of a public key. */
    public static final int PUBLIC_KEY_BYTES = X25519.POINT_SIZE;
    /** Length of a secret key. */
    public static final int SECRET_KEY_BYTES = X25519.SCALAR_SIZE;
    /** Length of the precomputed key from {@link #beforenm}. */
    public static final int SHARED_KEY_BYTES = SecretBox.KEY_BYTES;
    /** Length of a nonce. */
    public static final int NONCE_BYTES = SecretBox.NONCE_BYTES;
    /** Bytes a box adds to its message (the Poly1305 tag). */
    public static final int MAC_BYTES = SecretBox.MAC_BYTES;

    private static final byte[] HSALSA20_ZERO_INPUT = new byte[HSalsa20.INPUT_BYTES];

    private CryptoBox() {
    }

    /**
     * Makes a new key pair.
     *
     * @param random the source of the secret key
     * @param publicKey receives the 32-byte public key
     * @param secretKey receives the 32-byte secret key
     */
    public static void keyPair(SecureRandom random, byte[] publicKey, byte[] secretKey) {
        requireLength(publicKey, PUBLIC_KEY_BYTES, "public key");
        requireLength(secretKey, SECRET_KEY_BYTES, "secret key");
        X25519.generatePrivateKey(random, secretKey);
        X25519.generatePublicKey(secretKey, 0, publicKey, 0);
    }

    /**
     * Derives the public key of a secret key ({@code crypto_scalarmult_base}).
     *
     * @param secretKey 32 bytes
     * @return a new 32-byte public key
     * @throws IllegalArgumentException if the secret key is not 32 bytes
     */
    public static byte[] publicKey(byte[] secretKey) {
        requireLength(secretKey, SECRET_KEY_BYTES, "secret key");
        byte[] publicKey = new byte[PUBLIC_KEY_BYTES];
        X25519.generatePublicKey(secretKey, 0, publicKey, 0);
        return publicKey;
    }

    /**
     * Precomputes the symmetric key of a box between two parties ({@code crypto_box_beforenm}):
     * HSalsa20(X25519(secretKey, publicKey), 16 zero bytes). Symmetric: {@code beforenm(B, a)} equals
     * {@code beforenm(A, b)}.
     *
     * @param publicKey the other party's 32-byte public key
     * @param secretKey our 32-byte secret key
     * @param sharedKey receives the 32-byte key for {@link SecretBox}
     * @return false, with {@code sharedKey} zeroed, if the public key is of low order (all-zero secret)
     * @throws IllegalArgumentException if a length is wrong
     */
    public static boolean beforenm(byte[] publicKey, byte[] secretKey, byte[] sharedKey) {
        requireLength(publicKey, PUBLIC_KEY_BYTES, "public key");
        requireLength(secretKey, SECRET_KEY_BYTES, "secret key");
        requireLength(sharedKey, SHARED_KEY_BYTES, "shared key");
        if (!X25519.calculateAgreement(secretKey, 0, publicKey, 0, sharedKey, 0)) {
            Arrays.fill(sharedKey, (byte) 0);
            return false;
        }
        HSalsa20.hash(sharedKey, HSALSA20_ZERO_INPUT, sharedKey);
        return true;
    }

    /**
     * Boxes a message for a public key ({@code crypto_box}).
     *
     * @param message the plaintext
     * @param nonce 24 bytes, never used twice with the same pair of keys
     * @param publicKey the recipient's public key
     * @param secretKey the sender's secret key
     * @return a new array, tag(16) followed by the ciphertext, or null if the public key is of low order
     */
    public static byte[] box(byte[] message, byte[] nonce, byte[] publicKey, byte[] secretKey) {
        SecretBox box = secretBox(publicKey, secretKey);
        return box == null ? null : box.seal(nonce, message);
    }

    /**
     * Opens a box ({@code crypto_box_open}).
     *
     * @param boxed tag(16) followed by the ciphertext
     * @param nonce the 24-byte nonce it was boxed with
     * @param publicKey the sender's public key
     * @param secretKey the recipient's secret key
     * @return the plaintext in a new array, or null if the box does not verify (wrong keys, nonce or
     *     bytes), is shorter than the tag, or the public key is of low order
     */
    public static byte[] open(byte[] boxed, byte[] nonce, byte[] publicKey, byte[] secretKey) {
        SecretBox box = secretBox(publicKey, secretKey);
        return box == null ? null : box.open(nonce, boxed);
    }

    private static SecretBox secretBox(byte[] publicKey, byte[] secretKey) {
        byte[] shared = new byte[SHARED_KEY_BYTES];
        try {
            return beforenm(publicKey, secretKey, shared) ? new SecretBox(shared) : null;
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    static void requireLength(byte[] array, int length, String what) {
        if (array.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, not " + array.length);
        }
    }
}
