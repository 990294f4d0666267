// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The line of a draft type that names something first (cli.md, "Draft socket types"): a plain-
 * text field (a routing id, a group, an address) up to the first delimiter, then the data, one
 * frame in the message text format, delimiters included. Also the checks on the field's value.
 * Immutable.
 */
final class LeadingField {
    /** The largest routing id: a uint32. */
    static final long MAX_ROUTING_ID = 0xffff_ffffL;
    /** A group's longest encoding, as in libzmq. */
    static final int MAX_GROUP_BYTES = 255;

    /** The most a udp message may take: one datagram, as libzmq's udp transport sends it. */
    static final int MAX_DATAGRAM = 8192;

    /** What the field holds. */
    enum Kind {
        /** SERVER and PEER: the peer's routing id, decimal. */
        ROUTING_ID("ID"),
        /** RADIO and DISH: the group, 1 to 255 bytes. */
        GROUP("GROUP"),
        /** DGRAM: the other end's {@code HOST:PORT}. */
        ADDRESS("ADDRESS");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The field's name in messages: ID, GROUP, ADDRESS. */
        String label() {
            return label;
        }
    }

    /** One input line, split: the field as text and the decoded data (owned by the caller). */
    static final class Line {
        private final String field;
        private final byte[] data;

        Line(String field, byte[] data) {
            this.field = field;
            this.data = data;
        }

        String field() {
            return field;
        }

        byte[] data() {
            return data;
        }
    }

    private final TextFormat format;

    LeadingField(TextFormat format) {
        this.format = format;
    }

    /**
     * Splits an input line at its first delimiter.
     *
     * @return the field and the decoded data, or null if the line has no delimiter
     * @throws IllegalArgumentException for data that is not hex under {@code --format hex}
     */
    Line split(byte[] line) {
        int at = format.firstDelimiter(line);
        if (at < 0) {
            return null;
        }
        String field = new String(line, 0, at, StandardCharsets.UTF_8);
        return new Line(field, format.parseFrame(line, at + format.delimiterLength(), line.length));
    }

    /** Appends a printed line: the field as it is, the delimiter, the data, LF. */
    void print(byte[] field, byte[] data, ByteArrayOutputStream out) {
        out.write(field, 0, field.length);
        format.printDelimiter(out);
        format.printFrame(data, out);
        out.write('\n');
    }

    /** Appends a printed line with a text field; see {@link #print(byte[], byte[], ByteArrayOutputStream)}. */
    void print(String field, byte[] data, ByteArrayOutputStream out) {
        print(field.getBytes(StandardCharsets.UTF_8), data, out);
    }

    /**
     * Parses a routing id: decimal, 1 to 4294967295.
     *
     * @return the id's 32 bits (as the library carries a uint32 in an int)
     * @throws IllegalArgumentException for anything else
     */
    static int routingId(String text) {
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("'" + text + "' is not a routing id (1 to " + MAX_ROUTING_ID + ")");
        }
        long id = Long.parseLong(text);
        if (id < 1 || id > MAX_ROUTING_ID) {
            throw new IllegalArgumentException("'" + text + "' is not a routing id (1 to " + MAX_ROUTING_ID + ")");
        }
        return (int) id;
    }

    /** A routing id as it prints: unsigned decimal. */
    static String routingIdText(int id) {
        return Integer.toUnsignedString(id);
    }

    /**
     * Checks a group: 1 to 255 bytes of UTF-8.
     *
     * @return its UTF-8 length
     * @throws IllegalArgumentException for an empty or longer group
     */
    static int checkGroup(String group) {
        int bytes = group.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes > MAX_GROUP_BYTES) {
            throw new IllegalArgumentException("a group must be 1 to " + MAX_GROUP_BYTES + " bytes, got " + bytes);
        }
        return bytes;
    }

    /**
     * Checks that a message fits one udp datagram.
     *
     * @param bytes what the datagram would carry (RADIO: 1 + group length + data; DGRAM: data)
     * @throws IllegalArgumentException if it does not fit
     */
    static void checkDatagram(long bytes) {
        if (bytes > MAX_DATAGRAM) {
            throw new IllegalArgumentException("a message of " + bytes + " bytes does not fit one " + MAX_DATAGRAM
                    + "-byte datagram");
        }
    }
}
