// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import io.zenmq.Z85;
import io.zenmq.ZmqException;

/**
 * Reads the public key out of a CURVE certificate in CZMQ's {@code zcert} format (ZPL text, ZeroMQ
 * RFC 4), which JeroMQ's {@code ZCert} writes too:
 *
 * <pre>
 * #   ZeroMQ CURVE Public Certificate
 * metadata
 *     name = "client-7"
 * curve
 *     public-key = "Yne@$w-vo&lt;fVvi]a&lt;NY6T1ed:M$fCG*[IaLV{hID"
 * </pre>
 *
 * <p>Only the {@code public-key} directly under the top-level {@code curve} section counts, so a
 * secret certificate yields its public key too. ZPL indents by exactly 4 spaces per level; values
 * may be in double or single quotes. Stateless.
 */
final class PublicCertificate {
    private static final int INDENT = 4;
    private static final int Z85_KEY_LENGTH = 40;
    private static final String SECTION = "curve";
    private static final String PUBLIC_KEY = "public-key";

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
        String section = "";
        String key = null;
        String[] lines = text.split("\r?\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1];
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            int indent = leadingSpaces(line);
            if (indent % INDENT != 0 || Character.isWhitespace(line.charAt(indent))) {
                throw new IllegalArgumentException("line " + number + ": indentation is not a multiple of 4 spaces");
            }
            if (indent == 0) {
                section = name(content);
            } else if (indent == INDENT && section.equals(SECTION) && name(content).equals(PUBLIC_KEY)) {
                key = checkKey(value(content, number), number);
            }
        }
        if (key == null) {
            throw new IllegalArgumentException("no " + SECTION + "/" + PUBLIC_KEY + " entry");
        }
        return key;
    }

    private static int leadingSpaces(String line) {
        int count = 0;
        while (count < line.length() && line.charAt(count) == ' ') {
            count++;
        }
        return count;
    }

    private static String name(String content) {
        int end = 0;
        while (end < content.length() && content.charAt(end) != '=' && !Character.isWhitespace(content.charAt(end))) {
            end++;
        }
        return content.substring(0, end);
    }

    private static String value(String content, int number) {
        int equals = content.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("line " + number + ": " + PUBLIC_KEY + " has no value");
        }
        String rest = content.substring(equals + 1).strip();
        if (rest.startsWith("\"") || rest.startsWith("'")) {
            int close = rest.indexOf(rest.charAt(0), 1);
            if (close < 0) {
                throw new IllegalArgumentException("line " + number + ": unterminated quoted value");
            }
            return rest.substring(1, close);
        }
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
            end++;
        }
        return rest.substring(0, end);
    }

    private static String checkKey(String z85, int number) {
        if (z85.length() != Z85_KEY_LENGTH) {
            throw new IllegalArgumentException("line " + number + ": a public key has " + Z85_KEY_LENGTH
                    + " Z85 characters, not " + z85.length());
        }
        try {
            Z85.decode(z85);
        } catch (ZmqException e) {
            throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
        }
        return z85;
    }
}
