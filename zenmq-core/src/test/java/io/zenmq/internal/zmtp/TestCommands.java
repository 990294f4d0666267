// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test helper: command bodies and frames that only tests build or parse (READY as a NULL peer sends
 * it, JOIN/LEAVE until RADIO/DISH use them, a PONG's context), made from the main codec's pieces so
 * the bytes are the ones the wire layout defines.
 */
public final class TestCommands {
    private TestCommands() {
    }

    /**
     * Builds a NULL-mechanism READY body: {@code Socket-Type}, then {@code Identity} when given.
     *
     * @param socketType upper-case wire name, e.g. {@code "DEALER"}
     * @param identityOrNull routing id to announce (sent even when empty), or null to omit the property
     * @return a new body
     */
    public static byte[] readyBody(String socketType, byte[] identityOrNull) {
        Map<String, byte[]> props = new LinkedHashMap<>();
        props.put(ZmtpLayout.PROPERTY_SOCKET_TYPE, socketType.getBytes(StandardCharsets.US_ASCII));
        if (identityOrNull != null) {
            props.put(ZmtpLayout.PROPERTY_IDENTITY, identityOrNull);
        }
        return FrameEncoder.commandBody(ZmtpLayout.READY, Metadata.encode(props));
    }

    /** Builds a JOIN body (DISH to RADIO); a group longer than 255 bytes is an IllegalArgumentException. */
    static byte[] joinBody(byte[] group) {
        return FrameEncoder.commandBody(ZmtpLayout.JOIN, requireGroup(group));
    }

    /** Builds a LEAVE body (DISH to RADIO); a group longer than 255 bytes is an IllegalArgumentException. */
    static byte[] leaveBody(byte[] group) {
        return FrameEncoder.commandBody(ZmtpLayout.LEAVE, requireGroup(group));
    }

    private static byte[] requireGroup(byte[] group) {
        if (group.length > ZmtpLayout.MAX_GROUP) {
            throw new IllegalArgumentException("group longer than " + ZmtpLayout.MAX_GROUP + " bytes");
        }
        return group;
    }

    /**
     * Returns the context of a PONG body, truncated to 16 bytes.
     *
     * @throws ProtocolException MALFORMED_COMMAND_UNSPECIFIED if the name is malformed, UNEXPECTED_COMMAND
     *         if the body is not a PONG
     */
    static byte[] pongContext(byte[] body) throws ProtocolException {
        if (!ZmtpLayout.PONG.equals(Commands.name(body))) {
            throw new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, "expected a PONG command");
        }
        byte[] context = Commands.topic(body);
        return context.length <= ZmtpLayout.MAX_PING_CONTEXT ? context
                : Arrays.copyOf(context, ZmtpLayout.MAX_PING_CONTEXT);
    }

    /** Builds a whole command frame: the header with COMMAND set, then the body of {@code name} and data. */
    static byte[] encodeCommand(String name, byte[] data) {
        return FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, FrameEncoder.commandBody(name, data));
    }
}
