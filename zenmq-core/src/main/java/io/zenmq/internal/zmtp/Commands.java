// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ZmtpLayout.CANCEL;
import static io.zenmq.internal.zmtp.ZmtpLayout.JOIN;
import static io.zenmq.internal.zmtp.ZmtpLayout.LEAVE;
import static io.zenmq.internal.zmtp.ZmtpLayout.COMMAND_NAME_LENGTH_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.ERROR;
import static io.zenmq.internal.zmtp.ZmtpLayout.ERROR_REASON_LENGTH_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.MAX_ERROR_REASON;
import static io.zenmq.internal.zmtp.ZmtpLayout.MAX_PING_CONTEXT;
import static io.zenmq.internal.zmtp.ZmtpLayout.MAX_PING_TTL;
import static io.zenmq.internal.zmtp.ZmtpLayout.PING;
import static io.zenmq.internal.zmtp.ZmtpLayout.PING_TTL_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.PONG;
import static io.zenmq.internal.zmtp.ZmtpLayout.READY;
import static io.zenmq.internal.zmtp.ZmtpLayout.SUBSCRIBE;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Builders and parsers of ZMTP command bodies (spec/zmtp.md sections 5, 6, 9 and 10). A body is
 * {@code name-len name data}, without the frame header; frame it with {@link FrameEncoder}. Stateless.
 */
public final class Commands {
    private Commands() {
    }

    // ---- generic ------------------------------------------------------------------------------

    /**
     * Returns the command name.
     *
     * @param body a command body
     * @return the name, decoded byte-per-char
     * @throws ProtocolException ({@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_UNSPECIFIED}) if the
     *         name-length byte is 0 or the name does not fit in the body
     */
    public static String name(byte[] body) throws ProtocolException {
        return new String(body, COMMAND_NAME_LENGTH_LENGTH, requireNameLength(body), StandardCharsets.ISO_8859_1);
    }

    /**
     * Returns whether the body is a well-formed command with exactly this (case-sensitive) name.
     * Allocation-free.
     *
     * @param body a command body
     * @param name an ASCII command name such as {@link ZmtpLayout#PING}
     * @return true on an exact match
     */
    public static boolean is(byte[] body, String name) {
        int n = nameLength(body);
        if (n != name.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if ((body[COMMAND_NAME_LENGTH_LENGTH + i] & 0xFF) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int requireNameLength(byte[] body) throws ProtocolException {
        int n = nameLength(body);
        if (n < 0) {
            throw new ProtocolException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                    "malformed command name (body of " + body.length + " bytes)");
        }
        return n;
    }

    /** Name length if the name-length byte is 1..255 and the name fits, else -1. */
    private static int nameLength(byte[] body) {
        if (body.length < COMMAND_NAME_LENGTH_LENGTH) {
            return -1;
        }
        int n = body[0] & 0xFF;
        return n == 0 || body.length - COMMAND_NAME_LENGTH_LENGTH < n ? -1 : n;
    }

    private static int requireCommand(byte[] body, String name, int code) throws ProtocolException {
        if (!is(body, name)) {
            throw new ProtocolException(nameLength(body) < 0 ? code : ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "expected a " + name + " command");
        }
        return COMMAND_NAME_LENGTH_LENGTH + name.length();
    }

    // ---- READY --------------------------------------------------------------------------------

    /**
     * Parses the metadata of a READY body.
     *
     * @param body a command body
     * @return the properties, see {@link Metadata#decode}
     * @throws ProtocolException {@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_READY} if the name is
     *         malformed, {@link ProtocolErrors#ZMTP_UNEXPECTED_COMMAND} if it is not READY,
     *         {@link ProtocolErrors#ZMTP_INVALID_METADATA} if the metadata is malformed
     */
    public static Map<String, byte[]> parseReady(byte[] body) throws ProtocolException {
        int offset = requireCommand(body, READY, ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY);
        return Metadata.decode(body, offset, body.length - offset);
    }

    // ---- ERROR --------------------------------------------------------------------------------

    /**
     * Builds an ERROR body.
     *
     * @param reason printable ASCII reason (e.g. {@code "400"}); truncated to 255 bytes
     * @return a new body
     */
    public static byte[] errorBody(String reason) {
        byte[] r = reason.getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(r.length, MAX_ERROR_REASON);
        byte[] data = new byte[ERROR_REASON_LENGTH_LENGTH + n];
        data[0] = (byte) n;
        System.arraycopy(r, 0, data, ERROR_REASON_LENGTH_LENGTH, n);
        return FrameEncoder.commandBody(ERROR, data);
    }

    /**
     * Returns the reason of an ERROR body. Bytes after the reason are ignored.
     *
     * @param body a command body
     * @return the reason, decoded as ASCII
     * @throws ProtocolException {@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_ERROR} if the reason
     *         length is missing or the reason does not fit, {@link ProtocolErrors#ZMTP_UNEXPECTED_COMMAND}
     *         if the body is not ERROR
     */
    public static String parseError(byte[] body) throws ProtocolException {
        int offset = requireCommand(body, ERROR, ProtocolErrors.ZMTP_MALFORMED_COMMAND_ERROR);
        if (body.length - offset < ERROR_REASON_LENGTH_LENGTH) {
            throw new ProtocolException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_ERROR, "ERROR without reason length");
        }
        int n = body[offset] & 0xFF;
        offset += ERROR_REASON_LENGTH_LENGTH;
        if (body.length - offset < n) {
            throw new ProtocolException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_ERROR, "truncated ERROR reason");
        }
        return new String(body, offset, n, StandardCharsets.US_ASCII);
    }

    // ---- PING / PONG --------------------------------------------------------------------------

    /**
     * Builds a PING body.
     *
     * @param ttlDeciseconds time-to-live in deciseconds, 0..65535
     * @param context context bytes, truncated to 16; null means none
     * @return a new body
     * @throws IllegalArgumentException if the TTL is out of range
     */
    public static byte[] pingBody(int ttlDeciseconds, byte[] context) {
        if (ttlDeciseconds < 0 || ttlDeciseconds > MAX_PING_TTL) {
            throw new IllegalArgumentException("PING TTL out of range: " + ttlDeciseconds);
        }
        byte[] ctx = truncateContext(context);
        byte[] data = new byte[PING_TTL_LENGTH + ctx.length];
        data[0] = (byte) (ttlDeciseconds >>> Byte.SIZE);
        data[1] = (byte) ttlDeciseconds;
        System.arraycopy(ctx, 0, data, PING_TTL_LENGTH, ctx.length);
        return FrameEncoder.commandBody(PING, data);
    }

    /**
     * Builds a PONG body.
     *
     * @param context the PING's context, truncated to 16 bytes; null means none
     * @return a new body
     */
    public static byte[] pongBody(byte[] context) {
        return FrameEncoder.commandBody(PONG, truncateContext(context));
    }

    /**
     * Returns the TTL of a PING body.
     *
     * @param body a PING body
     * @return TTL in deciseconds, 0..65535
     * @throws ProtocolException ({@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_UNSPECIFIED}) if the body is
     *         not a PING with at least 2 data bytes
     */
    public static int pingTtl(byte[] body) throws ProtocolException {
        int offset = pingDataOffset(body);
        return ((body[offset] & 0xFF) << Byte.SIZE) | (body[offset + 1] & 0xFF);
    }

    /**
     * Returns the context of a PING body, truncated to 16 bytes (as libzmq echoes it).
     *
     * @param body a PING body
     * @return a new array of 0..16 bytes
     * @throws ProtocolException ({@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_UNSPECIFIED}) if the body is
     *         not a PING with at least 2 data bytes
     */
    public static byte[] pingContext(byte[] body) throws ProtocolException {
        int offset = pingDataOffset(body) + PING_TTL_LENGTH;
        return Arrays.copyOfRange(body, offset, Math.min(body.length, offset + MAX_PING_CONTEXT));
    }

    private static int pingDataOffset(byte[] body) throws ProtocolException {
        int offset = requireCommand(body, PING, ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED);
        if (body.length - offset < PING_TTL_LENGTH) {
            throw new ProtocolException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, "PING without TTL");
        }
        return offset;
    }

    private static byte[] truncateContext(byte[] context) {
        if (context == null) {
            return new byte[0];
        }
        return context.length <= MAX_PING_CONTEXT ? context : Arrays.copyOf(context, MAX_PING_CONTEXT);
    }

    // ---- SUBSCRIBE / CANCEL ------------------------------------------------------------------------

    /**
     * Builds a SUBSCRIBE body (ZMTP 3.1).
     *
     * @param topic topic prefix, copied; may be empty
     * @return a new body
     */
    public static byte[] subscribeBody(byte[] topic) {
        return FrameEncoder.commandBody(SUBSCRIBE, topic);
    }

    /**
     * Builds a CANCEL body (ZMTP 3.1).
     *
     * @param topic topic prefix, copied; may be empty
     * @return a new body
     */
    public static byte[] cancelBody(byte[] topic) {
        return FrameEncoder.commandBody(CANCEL, topic);
    }

    // ---- JOIN / LEAVE ------------------------------------------------------------------------------

    /**
     * Builds a JOIN body (a DISH joining a group).
     *
     * @param group the group, copied
     * @return a new body
     */
    public static byte[] joinBody(byte[] group) {
        return FrameEncoder.commandBody(JOIN, group);
    }

    /**
     * Builds a LEAVE body (a DISH leaving a group).
     *
     * @param group the group, copied
     * @return a new body
     */
    public static byte[] leaveBody(byte[] group) {
        return FrameEncoder.commandBody(LEAVE, group);
    }

    /**
     * Returns the data of a SUBSCRIBE, CANCEL, JOIN or LEAVE body: all bytes after the name.
     *
     * @param body a command body
     * @return a new array
     * @throws ProtocolException ({@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_UNSPECIFIED}) if the name is
     *         malformed
     */
    public static byte[] topic(byte[] body) throws ProtocolException {
        int offset = COMMAND_NAME_LENGTH_LENGTH + requireNameLength(body);
        return Arrays.copyOfRange(body, offset, body.length);
    }
}
