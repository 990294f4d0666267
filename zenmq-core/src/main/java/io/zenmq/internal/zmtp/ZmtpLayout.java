// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

/**
 * Every offset, length, flag and name of the ZMTP 3.x wire format (RFC 23 / RFC 37; see
 * {@code spec/zmtp.md} sections 2, 4, 5, 6 and 10; ZMTP 2.0 and 1.0 are in {@link LegacyLayout}). Code
 * elsewhere refers to these constants and never spells out the raw numbers.
 *
 * <p>Greeting (64 bytes, section 2.1):
 * <pre>
 *  offset 0    1 ............ 8   9    10    11    12 ........... 31   32          33 ....... 63
 *  +------+-------------------+------+-----+-----+------------------+-----------+-------------+
 *  | 0xFF | padding (8, any;  | 0x7F | maj | min | mechanism (20,   | as-server | filler (31, |
 *  |      | we send BE u64    |      |  3  |  1  | ASCII, NUL-pad)  |  0 / 1    |  zeros)     |
 *  |      | id length + 1)    |      |     |     |                  |           |             |
 *  +------+-------------------+------+-----+-----+------------------+-----------+-------------+
 *  |&lt;------------- signature (10) ------------&gt;|
 * </pre>
 * Sent in three steps, as libzmq does (section 2.3): the signature at once, the major version once the
 * peer's signature shows it is versioned, the rest once the peer's major is known (to a ZMTP 1.0/2.0
 * peer the rest is different; see {@link LegacyLayout}).
 *
 * <p>Frame (section 4):
 * <pre>
 *  short frame (body 0..255)                 long frame (body 0..2^63-1)
 *  +-------+------+----- ... -----+          +-------+-----------------+----- ... -----+
 *  | flags | size | body          |          | flags | size (u64, BE)  | body          |
 *  |  1 B  | 1 B  | size bytes    |          |  1 B  |       8 B       | size bytes    |
 *  +-------+------+----- ... -----+          +-------+-----------------+----- ... -----+
 *
 *  flags: bit 0 (0x01) MORE, bit 1 (0x02) LONG, bit 2 (0x04) COMMAND, bits 3-7 (0xF8) reserved
 * </pre>
 *
 * <p>Command body (section 5) and metadata property (section 6):
 * <pre>
 *  command  := name-len (1 B, 1..255) | name (ASCII) | data
 *  property := name-len (1 B, 1..255) | name (ASCII) | value-len (u32 BE, 0..2^31-1) | value
 *  PING     := 0x04 "PING" | ttl (u16 BE, deciseconds) | context (0..16 B)
 *  PONG     := 0x04 "PONG" | context (0..16 B)
 *  ERROR    := 0x05 "ERROR" | reason-len (1 B) | reason (0..255 B)
 * </pre>
 */
public final class ZmtpLayout {
    // ---- frame header -------------------------------------------------------------------------
    /** Another frame of the same message follows. */
    public static final int FLAG_MORE = 0x01;
    /** The size field is an 8-byte big-endian integer instead of one byte. */
    public static final int FLAG_LONG = 0x02;
    /** The frame is a command, not message data. */
    public static final int FLAG_COMMAND = 0x04;
    /** Reserved flag bits; sent as zero, ignored on receive (libzmq is lenient). */
    public static final int FLAGS_RESERVED = 0xF8;
    /** Offset of the flags byte in a frame header. */
    public static final int FLAGS_OFFSET = 0;
    /** Offset of the size field in a frame header. */
    public static final int SIZE_OFFSET = 1;
    /** Length of the size field of a short frame. */
    public static final int SHORT_SIZE_LENGTH = 1;
    /** Length of the size field of a long frame. */
    public static final int LONG_SIZE_LENGTH = 8;
    /** flags + 1-byte size. */
    public static final int SHORT_HEADER_LENGTH = 2;
    /** flags + 8-byte size. */
    public static final int LONG_HEADER_LENGTH = 9;
    /** Largest body that fits a short frame; senders use LONG exactly above this. */
    public static final int MAX_SHORT_BODY = 255;

    // ---- greeting -----------------------------------------------------------------------------
    /** Total length of a ZMTP 3.x greeting. */
    public static final int GREETING_LENGTH = 64;
    /** Length of the signature (0xFF, padding, 0x7F). */
    public static final int SIGNATURE_LENGTH = 10;
    /** Offset of the signature start byte. */
    public static final int SIGNATURE_START_OFFSET = 0;
    /** Value of the signature start byte. */
    public static final int SIGNATURE_START = 0xFF;
    /** Offset of the 8 padding bytes (never interpreted on receive). */
    public static final int PADDING_OFFSET = 1;
    /** Length of the padding. */
    public static final int PADDING_LENGTH = 8;
    /**
     * What we add to our routing-id length to make the padding, a big-endian uint64: a ZMTP 1.0 peer
     * reads the signature as the header of our identity frame, whose length counts a flags byte.
     */
    public static final long PADDING_ROUTING_ID_BIAS = 1L;
    /** Offset of the signature end byte. */
    public static final int SIGNATURE_END_OFFSET = 9;
    /** Value of the signature end byte. */
    public static final int SIGNATURE_END = 0x7F;
    /** Bit of the signature end byte that must be set by a ZMTP 2.0+ peer. */
    public static final int SIGNATURE_END_VERSIONED_BIT = 0x01;
    /** Offset of the major version byte. */
    public static final int MAJOR_OFFSET = 10;
    /** Offset of the minor version byte. */
    public static final int MINOR_OFFSET = 11;
    /** Offset of the mechanism name. */
    public static final int MECHANISM_OFFSET = 12;
    /** Length of the NUL-padded mechanism name field. */
    public static final int MECHANISM_LENGTH = 20;
    /** Offset of the as-server byte. */
    public static final int AS_SERVER_OFFSET = 32;
    /** Offset of the zero filler. */
    public static final int FILLER_OFFSET = 33;
    /** Length of the zero filler. */
    public static final int FILLER_LENGTH = 31;
    /** Major version we send. */
    public static final int VERSION_MAJOR = 3;
    /** Minor version we send (ZMTP 3.1). */
    public static final int VERSION_MINOR = 1;

    // ---- mechanisms ---------------------------------------------------------------------------
    /** NULL security mechanism name. */
    public static final String MECHANISM_NULL = "NULL";
    /** PLAIN security mechanism name. */
    public static final String MECHANISM_PLAIN = "PLAIN";
    /** CURVE security mechanism name. */
    public static final String MECHANISM_CURVE = "CURVE";

    // ---- commands -----------------------------------------------------------------------------
    /** Length of the name-length byte that starts every command body. */
    public static final int COMMAND_NAME_LENGTH_LENGTH = 1;
    /** Longest command name. */
    public static final int MAX_COMMAND_NAME = 255;
    /** Command names (case-sensitive, ASCII). */
    public static final String READY = "READY";
    /** ERROR command. */
    public static final String ERROR = "ERROR";
    /** PING command. */
    public static final String PING = "PING";
    /** PONG command. */
    public static final String PONG = "PONG";
    /** SUBSCRIBE command (ZMTP 3.1). */
    public static final String SUBSCRIBE = "SUBSCRIBE";
    /** CANCEL command (ZMTP 3.1). */
    public static final String CANCEL = "CANCEL";
    /** PLAIN/CURVE HELLO command. */
    public static final String HELLO = "HELLO";
    /** PLAIN/CURVE WELCOME command. */
    public static final String WELCOME = "WELCOME";
    /** PLAIN/CURVE INITIATE command. */
    public static final String INITIATE = "INITIATE";
    /** CURVE MESSAGE command. */
    public static final String MESSAGE = "MESSAGE";
    /** DISH to RADIO JOIN command. */
    public static final String JOIN = "JOIN";
    /** DISH to RADIO LEAVE command. */
    public static final String LEAVE = "LEAVE";

    /** Length of the PING TTL field (uint16 BE, deciseconds). */
    public static final int PING_TTL_LENGTH = 2;
    /** Largest PING TTL value. */
    public static final int MAX_PING_TTL = 0xFFFF;
    /** Longest PING/PONG context; longer contexts are truncated. */
    public static final int MAX_PING_CONTEXT = 16;
    /** Length of the ERROR reason-length byte. */
    public static final int ERROR_REASON_LENGTH_LENGTH = 1;
    /** Longest ERROR reason. */
    public static final int MAX_ERROR_REASON = 255;
    /** Longest RADIO/DISH group name. */
    public static final int MAX_GROUP = 255;

    // ---- metadata -----------------------------------------------------------------------------
    /** Length of a property's name-length byte. */
    public static final int PROPERTY_NAME_LENGTH_LENGTH = 1;
    /** Longest property name. */
    public static final int MAX_PROPERTY_NAME = 255;
    /** Length of a property's value-length field (uint32 BE). */
    public static final int PROPERTY_VALUE_LENGTH_LENGTH = 4;
    /** Largest property value length (the top bit of the uint32 must be clear). */
    public static final int MAX_PROPERTY_VALUE = Integer.MAX_VALUE;
    /** Socket type property (send this exact spelling). */
    public static final String PROPERTY_SOCKET_TYPE = "Socket-Type";
    /** Routing id property (send this exact spelling). */
    public static final String PROPERTY_IDENTITY = "Identity";
    /** Message property the ZAP handler's user id becomes (set locally, never sent; libzmq's name). */
    public static final String PROPERTY_USER_ID = "User-Id";
    /** Message property with the peer's IP address (set locally, never sent; libzmq's name). */
    public static final String PROPERTY_PEER_ADDRESS = "Peer-Address";

    // ---- Java limits --------------------------------------------------------------------------
    /** Largest frame body this implementation can hold in one Java array. */
    public static final int MAX_ARRAY_BODY = Integer.MAX_VALUE - 8;

    private ZmtpLayout() {
    }
}
