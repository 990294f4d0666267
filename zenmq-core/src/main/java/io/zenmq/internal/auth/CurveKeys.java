// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The CURVE client keys an Authenticator accepts: keys given in code, at most one certificate
 * directory, or any key at all (zauth's {@code CURVE_ALLOW_ANY}). Immutable.
 *
 * @param keys accepted keys as Z85 text
 * @param metadata the metadata of the keys that came with a certificate, by key
 * @param directory the certificate directory, or null
 * @param allowAny whether every key is accepted
 */
public record CurveKeys(Set<String> keys, Map<String, Map<String, String>> metadata, CertificateDirectory directory,
                        boolean allowAny) {
    /** No keys: every CURVE client is refused. */
    public static final CurveKeys NONE = new CurveKeys(Set.of(), Map.of(), null, false);

    /**
     * Adds a key.
     *
     * @param z85 the key as Z85 text
     * @return the new set of keys
     */
    public CurveKeys withKey(String z85) {
        Set<String> copy = new HashSet<>(keys);
        copy.add(z85);
        return new CurveKeys(Set.copyOf(copy), metadata, directory, allowAny);
    }

    /**
     * Adds a key that came with a certificate, whose metadata goes into the ZAP reply.
     *
     * @param z85 the key as Z85 text
     * @param certificateMetadata the certificate's metadata
     * @return the new set of keys
     */
    public CurveKeys withCertificate(String z85, Map<String, String> certificateMetadata) {
        Map<String, Map<String, String>> copy = new HashMap<>(metadata);
        copy.put(z85, Map.copyOf(certificateMetadata));
        return new CurveKeys(withKey(z85).keys(), Map.copyOf(copy), directory, allowAny);
    }

    /**
     * Returns the metadata of the certificate that brought a key: one given in code first, else
     * one in the directory.
     *
     * @param z85 the key as Z85 text
     * @return the metadata, empty if none
     */
    public Map<String, String> metadataOf(String z85) {
        Map<String, String> given = metadata.get(z85);
        if (given != null) {
            return given;
        }
        return directory == null ? Map.of() : directory.metadata(z85);
    }

    /**
     * Uses a certificate directory, replacing any earlier one.
     *
     * @param certificates the directory, already read
     * @return the new set of keys
     */
    public CurveKeys withDirectory(CertificateDirectory certificates) {
        return new CurveKeys(keys, metadata, certificates, allowAny);
    }

    /** @return keys that accept every client */
    public CurveKeys withAllowAny() {
        return new CurveKeys(keys, metadata, directory, true);
    }

    /**
     * Checks a client key.
     *
     * @param z85 the key as Z85 text
     * @return null if it is accepted, else why not
     */
    public String refusal(String z85) {
        if (allowAny || keys.contains(z85) || directory != null && directory.contains(z85)) {
            return null;
        }
        return keys.isEmpty() && directory == null ? "no CURVE keys are configured" : "unknown client key " + z85;
    }
}
