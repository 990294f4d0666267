// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

/**
 * Reads the public key out of a CURVE certificate in CZMQ's {@code zcert} format (see
 * {@link CertificateText}); a secret certificate yields its public key too. Stateless.
 */
final class PublicCertificate {
    private PublicCertificate() {
    }

    /**
     * Finds the public key.
     *
     * @param text the certificate's text
     * @return the key as Z85 text, 40 characters
     * @throws IllegalArgumentException if the text is not ZPL, or has no valid {@code curve/public-key}
     */
    static String publicKey(String text) {
        return CertificateText.parse(text).publicKey();
    }
}
