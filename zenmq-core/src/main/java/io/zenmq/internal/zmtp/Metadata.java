// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ZmtpLayout.MAX_PROPERTY_NAME;
import static io.zenmq.internal.zmtp.ZmtpLayout.PROPERTY_NAME_LENGTH_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.PROPERTY_VALUE_LENGTH_LENGTH;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ZMTP metadata (connection properties, spec/zmtp.md section 6): a sequence of
 * {@code name-len name value-len(u32 BE) value}. Used by READY, INITIATE and ZAP replies. Stateless.
 *
 * <p>Names are sent with the exact spelling given (libzmq compares them case-sensitively) and looked up
 * case-insensitively on receive (RFC). Decoding follows libzmq: trailing bytes after the last complete
 * property are an error, zero-length names are tolerated, and the last of duplicate names wins.
 */
public final class Metadata {
    private Metadata() {
    }

    /**
     * Encodes properties in the map's iteration order.
     *
     * @param props names (1..255 ASCII characters) to values (copied)
     * @return a new array
     * @throws IllegalArgumentException if a name is empty, too long or not ASCII, or the total is too large
     */
    public static byte[] encode(Map<String, byte[]> props) {
        long total = 0;
        for (Map.Entry<String, byte[]> e : props.entrySet()) {
            String name = e.getKey();
            if (name.isEmpty() || name.length() > MAX_PROPERTY_NAME) {
                throw new IllegalArgumentException("property name must be 1.." + MAX_PROPERTY_NAME
                        + " characters: " + name);
            }
            total += (long) PROPERTY_NAME_LENGTH_LENGTH + name.length() + PROPERTY_VALUE_LENGTH_LENGTH
                    + e.getValue().length;
        }
        if (total > ZmtpLayout.MAX_ARRAY_BODY) {
            throw new IllegalArgumentException("metadata too large: " + total + " bytes");
        }
        byte[] out = new byte[(int) total];
        int pos = 0;
        for (Map.Entry<String, byte[]> e : props.entrySet()) {
            String name = e.getKey();
            out[pos++] = (byte) name.length();
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c > 0x7F) {
                    throw new IllegalArgumentException("property name must be ASCII: " + name);
                }
                out[pos++] = (byte) c;
            }
            byte[] value = e.getValue();
            putInt(out, pos, value.length);
            pos += PROPERTY_VALUE_LENGTH_LENGTH;
            System.arraycopy(value, 0, out, pos, value.length);
            pos += value.length;
        }
        return out;
    }

    /**
     * Decodes properties.
     *
     * @param buf source bytes
     * @param offset where the metadata starts
     * @param length how many bytes it spans (all must be used by complete properties)
     * @return a new insertion-ordered map; names are decoded byte-per-char (ISO-8859-1), values copied
     * @throws ProtocolException ({@link ProtocolErrors#ZMTP_INVALID_METADATA}) on a truncated property,
     *         trailing bytes, or a value length with the top bit set
     * @throws IndexOutOfBoundsException if offset/length lie outside {@code buf}
     */
    public static Map<String, byte[]> decode(byte[] buf, int offset, int length) throws ProtocolException {
        int end = offset + length;
        if (offset < 0 || length < 0 || end > buf.length || end < 0) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", array " + buf.length);
        }
        Map<String, byte[]> props = new LinkedHashMap<>();
        int pos = offset;
        while (pos < end) {
            int nameLength = buf[pos] & 0xFF;
            pos += PROPERTY_NAME_LENGTH_LENGTH;
            if (end - pos < nameLength + PROPERTY_VALUE_LENGTH_LENGTH) {
                throw invalid("truncated property name at offset " + (pos - offset - PROPERTY_NAME_LENGTH_LENGTH));
            }
            String name = new String(buf, pos, nameLength, StandardCharsets.ISO_8859_1);
            pos += nameLength;
            int valueLength = getInt(buf, pos);
            pos += PROPERTY_VALUE_LENGTH_LENGTH;
            if (valueLength < 0) {
                throw invalid("value length of property " + name + " has the top bit set");
            }
            if (end - pos < valueLength) {
                throw invalid("truncated value of property " + name);
            }
            byte[] value = Arrays.copyOfRange(buf, pos, pos + valueLength);
            if (name.equalsIgnoreCase(ZmtpLayout.PROPERTY_SOCKET_TYPE)) {
                // libzmq checks every Socket-Type it reads: a peer must not name a compatible type
                // after (or before) an incompatible one and be taken at its last word
                byte[] earlier = get(props, ZmtpLayout.PROPERTY_SOCKET_TYPE);
                if (earlier != null && !Arrays.equals(earlier, value)) {
                    throw invalid("conflicting Socket-Type properties");
                }
            }
            props.put(name, value);
            pos += valueLength;
        }
        return props;
    }

    /**
     * Looks a property up case-insensitively (RFC 37). If several names differ only in case, the last
     * one in iteration order wins.
     *
     * @param props decoded properties
     * @param name the property name, e.g. {@link ZmtpLayout#PROPERTY_SOCKET_TYPE}
     * @return the value (not copied), or null if absent
     */
    public static byte[] get(Map<String, byte[]> props, String name) {
        byte[] found = null;
        for (Map.Entry<String, byte[]> e : props.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                found = e.getValue();
            }
        }
        return found;
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(ProtocolErrors.ZMTP_INVALID_METADATA, "invalid metadata: " + message);
    }

    private static void putInt(byte[] out, int pos, int value) {
        for (int i = PROPERTY_VALUE_LENGTH_LENGTH - 1; i >= 0; i--) {
            out[pos + i] = (byte) (value >>> ((PROPERTY_VALUE_LENGTH_LENGTH - 1 - i) * Byte.SIZE));
        }
    }

    private static int getInt(byte[] buf, int pos) {
        int v = 0;
        for (int i = 0; i < PROPERTY_VALUE_LENGTH_LENGTH; i++) {
            v = (v << Byte.SIZE) | (buf[pos + i] & 0xFF);
        }
        return v;
    }
}
