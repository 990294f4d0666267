// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import io.zenmq.internal.crypto.CryptoBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A CURVE long-term key pair (Curve25519, 32-byte keys), as libzmq's {@code zmq_curve_keypair} and
 * {@code zmq_curve_public} make them. Immutable and thread-safe; the accessors return copies.
 *
 * <pre>{@code
 * CurveKeyPair server = CurveKeyPair.generate();
 * CurveKeyPair client = CurveKeyPair.generate();
 * rep.set(SocketOptions.CURVE_SERVER, true)
 *    .set(SocketOptions.CURVE_SECRETKEY, server.secretKey());
 * req.set(SocketOptions.CURVE_SERVERKEY, server.publicKey())
 *    .set(SocketOptions.CURVE_PUBLICKEY, client.publicKey())
 *    .set(SocketOptions.CURVE_SECRETKEY, client.secretKey());
 * String shareable = server.publicKeyZ85();   // 40 printable characters
 * }</pre>
 */
public final class CurveKeyPair {
    /** Length of a key in bytes. */
    public static final int KEY_BYTES = CryptoBox.PUBLIC_KEY_BYTES;

    private final byte[] publicKey;
    private final byte[] secretKey;

    private CurveKeyPair(byte[] publicKey, byte[] secretKey) {
        this.publicKey = publicKey;
        this.secretKey = secretKey;
    }

    /**
     * Makes a new random key pair ({@code zmq_curve_keypair}).
     *
     * @return the key pair
     */
    public static CurveKeyPair generate() {
        byte[] publicKey = new byte[KEY_BYTES];
        byte[] secretKey = new byte[KEY_BYTES];
        CryptoBox.keyPair(Randomness.INSTANCE, publicKey, secretKey);
        return new CurveKeyPair(publicKey, secretKey);
    }

    /**
     * Rebuilds a key pair from its secret key, deriving the public key.
     *
     * @param secretKey 32 raw bytes, or 40 Z85 characters as ASCII bytes (41 with a trailing NUL),
     *     as {@link SocketOptions#CURVE_SECRETKEY} accepts; copied
     * @return the key pair
     * @throws ZmqException {@link ErrorCode#EINVAL} for any other length or bad Z85
     */
    public static CurveKeyPair fromSecretKey(byte[] secretKey) {
        byte[] secret = Z85.curveKey(secretKey);
        return new CurveKeyPair(CryptoBox.publicKey(secret), secret);
    }

    /**
     * Rebuilds a key pair from its secret key in Z85 text, deriving the public key.
     *
     * @param secretKeyZ85 the 40-character Z85 form of the secret key
     * @return the key pair
     * @throws ZmqException {@link ErrorCode#EINVAL} if the text is not 40 Z85 characters
     */
    public static CurveKeyPair fromSecretKey(String secretKeyZ85) {
        return fromSecretKey(secretKeyZ85.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Derives the public key of a secret key ({@code zmq_curve_public}).
     *
     * @param secretKey 32 raw bytes, or 40 Z85 characters as ASCII bytes (41 with a trailing NUL)
     * @return a new 32-byte public key
     * @throws ZmqException {@link ErrorCode#EINVAL} for any other length or bad Z85
     */
    public static byte[] publicKeyOf(byte[] secretKey) {
        return CryptoBox.publicKey(Z85.curveKey(secretKey));
    }

    /**
     * Returns the public key, to give to peers (a client's {@link SocketOptions#CURVE_SERVERKEY}).
     *
     * @return a copy of the 32-byte public key
     */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /**
     * Returns the secret key, for {@link SocketOptions#CURVE_SECRETKEY}. Keep it private.
     *
     * @return a copy of the 32-byte secret key
     */
    public byte[] secretKey() {
        return secretKey.clone();
    }

    /**
     * Returns the public key as Z85 text.
     *
     * @return 40 printable characters
     */
    public String publicKeyZ85() {
        return Z85.encode(publicKey);
    }

    /**
     * Returns the secret key as Z85 text. Keep it private.
     *
     * @return 40 printable characters
     */
    public String secretKeyZ85() {
        return Z85.encode(secretKey);
    }

    /**
     * Describes the key pair by its public key only; the secret key is never printed.
     *
     * @return {@code CurveKeyPair[public=<Z85>]}
     */
    @Override
    public String toString() {
        return "CurveKeyPair[public=" + publicKeyZ85() + "]";
    }

    /** One SecureRandom for all key pairs, made on first use (SecureRandom is thread-safe). */
    private static final class Randomness {
        static final SecureRandom INSTANCE = new SecureRandom();
    }
}
