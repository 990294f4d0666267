// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import io.zenmq.Z85;
import io.zenmq.ZmqException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CZMQ's certificate files ({@code zcert}) as text: ZPL (ZeroMQ RFC 4), a {@code metadata}
 * section of {@code name = "value"} entries and a {@code curve} section with the
 * {@code public-key} and, in the {@code _secret} file, the {@code secret-key}, both in Z85. pyzmq's
 * {@code zmq.auth} and JeroMQ read and write the same files. The one reader and writer of that
 * layout here. Stateless.
 *
 * <pre>
 * #   ZeroMQ CURVE Public Certificate
 * metadata
 *     name = "client-7"
 * curve
 *     public-key = "Yne@$w-vo&lt;fVvi]a&lt;NY6T1ed:M$fCG*[IaLV{hID"
 * </pre>
 *
 * <p>ZPL indents by exactly 4 spaces per level; values may be in double or single quotes. Only
 * entries directly under the top-level sections count; deeper levels are skipped.
 */
public final class CertificateText {
    private static final int INDENT = 4;
    private static final int Z85_KEY_LENGTH = 40;
    private static final String METADATA = "metadata";
    private static final String CURVE = "curve";
    private static final String PUBLIC_KEY = "public-key";
    private static final String SECRET_KEY = "secret-key";

    /**
     * What a certificate file holds.
     *
     * @param publicKey the public key in Z85
     * @param secretKey the secret key as written (unchecked: only who uses it checks it), or null in a
     *     public certificate
     * @param metadata the metadata entries in file order, values unquoted
     */
    public record Content(String publicKey, String secretKey, Map<String, String> metadata) {
    }

    private CertificateText() {
    }

    /**
     * Reads a certificate.
     *
     * @param text the file's text
     * @return its keys and metadata
     * @throws IllegalArgumentException if the text is not ZPL or has no valid {@code curve/public-key}
     */
    public static Content parse(String text) {
        String section = "";
        String publicKey = null;
        String secretKey = null;
        Map<String, String> metadata = new LinkedHashMap<>();
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
            } else if (indent == INDENT) {
                String name = name(content);
                if (section.equals(METADATA)) {
                    metadata.put(name, value(name, content, number));
                } else if (section.equals(CURVE) && name.equals(PUBLIC_KEY)) {
                    publicKey = checkKey(value(name, content, number), number);
                } else if (section.equals(CURVE) && name.equals(SECRET_KEY)) {
                    secretKey = value(name, content, number);
                }
            }
        }
        if (publicKey == null) {
            throw new IllegalArgumentException("no " + CURVE + "/" + PUBLIC_KEY + " entry");
        }
        return new Content(publicKey, secretKey, Collections.unmodifiableMap(metadata));
    }

    /**
     * Writes a certificate file's text: with a secret key, the {@code _secret} file.
     *
     * @param content the keys (the secret one may be null) and metadata
     * @return ZPL text, LF line ends
     * @throws IllegalArgumentException for a metadata name or value ZPL cannot hold
     */
    public static String format(Content content) {
        StringBuilder out = new StringBuilder();
        if (content.secretKey() == null) {
            out.append("#   ZeroMQ CURVE Public Certificate\n")
                    .append("#   Give it to the peers that should know this key; check it arrived unchanged.\n");
        } else {
            out.append("#   ZeroMQ CURVE **Secret** Certificate\n")
                    .append("#   Keep it to yourself: anyone who reads it can act as its owner.\n");
        }
        out.append('\n').append(METADATA).append('\n');
        content.metadata().forEach((name, value) ->
                out.append("    ").append(checkName(name)).append(" = ").append(quote(name, value)).append('\n'));
        out.append(CURVE).append('\n');
        out.append("    ").append(PUBLIC_KEY).append(" = \"").append(content.publicKey()).append("\"\n");
        if (content.secretKey() != null) {
            out.append("    ").append(SECRET_KEY).append(" = \"").append(content.secretKey()).append("\"\n");
        }
        return out.toString();
    }

    /**
     * Checks a metadata name: ZPL names are letters, digits and {@code $-_@.&+/}, not starting with
     * {@code /}.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException if ZPL cannot hold it
     */
    public static String checkName(String name) {
        boolean ok = !name.isEmpty() && name.charAt(0) != '/';
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = c < 128 && (Character.isLetterOrDigit(c) || "$-_@.&+/".indexOf(c) >= 0);
        }
        if (!ok) {
            throw new IllegalArgumentException("bad metadata name '" + name + "': letters, digits and $-_@.&+/ only");
        }
        return name;
    }

    /**
     * Checks a metadata value: one line, not holding both kinds of quote.
     *
     * @param name the entry's name, for the message
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException if ZPL cannot hold it
     */
    public static String checkValue(String name, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('"') >= 0 && value.indexOf('\'') >= 0) {
            throw new IllegalArgumentException("bad value for metadata " + name
                    + ": one line, and not both kinds of quote");
        }
        return value;
    }

    private static String quote(String name, String value) {
        checkValue(name, value);
        char q = value.indexOf('"') >= 0 ? '\'' : '"';
        return q + value + q;
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

    private static String value(String name, String content, int number) {
        int equals = content.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("line " + number + ": " + name + " has no value");
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
            throw new IllegalArgumentException("line " + number + ": a key has " + Z85_KEY_LENGTH
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
