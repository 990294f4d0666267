// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

/**
 * The peer violated ZMTP; the connection must be closed (libzmq: a protocol error, after which the
 * connecting side does not reconnect). {@link #code()} is one of the {@link ProtocolErrors} values.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    /** One of the {@link ProtocolErrors} constants. */
    private final int code;

    /**
     * Creates an exception.
     *
     * @param code one of the {@link ProtocolErrors} constants
     * @param message what was wrong, for diagnostics
     */
    public ProtocolException(int code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * Returns the protocol error code.
     *
     * @return one of the {@link ProtocolErrors} constants (libzmq's {@code ZMQ_PROTOCOL_ERROR_*} values)
     */
    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return "ProtocolException[" + ProtocolErrors.name(code) + "]: " + getMessage();
    }
}
