// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.internal.queue.MpscWakeQueue;
import io.zenmq.internal.pipe.Pipe;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands other threads post to a socket (multi-producer, single consumer: the socket's
 * thread). Closing it hands back whatever was still queued, and a post that comes later is
 * refused, so nothing posted is ever silently lost.
 *
 * <p>Read and write wake-ups are each pipe end's own reusable {@link Pipe.Wake} node, queued at
 * most once at a time, so waking a socket allocates nothing. Rare commands (a new pipe, a
 * connection made) are {@link Command} nodes made per post.
 */
final class Mailbox {
    /** What a rare command asks of the socket. */
    enum Kind { ATTACH, CONNECTED }

    /** One rare command about one pipe, made per post. */
    static final class Command extends MpscWakeQueue.Node {
        private final Kind kind;
        private final Pipe pipe;

        Command(Kind kind, Pipe pipe) {
            this.kind = kind;
            this.pipe = pipe;
        }

        Kind kind() {
            return kind;
        }

        Pipe pipe() {
            return pipe;
        }
    }

    private final MpscWakeQueue queue = new MpscWakeQueue();
    /** Drained but not yet handed out; socket thread only. */
    private MpscWakeQueue.Node batch;

    /**
     * Posts a command or a wake-up.
     *
     * @return {@link MpscWakeQueue#QUEUED_FIRST} if the socket may need waking, another
     *     non-negative value if not, or {@link MpscWakeQueue#REFUSED} if the mailbox is closed
     */
    int post(MpscWakeQueue.Node node) {
        return queue.offer(node);
    }

    /** Takes the next node, already released so it may be posted again; null if none. */
    MpscWakeQueue.Node poll() {
        MpscWakeQueue.Node node = batch;
        if (node == null) {
            node = queue.drain();
            if (node == null) {
                return null;
            }
        }
        batch = node.next();
        node.release();
        return node;
    }

    boolean isEmpty() {
        return batch == null && queue.isEmpty();
    }

    /** Refuses later posts and returns the commands still queued, oldest first. */
    List<MpscWakeQueue.Node> close() {
        List<MpscWakeQueue.Node> rest = new ArrayList<>();
        MpscWakeQueue.Node node;
        while ((node = poll()) != null) {
            rest.add(node);
        }
        for (node = queue.close(); node != null; ) {
            MpscWakeQueue.Node next = node.next();
            node.release();
            rest.add(node);
            node = next;
        }
        return rest;
    }
}
