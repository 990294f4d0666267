// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Msg;
import io.zenmq.Socket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * How one socket type's messages and text lines map onto each other (cli.md, "Per type" and
 * "Draft socket types"): {@link TypeRules} for the classic types, one small class per draft
 * line shape. Used by the session's thread only.
 */
interface LineShape {
    /**
     * Turns an input line into the message to send.
     *
     * @return the message, or null for a line the type drops (after its one warning, where
     *     cli.md asks for one)
     * @throws CliException (failure) for bad {@code --format hex} input
     */
    Msg toMsg(byte[] line);

    /** Appends the printed line of a received message, LF included. */
    void print(Msg msg, ByteArrayOutputStream out);

    /**
     * Sends a message, waiting at most {@code timeout}.
     *
     * @return true once the message is gone (sent, or dropped with a warning because no peer
     *     can take it); false if the timeout expired first
     */
    boolean send(Socket socket, Msg msg, Duration timeout);

    /** Sends without waiting; see {@link #send(Socket, Msg, Duration)}. */
    default boolean trySend(Socket socket, Msg msg) {
        return send(socket, msg, Duration.ZERO);
    }

    /** True for a message that is only printed: not counted by {@code -n}, not echoed. */
    default boolean isNotice(Msg msg) {
        return false;
    }

    /** The messages to send right after setup, before the first line. */
    default List<Msg> initialMessages(List<byte[]> prefixes) {
        return List.of();
    }

    /** Prints one warning line: a dropped line or message; the command goes on. */
    static void warn(PrintStream err, String what) {
        err.println("zenmq: warning: " + what);
    }

    /** Decodes a bad {@code --format hex} line's complaint into the exit-1 failure. */
    static CliException badInput(IllegalArgumentException e) {
        return CliException.failure("bad input line: " + e.getMessage());
    }
}
