// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import io.zenmq.internal.auth.CertificateText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A CURVE certificate as CZMQ's {@code zcert} keeps it: a public key, optionally its secret key,
 * and metadata (name/value text such as {@code name}, {@code email}). Saved as two files, as
 * {@code zcert_save} does: {@code PATH} holds the public key and is the one to hand out,
 * {@code PATH_secret} holds both keys and stays private. pyzmq's {@code zmq.auth} and JeroMQ read
 * and write the same files. Immutable and thread-safe.
 *
 * <pre>{@code
 * CurveCertificate server = CurveCertificate.generate().withMetadata("name", "broker-1");
 * server.save(Path.of("certs/broker"));                  // certs/broker and certs/broker_secret
 *
 * CurveCertificate mine = CurveCertificate.load(Path.of("certs/broker_secret"));
 * rep.set(SocketOptions.CURVE_SERVER, true)
 *    .set(SocketOptions.CURVE_SECRETKEY, mine.secretKey());
 * ctx.zapHandler(new Authenticator().curveCertificates(Path.of("certs/clients")));
 * }</pre>
 *
 * <p>An {@link Authenticator} that admits a client by its certificate passes the certificate's
 * metadata to the connection, so each received {@link Msg#property(String)} shows it.
 */
public final class CurveCertificate {
    /** The suffix CZMQ gives the file with the secret key. */
    public static final String SECRET_SUFFIX = "_secret";

    private final byte[] publicKey;
    private final byte[] secretKey;
    private final Map<String, String> metadata;

    private CurveCertificate(byte[] publicKey, byte[] secretKey, Map<String, String> metadata) {
        this.publicKey = publicKey;
        this.secretKey = secretKey;
        this.metadata = metadata;
    }

    /**
     * Makes a certificate with a new random key pair and no metadata ({@code zcert_new}).
     *
     * @return the certificate
     */
    public static CurveCertificate generate() {
        return of(CurveKeyPair.generate());
    }

    /**
     * Makes a certificate of a key pair, with no metadata.
     *
     * @param keys the key pair
     * @return the certificate, with the secret key
     */
    public static CurveCertificate of(CurveKeyPair keys) {
        return new CurveCertificate(keys.publicKey(), keys.secretKey(), Map.of());
    }

    /**
     * Makes a public certificate: a peer's public key, with no metadata.
     *
     * @param publicKey 32 bytes, or its 40 Z85 characters as bytes
     * @return the certificate, without a secret key
     * @throws ZmqException {@link ErrorCode#EINVAL} for any other length or bad Z85
     */
    public static CurveCertificate ofPublicKey(byte[] publicKey) {
        return new CurveCertificate(Z85.curveKey(publicKey), null, Map.of());
    }

    /**
     * Reads a certificate file, public or secret, as {@code zcert_load} and pyzmq's
     * {@code load_certificate} do: given the public file {@code PATH}, the secret key comes from
     * {@code PATH_secret} when that file exists; given the {@code _secret} file, it is read alone.
     *
     * @param path the certificate file
     * @return the certificate
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a CURVE certificate, or the two files disagree
     */
    public static CurveCertificate load(Path path) throws IOException {
        CurveCertificate certificate = parse(Files.readString(path, StandardCharsets.UTF_8));
        Path secret = secretFile(path);
        if (certificate.hasSecretKey() || !Files.isRegularFile(secret)) {
            return certificate;
        }
        CurveCertificate withSecret = parse(Files.readString(secret, StandardCharsets.UTF_8));
        if (!Arrays.equals(withSecret.publicKey, certificate.publicKey)) {
            throw new IllegalArgumentException(secret + " holds the secret key of another public key than " + path);
        }
        return new CurveCertificate(certificate.publicKey, withSecret.secretKey, certificate.metadata);
    }

    /**
     * Reads a certificate from its text.
     *
     * @param text a public or secret certificate file's content
     * @return the certificate
     * @throws IllegalArgumentException if it is not a CURVE certificate, or its secret key does not
     *     belong to its public key
     */
    public static CurveCertificate parse(String text) {
        CertificateText.Content content = CertificateText.parse(text);
        byte[] publicKey = Z85.decode(content.publicKey());
        byte[] secretKey = content.secretKey() == null ? null : secretKey(content.secretKey());
        if (secretKey != null && !Arrays.equals(CurveKeyPair.publicKeyOf(secretKey), publicKey)) {
            throw new IllegalArgumentException("the secret key does not belong to the public key");
        }
        return new CurveCertificate(publicKey, secretKey, content.metadata());
    }

    private static byte[] secretKey(String z85) {
        try {
            return Z85.curveKey(z85.getBytes(StandardCharsets.ISO_8859_1));
        } catch (ZmqException e) {
            throw new IllegalArgumentException("bad secret-key: " + e.getMessage(), e);
        }
    }

    /**
     * Returns a copy with one more metadata entry (or a changed one).
     *
     * @param name letters, digits and {@code $-_@.&+/}
     * @param value one line of text
     * @return the new certificate
     * @throws IllegalArgumentException for a name or value the file format cannot hold
     */
    public CurveCertificate withMetadata(String name, String value) {
        CertificateText.checkName(Objects.requireNonNull(name, "name"));
        CertificateText.checkValue(name, Objects.requireNonNull(value, "value"));
        Map<String, String> copy = new LinkedHashMap<>(metadata);
        copy.put(name, value);
        return new CurveCertificate(publicKey, secretKey, Collections.unmodifiableMap(copy));
    }

    /**
     * Returns the metadata, in file order.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Returns the public key.
     *
     * @return a copy of the 32 bytes
     */
    public byte[] publicKey() {
        return publicKey.clone();
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
     * Tells whether this certificate has the secret key (it was made here or read from a
     * {@code _secret} file).
     *
     * @return true if {@link #secretKey()} may be called
     */
    public boolean hasSecretKey() {
        return secretKey != null;
    }

    /**
     * Returns the secret key. Keep it private.
     *
     * @return a copy of the 32 bytes
     * @throws IllegalStateException for a public certificate
     */
    public byte[] secretKey() {
        return requireSecret().clone();
    }

    /**
     * Returns the secret key as Z85 text. Keep it private.
     *
     * @return 40 printable characters
     * @throws IllegalStateException for a public certificate
     */
    public String secretKeyZ85() {
        return Z85.encode(requireSecret());
    }

    /**
     * Returns the key pair.
     *
     * @return the pair
     * @throws IllegalStateException for a public certificate
     */
    public CurveKeyPair keyPair() {
        return CurveKeyPair.fromSecretKey(requireSecret());
    }

    /**
     * Returns this certificate without its secret key, as the public file holds it.
     *
     * @return the public certificate
     */
    public CurveCertificate publicOnly() {
        return secretKey == null ? this : new CurveCertificate(publicKey, null, metadata);
    }

    /**
     * Writes the certificate as {@code zcert_save} does: the public file at {@code path} and, when
     * this certificate has its secret key, {@code path_secret} (owner-only permissions where the
     * file system has POSIX permissions). Each file is written whole or not at all.
     *
     * @param path the public file; the parent directory must exist
     * @throws IOException if a file cannot be written
     */
    public void save(Path path) throws IOException {
        if (secretKey != null) {
            write(secretFile(path), secretText(), true);
        }
        write(path, publicText(), false);
    }

    /**
     * Returns the public file's text.
     *
     * @return ZPL text
     */
    public String publicText() {
        return CertificateText.format(new CertificateText.Content(publicKeyZ85(), null, metadata));
    }

    /**
     * Returns the secret file's text. Keep it private.
     *
     * @return ZPL text
     * @throws IllegalStateException for a public certificate
     */
    public String secretText() {
        return CertificateText.format(new CertificateText.Content(publicKeyZ85(), secretKeyZ85(), metadata));
    }

    /**
     * The name of the secret file that belongs to a public file: {@code path_secret}.
     *
     * @param path the public file
     * @return the secret file beside it
     */
    public static Path secretFile(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("not a file name: " + path);
        }
        String file = name.toString();
        return file.endsWith(SECRET_SUFFIX) ? path : path.resolveSibling(file + SECRET_SUFFIX);
    }

    private byte[] requireSecret() {
        if (secretKey == null) {
            throw new IllegalStateException("a public certificate has no secret key");
        }
        return secretKey;
    }

    private static void write(Path path, String text, boolean secret) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".zenmq-cert", ".tmp");
        try {
            if (secret && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Tells whether another certificate has the same keys and metadata.
     *
     * @param other another object
     * @return true if equal
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof CurveCertificate c && Arrays.equals(publicKey, c.publicKey)
                && Arrays.equals(secretKey, c.secretKey) && metadata.equals(c.metadata);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey) * 31 + metadata.hashCode();
    }

    /**
     * Describes the certificate by its public key and metadata; the secret key is never printed.
     *
     * @return {@code CurveCertificate[public=<Z85> secret=yes|no metadata={...}]}
     */
    @Override
    public String toString() {
        return "CurveCertificate[public=" + publicKeyZ85() + " secret=" + (secretKey != null ? "yes" : "no")
                + " metadata=" + metadata + "]";
    }
}
