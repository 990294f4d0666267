// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.queue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A multi-producer single-consumer queue of intrusive, reusable nodes: the mailbox behind
 * wake-ups, which allocates nothing per post.
 *
 * <p>Owners: any thread offers; one consumer thread drains. A node is in the queue at most once
 * at a time: offering a node that is still queued does nothing, since the wake-up it carries is
 * already pending. The consumer clears that mark with a volatile store <em>before</em> it acts on
 * the node, so a wake-up that arrives while it acts queues the node again and is never lost.
 *
 * <p>Producers push onto a Treiber stack with one CAS; the consumer takes the whole stack with
 * one swap and reverses it, so nodes come out in the order their offers took effect. Closing
 * swaps in a sentinel that refuses every later offer.
 */
public final class MpscWakeQueue {
    /** {@link #offer} queued the node into an empty queue: wake the consumer if it sleeps. */
    public static final int QUEUED_FIRST = 2;
    /** {@link #offer} queued the node behind others: the consumer was already due to run. */
    public static final int QUEUED = 1;
    /** {@link #offer} found the node still queued: nothing to do. */
    public static final int ALREADY_QUEUED = 0;
    /** {@link #offer} found the queue closed: the node was not taken. */
    public static final int REFUSED = -1;

    private static final VarHandle HEAD;
    private static final VarHandle QUEUED_MARK;
    private static final Node CLOSED = new Node() { };

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(MpscWakeQueue.class, "head", Node.class);
            QUEUED_MARK = lookup.findVarHandle(Node.class, "queued", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * A queue node, meant to be made once and offered many times. Its link is written by the
     * producer that offers it and then only by the consumer, until {@link #release()}.
     */
    public abstract static class Node {
        private Node next;
        @SuppressWarnings("unused") // through QUEUED_MARK
        private boolean queued;

        /**
         * Returns the node after this one in a drained batch. Consumer only.
         *
         * @return the next node, or null at the end of the batch
         */
        public final Node next() {
            return next;
        }

        /**
         * Unlinks the node and lets it be offered again; call before acting on it. Consumer only.
         */
        public final void release() {
            next = null;
            QUEUED_MARK.setVolatile(this, false);
        }
    }

    // Newest node first; CLOSED once closed.
    @SuppressWarnings("unused") // through HEAD
    private Node head;

    /**
     * Queues a node unless it is already queued. Any thread.
     *
     * @param node the node
     * @return {@link #QUEUED_FIRST}, {@link #QUEUED}, {@link #ALREADY_QUEUED} or {@link #REFUSED}
     */
    public int offer(Node node) {
        if (!QUEUED_MARK.compareAndSet(node, false, true)) {
            return ALREADY_QUEUED;
        }
        while (true) {
            Node first = (Node) HEAD.getVolatile(this);
            if (first == CLOSED) {
                QUEUED_MARK.setVolatile(node, false);
                return REFUSED;
            }
            node.next = first;
            if (HEAD.compareAndSet(this, first, node)) {
                return first == null ? QUEUED_FIRST : QUEUED;
            }
        }
    }

    /**
     * Takes every queued node, oldest first, linked through {@link Node#next()}. The caller
     * {@link Node#release() releases} each before acting on it. Consumer only.
     *
     * @return the oldest node, or null if none (or closed)
     */
    public Node drain() {
        Node first = (Node) HEAD.getVolatile(this);
        if (first == null || first == CLOSED) {
            return null;
        }
        return reverse((Node) HEAD.getAndSet(this, (Node) null));
    }

    /**
     * Tells whether nothing is queued. Any thread.
     *
     * @return true if empty or closed
     */
    public boolean isEmpty() {
        Node first = (Node) HEAD.getVolatile(this);
        return first == null || first == CLOSED;
    }

    /**
     * Refuses every later offer and takes what was still queued, oldest first. Consumer only.
     *
     * @return the oldest node left, or null
     */
    public Node close() {
        Node rest = (Node) HEAD.getAndSet(this, CLOSED);
        return rest == CLOSED ? null : reverse(rest);
    }

    private static Node reverse(Node newestFirst) {
        Node reversed = null;
        Node node = newestFirst;
        while (node != null) {
            Node next = node.next;
            node.next = reversed;
            reversed = node;
            node = next;
        }
        return reversed;
    }
}
