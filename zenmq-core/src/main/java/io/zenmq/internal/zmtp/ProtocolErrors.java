// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

/**
 * Protocol error codes carried by {@link ProtocolException#code()}. The {@code ZMTP_*} values are
 * libzmq's {@code ZMQ_PROTOCOL_ERROR_*} numbers (reported in {@code ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL});
 * the {@code ZENMQ_*} values are zenmq additions in the unused {@code 0x100001xx} range.
 */
public final class ProtocolErrors {
    /** ZMQ_PROTOCOL_ERROR_ZAP_UNSPECIFIED. */
    public static final int ZAP_UNSPECIFIED = 0x20000000;
    /** ZMQ_PROTOCOL_ERROR_ZAP_MALFORMED_REPLY: wrong frame count or an envelope that is not empty. */
    public static final int ZAP_MALFORMED_REPLY = 0x20000001;
    /** ZMQ_PROTOCOL_ERROR_ZAP_BAD_REQUEST_ID. */
    public static final int ZAP_BAD_REQUEST_ID = 0x20000002;
    /** ZMQ_PROTOCOL_ERROR_ZAP_BAD_VERSION. */
    public static final int ZAP_BAD_VERSION = 0x20000003;
    /** ZMQ_PROTOCOL_ERROR_ZAP_INVALID_STATUS_CODE. */
    public static final int ZAP_INVALID_STATUS_CODE = 0x20000004;
    /** ZMQ_PROTOCOL_ERROR_ZAP_INVALID_METADATA. */
    public static final int ZAP_INVALID_METADATA = 0x20000005;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_UNSPECIFIED (also used for a bad greeting). */
    public static final int ZMTP_UNSPECIFIED = 0x10000000;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_UNEXPECTED_COMMAND. */
    public static final int ZMTP_UNEXPECTED_COMMAND = 0x10000001;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_SEQUENCE. */
    public static final int ZMTP_INVALID_SEQUENCE = 0x10000002;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_KEY_EXCHANGE. */
    public static final int ZMTP_KEY_EXCHANGE = 0x10000003;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED. */
    public static final int ZMTP_MALFORMED_COMMAND_UNSPECIFIED = 0x10000011;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_MESSAGE. */
    public static final int ZMTP_MALFORMED_COMMAND_MESSAGE = 0x10000012;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_HELLO. */
    public static final int ZMTP_MALFORMED_COMMAND_HELLO = 0x10000013;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_INITIATE. */
    public static final int ZMTP_MALFORMED_COMMAND_INITIATE = 0x10000014;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_ERROR. */
    public static final int ZMTP_MALFORMED_COMMAND_ERROR = 0x10000015;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_READY. */
    public static final int ZMTP_MALFORMED_COMMAND_READY = 0x10000016;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_MALFORMED_COMMAND_WELCOME. */
    public static final int ZMTP_MALFORMED_COMMAND_WELCOME = 0x10000017;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_INVALID_METADATA. */
    public static final int ZMTP_INVALID_METADATA = 0x10000018;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC. */
    public static final int ZMTP_CRYPTOGRAPHIC = 0x11000001;
    /** ZMQ_PROTOCOL_ERROR_ZMTP_MECHANISM_MISMATCH. */
    public static final int ZMTP_MECHANISM_MISMATCH = 0x11000002;
    /**
     * zenmq: a frame announced a size above the socket's maximum message size (libzmq MAXMSGSIZE,
     * EMSGSIZE), above what a Java array can hold, or with the top bit of the 64-bit size set.
     */
    public static final int ZENMQ_MESSAGE_TOO_LARGE = 0x10000100;
    /**
     * zenmq: the heap could not hold a frame's body (libzmq's decoder fails with ENOMEM); the
     * connection ends, the rest of the process goes on.
     */
    public static final int ZENMQ_OUT_OF_MEMORY = 0x10000101;

    private ProtocolErrors() {
    }

    /**
     * Returns the symbolic name of a code, for diagnostics.
     *
     * @param code a protocol error code
     * @return its constant name, or a hex string for unknown codes
     */
    public static String name(int code) {
        switch (code) {
            case ZMTP_UNSPECIFIED: return "ZMTP_UNSPECIFIED";
            case ZMTP_UNEXPECTED_COMMAND: return "ZMTP_UNEXPECTED_COMMAND";
            case ZMTP_INVALID_SEQUENCE: return "ZMTP_INVALID_SEQUENCE";
            case ZMTP_KEY_EXCHANGE: return "ZMTP_KEY_EXCHANGE";
            case ZMTP_MALFORMED_COMMAND_UNSPECIFIED: return "ZMTP_MALFORMED_COMMAND_UNSPECIFIED";
            case ZMTP_MALFORMED_COMMAND_MESSAGE: return "ZMTP_MALFORMED_COMMAND_MESSAGE";
            case ZMTP_MALFORMED_COMMAND_HELLO: return "ZMTP_MALFORMED_COMMAND_HELLO";
            case ZMTP_MALFORMED_COMMAND_INITIATE: return "ZMTP_MALFORMED_COMMAND_INITIATE";
            case ZMTP_MALFORMED_COMMAND_ERROR: return "ZMTP_MALFORMED_COMMAND_ERROR";
            case ZMTP_MALFORMED_COMMAND_READY: return "ZMTP_MALFORMED_COMMAND_READY";
            case ZMTP_MALFORMED_COMMAND_WELCOME: return "ZMTP_MALFORMED_COMMAND_WELCOME";
            case ZMTP_INVALID_METADATA: return "ZMTP_INVALID_METADATA";
            case ZMTP_CRYPTOGRAPHIC: return "ZMTP_CRYPTOGRAPHIC";
            case ZMTP_MECHANISM_MISMATCH: return "ZMTP_MECHANISM_MISMATCH";
            case ZENMQ_MESSAGE_TOO_LARGE: return "ZENMQ_MESSAGE_TOO_LARGE";
            case ZENMQ_OUT_OF_MEMORY: return "ZENMQ_OUT_OF_MEMORY";
            case ZAP_UNSPECIFIED: return "ZAP_UNSPECIFIED";
            case ZAP_MALFORMED_REPLY: return "ZAP_MALFORMED_REPLY";
            case ZAP_BAD_REQUEST_ID: return "ZAP_BAD_REQUEST_ID";
            case ZAP_BAD_VERSION: return "ZAP_BAD_VERSION";
            case ZAP_INVALID_STATUS_CODE: return "ZAP_INVALID_STATUS_CODE";
            case ZAP_INVALID_METADATA: return "ZAP_INVALID_METADATA";
            default: return "0x" + Integer.toHexString(code);
        }
    }
}
