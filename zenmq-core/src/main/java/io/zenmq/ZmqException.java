// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.util.Objects;

/**
 * The unchecked exception thrown by zenmq operations, carrying an errno-style {@link ErrorCode}
 * as libzmq reports it.
 *
 * <p>There is no thread-local errno: would-block is a return value of the {@code try*} and timed
 * methods, everything else is this exception.
 */
public class ZmqException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /**
     * Creates an exception with the code's own text as message.
     *
     * @param code the error code
     */
    public ZmqException(ErrorCode code) {
        this(code, code.text());
    }

    /**
     * Creates an exception with a specific message.
     *
     * @param code the error code
     * @param message what went wrong, in one line
     */
    public ZmqException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * Creates an exception with a specific message and cause.
     *
     * @param code the error code
     * @param message what went wrong, in one line
     * @param cause the underlying exception
     */
    public ZmqException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * Returns the error code.
     *
     * @return the errno-style code
     */
    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return "ZmqException[" + code + "]: " + getMessage();
    }
}
