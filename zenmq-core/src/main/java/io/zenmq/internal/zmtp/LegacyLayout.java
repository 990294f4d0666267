// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.util.List;

/**
 * Every offset, length, flag and number of the legacy wire formats: ZMTP/2.0 (RFC 15) and ZMTP/1.0
 * (RFC 13), as libzmq 4.3 still speaks them (see {@code spec/zmtp.md} section 3). The 3.x layout is in
 * {@link ZmtpLayout}.
 *
 * <p>ZMTP/2.0 greeting (12 bytes), then 2.0 frames; the first frame each way is the identity:
 * <pre>
 *  offset 0    1 ............ 8   9    10         11
 *  +------+-------------------+------+----------+-------------+
 *  | 0xFF | padding (8)       | 0x7F | revision | socket type |   revision 1 = ZMTP/2.0 (we send 3,
 *  +------+-------------------+------+----------+-------------+   as libzmq does; any value &gt;= 1)
 *
 *  2.0 frame = 3.x frame without COMMAND:  flags (MORE 0x01, LONG 0x02) | size (1 or 8 B) | body
 * </pre>
 * A revision-0 greeting of the same 12 bytes announces ZMTP/1.0 framing ("versioned 1.0").
 *
 * <p>ZMTP/1.0: no greeting, the first frame is the identity ({@code 01 00} = anonymous):
 * <pre>
 *  short frame (length 1..254)             long frame (any length)
 *  +--------+-------+----- ... -----+      +------+------------------+-------+----- ... -----+
 *  | length | flags | body          |      | 0xFF | length (u64, BE) | flags | body          |
 *  |  1 B   |  1 B  | length-1 B    |      | 1 B  |       8 B        |  1 B  | length-1 B    |
 *  +--------+-------+----- ... -----+      +------+------------------+-------+----- ... -----+
 *
 *  length counts the flags byte (an empty body has length 1; length 0 is invalid);
 *  flags: bit 0 (0x01) MORE, other bits ignored on receive
 * </pre>
 * Our 10-byte signature {@code FF <u64 routing-id length + 1> 7F} reads, to a 1.0 peer, as the header
 * of a long identity frame with flags 0x7F, so after detecting one only the identity body is sent.
 */
public final class LegacyLayout {
    // ---- greeting -----------------------------------------------------------------------------
    /** Length of a ZMTP/2.0 (or versioned 1.0) greeting: signature, revision, socket type. */
    public static final int GREETING_LENGTH = 12;
    /** Offset of the socket-type byte in a 12-byte greeting. */
    public static final int SOCKET_TYPE_OFFSET = 11;
    /** Revision byte of a greeting followed by ZMTP/1.0 framing. */
    public static final int REVISION_1_0 = 0;
    /** Revision byte of a ZMTP/2.0 greeting. */
    public static final int REVISION_2_0 = 1;
    /** First revision byte read as ZMTP/3.x (libzmq reads 2 as 3.x too). */
    public static final int FIRST_3X_REVISION = 2;

    // ---- ZMTP/1.0 frame -----------------------------------------------------------------------
    /** First byte of a 1.0 frame whose length follows as a big-endian uint64. */
    public static final int V1_LONG_LENGTH_ESCAPE = 0xFF;
    /** Largest length (flags byte included) written in the one-byte form. */
    public static final int V1_MAX_SHORT_LENGTH = 0xFE;
    /** Length of the uint64 after the escape byte. */
    public static final int V1_LONG_LENGTH_LENGTH = 8;
    /** Bytes of the length that count the flags byte, not the body. */
    public static final int V1_FLAGS_LENGTH = 1;
    /** One-byte length + flags. */
    public static final int V1_SHORT_HEADER_LENGTH = 2;
    /** Escape + uint64 length + flags. */
    public static final int V1_LONG_HEADER_LENGTH = 10;
    /** Another frame of the same message follows. */
    public static final int V1_FLAG_MORE = 0x01;

    // ---- socket types -------------------------------------------------------------------------
    /** libzmq's socket-type numbers (ZMQ_PAIR = 0 ... ZMQ_XSUB = 10), sent in the 2.0 greeting. */
    private static final List<String> SOCKET_TYPES = List.of(
            "PAIR", "PUB", "SUB", "REQ", "REP", "DEALER", "ROUTER", "PULL", "PUSH", "XPUB", "XSUB");

    private LegacyLayout() {
    }

    /**
     * Returns libzmq's number for a socket type, as the 2.0 greeting carries it.
     *
     * @param name the wire name, e.g. {@code "DEALER"}
     * @return 0..10
     * @throws IllegalArgumentException for a type ZMTP/2.0 cannot announce (STREAM, draft types)
     */
    public static int socketTypeNumber(String name) {
        int number = SOCKET_TYPES.indexOf(name);
        if (number < 0) {
            throw new IllegalArgumentException("no ZMTP/2.0 socket-type number for " + name);
        }
        return number;
    }

    /**
     * Returns the wire name of a socket-type number from a 2.0 greeting.
     *
     * @param number the byte, 0..255
     * @return e.g. {@code "DEALER"}, or null for a number libzmq does not define
     */
    public static String socketTypeName(int number) {
        return number >= 0 && number < SOCKET_TYPES.size() ? SOCKET_TYPES.get(number) : null;
    }
}
