// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;

/**
 * Ends a command with an exit status and one stderr line ({@code zenmq: } plus the message).
 * Status 2 is a usage error, 1 a run-time failure and 3 an expired {@code --timeout}.
 */
final class CliException extends RuntimeException {
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int TIMEOUT = 3;

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static CliException usage(String message) {
        return new CliException(USAGE, message);
    }

    static CliException failure(String message) {
        return new CliException(FAILURE, message);
    }

    /** A run-time failure for a bind or connect the library refused ("cannot bind to EP: REASON"). */
    static CliException attachFailed(boolean bind, String endpoint, ZmqException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int colon = message.lastIndexOf(": ");
        String reason;
        if (message.startsWith("cannot ") && colon > 0) {
            reason = message.substring(colon + 2);
        } else if (!message.isEmpty() && e.code() != ErrorCode.EPROTONOSUPPORT) {
            reason = message;
        } else {
            reason = e.code().text();
        }
        return failure("cannot " + (bind ? "bind to " : "connect to ") + endpoint + ": " + reason);
    }

    int exitCode() {
        return exitCode;
    }
}
