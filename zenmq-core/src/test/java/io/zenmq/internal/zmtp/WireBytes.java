// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Test helper: builds byte vectors that read like the diagrams in spec/zmtp.md. */
final class WireBytes {
    private WireBytes() {
    }

    /**
     * Concatenates parts: an Integer is one byte, a String its ASCII bytes, a byte[] itself.
     */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer) {
                out.write((Integer) part);
            } else if (part instanceof String) {
                out.writeBytes(((String) part).getBytes(StandardCharsets.US_ASCII));
            } else if (part instanceof byte[]) {
                out.writeBytes((byte[]) part);
            } else {
                throw new IllegalArgumentException("unsupported part: " + part);
            }
        }
        return out.toByteArray();
    }

    /** Parses hex digits, ignoring whitespace. */
    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replaceAll("\\s+", ""));
    }

    /** {@code n} zero bytes. */
    static byte[] zeros(int n) {
        return new byte[n];
    }

    /** ASCII bytes of a string. */
    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
