// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.internal.pipe.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The commands other threads post to a socket (multi-producer, single consumer: the socket's
 * thread). Closing it hands back whatever was still queued, and a post that comes later is
 * refused, so nothing posted is ever silently lost.
 */
final class Mailbox {
    /** What a command asks of the socket. */
    enum Kind { ATTACH, READ, WRITE, CONNECTED }

    /** One command about one pipe. */
    record Command(Kind kind, Pipe pipe) {
    }

    private final Queue<Command> queue = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /** Posts a command; false if the mailbox is closed and the command was not taken. */
    boolean post(Command command) {
        queue.offer(command);
        if (closed) {
            return !queue.remove(command);
        }
        return true;
    }

    Command poll() {
        return queue.poll();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Refuses later posts and returns the commands still queued. */
    List<Command> close() {
        closed = true;
        List<Command> rest = new ArrayList<>();
        Command command;
        while ((command = queue.poll()) != null) {
            rest.add(command);
        }
        return rest;
    }
}
