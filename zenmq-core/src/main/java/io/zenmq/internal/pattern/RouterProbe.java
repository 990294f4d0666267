// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;

/**
 * {@code ZMQ_PROBE_ROUTER} (patterns.md sections 3.4 and 3.5): an empty message queued to each
 * new peer, so that a ROUTER on the other side learns the peer's routing id before the
 * application sends anything. Queued when the pipe is attached (a connecting pipe carries it to
 * its first connection) and again after each reconnect. Socket thread only.
 */
final class RouterProbe {
    private static final byte[] EMPTY = new byte[0];

    private RouterProbe() {
    }

    /** A pipe joined the socket: probe it if the option is on. */
    static void attached(PatternOptions options, Pipe pipe) {
        if (options.probeRouter) {
            send(pipe);
        }
    }

    /**
     * A connecting pipe got a live connection.
     *
     * @param again false for the first connection, whose probe was queued at attach
     */
    static void connected(PatternOptions options, Pipe pipe, boolean again) {
        if (again && options.probeRouter) {
            send(pipe);
        }
    }

    private static void send(Pipe pipe) {
        // never split a message half written to this pipe, and never wait for room
        if (!pipe.isMidMessage() && pipe.checkWritable()) {
            pipe.write(EMPTY, false);
            pipe.flush();
        }
    }
}
