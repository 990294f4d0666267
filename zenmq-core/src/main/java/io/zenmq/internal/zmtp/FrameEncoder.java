// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.LegacyLayout.V1_FLAGS_LENGTH;
import static io.zenmq.internal.zmtp.LegacyLayout.V1_FLAG_MORE;
import static io.zenmq.internal.zmtp.LegacyLayout.V1_LONG_HEADER_LENGTH;
import static io.zenmq.internal.zmtp.LegacyLayout.V1_LONG_LENGTH_ESCAPE;
import static io.zenmq.internal.zmtp.LegacyLayout.V1_MAX_SHORT_LENGTH;
import static io.zenmq.internal.zmtp.LegacyLayout.V1_SHORT_HEADER_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.COMMAND_NAME_LENGTH_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.FLAG_COMMAND;
import static io.zenmq.internal.zmtp.ZmtpLayout.FLAG_LONG;
import static io.zenmq.internal.zmtp.ZmtpLayout.FLAG_MORE;
import static io.zenmq.internal.zmtp.ZmtpLayout.LONG_HEADER_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.MAX_COMMAND_NAME;
import static io.zenmq.internal.zmtp.ZmtpLayout.MAX_SHORT_BODY;
import static io.zenmq.internal.zmtp.ZmtpLayout.SHORT_HEADER_LENGTH;

import java.nio.ByteBuffer;

/**
 * Writes ZMTP 3.x frame headers and command frames (spec/zmtp.md sections 4 and 5), which serve ZMTP 2.0
 * peers too (without COMMAND), and ZMTP 1.0 frame headers (section 3.3). LONG is set exactly when the
 * body exceeds 255 bytes, computed from the final body size (avoiding libzmq 4.3.4's SUBSCRIBE bug,
 * section 7.3). Stateless; safe from any thread.
 */
public final class FrameEncoder {
    private FrameEncoder() {
    }

    /**
     * Returns the header length for a body of the given size.
     *
     * @param bodySize body length in bytes, not negative
     * @return 2 for bodies up to 255 bytes, else 9
     */
    public static int headerLength(long bodySize) {
        requireSize(bodySize);
        return bodySize > MAX_SHORT_BODY ? LONG_HEADER_LENGTH : SHORT_HEADER_LENGTH;
    }

    /**
     * Writes a frame header at the buffer's position (advancing it), always in big-endian order.
     *
     * @param out destination with at least {@link #headerLength(long)} bytes remaining
     * @param flags {@link ZmtpLayout#FLAG_MORE} and/or {@link ZmtpLayout#FLAG_COMMAND}; a LONG bit passed
     *        in is ignored and recomputed from the size
     * @param bodySize body length in bytes, not negative
     * @throws IllegalArgumentException if flags has reserved bits or the size is negative
     */
    public static void writeHeader(ByteBuffer out, int flags, long bodySize) {
        requireSize(bodySize);
        if ((flags & ~(FLAG_MORE | FLAG_COMMAND | FLAG_LONG)) != 0) {
            throw new IllegalArgumentException("reserved frame flags: 0x" + Integer.toHexString(flags));
        }
        int f = flags & ~FLAG_LONG;
        if (bodySize > MAX_SHORT_BODY) {
            out.put((byte) (f | FLAG_LONG));
            for (int shift = Long.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
                out.put((byte) (bodySize >>> shift));
            }
        } else {
            out.put((byte) f);
            out.put((byte) bodySize);
        }
    }

    /**
     * Builds a command body: name-length byte, name, data.
     *
     * @param name command name, 1..255 ASCII characters (e.g. {@link ZmtpLayout#READY})
     * @param data command data, copied; null means none
     * @return a new array
     * @throws IllegalArgumentException if the name is empty, too long, or not ASCII
     */
    public static byte[] commandBody(String name, byte[] data) {
        int dataLength = data == null ? 0 : data.length;
        byte[] body = new byte[COMMAND_NAME_LENGTH_LENGTH + name.length() + dataLength];
        int offset = putName(body, name);
        if (dataLength > 0) {
            System.arraycopy(data, 0, body, offset, dataLength);
        }
        return body;
    }

    /**
     * Builds a complete frame from a header and a body.
     *
     * @param flags {@link ZmtpLayout#FLAG_MORE} and/or {@link ZmtpLayout#FLAG_COMMAND}
     * @param body the frame body, copied
     * @return a new array holding header and body
     */
    public static byte[] frame(int flags, byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(headerLength(body.length) + body.length);
        writeHeader(out, flags, body.length);
        out.put(body);
        return out.array();
    }

    /**
     * Returns the ZMTP 1.0 header length for a body of the given size.
     *
     * @param bodySize body length in bytes, not negative
     * @return 2 while the length (body + flags byte) fits one byte below 0xFF, else 10
     */
    public static int zmtp10HeaderLength(long bodySize) {
        requireSize(bodySize);
        return bodySize + V1_FLAGS_LENGTH > V1_MAX_SHORT_LENGTH ? V1_LONG_HEADER_LENGTH : V1_SHORT_HEADER_LENGTH;
    }

    /**
     * Writes a ZMTP 1.0 frame header at the buffer's position (advancing it): the length counting the
     * flags byte, in one byte or as 0xFF and a big-endian uint64 (as libzmq, from a length of 255 on),
     * then the flags byte; always big-endian.
     *
     * @param out destination with at least {@link #zmtp10HeaderLength(long)} bytes remaining
     * @param more whether another frame of the same message follows
     * @param bodySize body length in bytes, not negative
     */
    public static void writeZmtp10Header(ByteBuffer out, boolean more, long bodySize) {
        requireSize(bodySize);
        long length = bodySize + V1_FLAGS_LENGTH;
        if (length > V1_MAX_SHORT_LENGTH) {
            out.put((byte) V1_LONG_LENGTH_ESCAPE);
            for (int shift = Long.SIZE - Byte.SIZE; shift >= 0; shift -= Byte.SIZE) {
                out.put((byte) (length >>> shift));
            }
        } else {
            out.put((byte) length);
        }
        out.put((byte) (more ? V1_FLAG_MORE : 0));
    }

    /**
     * Builds a complete ZMTP 1.0 frame.
     *
     * @param more whether another frame of the same message follows
     * @param body the frame body, copied
     * @return a new array holding header and body
     */
    public static byte[] zmtp10Frame(boolean more, byte[] body) {
        ByteBuffer out = ByteBuffer.allocate(zmtp10HeaderLength(body.length) + body.length);
        writeZmtp10Header(out, more, body.length);
        out.put(body);
        return out.array();
    }

    /** Writes the name-length byte and name at offset 0 and returns the offset of the data. */
    static int putName(byte[] body, String name) {
        int n = name.length();
        if (n == 0 || n > MAX_COMMAND_NAME) {
            throw new IllegalArgumentException("command name must be 1.." + MAX_COMMAND_NAME + " characters");
        }
        body[0] = (byte) n;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c > 0x7F) {
                throw new IllegalArgumentException("command name must be ASCII: " + name);
            }
            body[COMMAND_NAME_LENGTH_LENGTH + i] = (byte) c;
        }
        return COMMAND_NAME_LENGTH_LENGTH + n;
    }

    private static void requireSize(long bodySize) {
        if (bodySize < 0) {
            throw new IllegalArgumentException("negative body size: " + bodySize);
        }
    }
}
