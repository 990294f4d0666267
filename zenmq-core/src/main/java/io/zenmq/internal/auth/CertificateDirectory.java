// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The CURVE client keys of a directory of certificates, as zauth's certificate store keeps them:
 * every regular file in it (not in subdirectories) is read as a {@link CertificateText}; a file
 * that is not one is logged and skipped. The directory is read again whenever a file in it is
 * added, removed or changed; while it cannot be read, no key from it is accepted. Thread-safe.
 */
public final class CertificateDirectory {
    private static final System.Logger LOG = System.getLogger(CertificateDirectory.class.getName());
    /** Far above any certificate; larger files are skipped unread. */
    private static final long MAX_CERTIFICATE_BYTES = 64 * 1024;

    private final Path directory;
    /** Each certificate's metadata by its public key in Z85. */
    private final ReloadOnChange<Map<String, Map<String, String>>> keys;

    /**
     * Reads a directory of certificates.
     *
     * @param directory the directory
     * @throws UncheckedIOException if it is not a readable directory
     */
    public CertificateDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UncheckedIOException(new NotDirectoryException(directory.toString()));
        }
        this.directory = directory;
        this.keys = new ReloadOnChange<>("certificate directory " + directory,
                () -> FileStamp.ofDirectory(directory), () -> readCertificates(directory), Map.of());
    }

    /**
     * Tells whether a certificate in the directory holds a key, reading the directory again first
     * if it changed.
     *
     * @param z85 the key as Z85 text
     * @return true if some certificate has it
     */
    boolean contains(String z85) {
        return keys.get().containsKey(z85);
    }

    /**
     * Returns the metadata of the certificate holding a key (zauth hands it to the ZAP reply).
     *
     * @param z85 the key as Z85 text
     * @return the metadata, empty if the certificate has none or no certificate has the key
     */
    Map<String, String> metadata(String z85) {
        return keys.get().getOrDefault(z85, Map.of());
    }

    private static Map<String, Map<String, String>> readCertificates(Path directory) throws IOException {
        Map<String, Map<String, String>> keys = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    try {
                        CertificateText.Content certificate = read(entry);
                        keys.put(certificate.publicKey(), certificate.metadata());
                    } catch (IOException | IllegalArgumentException e) {
                        LOG.log(Level.WARNING,
                                () -> "skipped " + entry + ", not a CURVE certificate: " + e.getMessage());
                    }
                }
            }
        }
        return Map.copyOf(keys);
    }

    private static CertificateText.Content read(Path file) throws IOException {
        if (Files.size(file) > MAX_CERTIFICATE_BYTES) {
            throw new IllegalArgumentException("larger than " + MAX_CERTIFICATE_BYTES + " bytes");
        }
        return CertificateText.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
