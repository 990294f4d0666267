// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.poll;

import io.zenmq.internal.queue.MpscWakeQueue;

/**
 * One registration in a {@link PollerCore}: what it is interested in, what the last poll found
 * ready, and the public object it stands for. A node of the poller's wake-up queue, so a socket
 * waking it allocates nothing.
 *
 * <p>Owner: the polling thread; the queue node is offered from any thread.
 *
 * @param <T> the public object the poller hands back for a ready registration
 */
public abstract class PollEntry<T> extends MpscWakeQueue.Node {
    /** Readable (or acceptable): libzmq's {@code ZMQ_POLLIN}. */
    public static final int IN = 1;
    /** Writable (or connectable): libzmq's {@code ZMQ_POLLOUT}. */
    public static final int OUT = 2;
    /** An error condition: libzmq's {@code ZMQ_POLLERR}; for a channel, closed while registered. */
    public static final int ERR = 4;

    final PollerCore<T> poller;
    private T owner;
    int interest;
    /** Events found ready by the last poll, 0 if none. */
    int ready;
    /** In the poller's ready list of the last poll. */
    boolean listed;
    boolean registered = true;

    PollEntry(PollerCore<T> poller, int interest) {
        this.poller = poller;
        this.interest = interest;
    }

    /**
     * Names the public object handed back when this entry is ready. Polling thread, once.
     *
     * @param owner the object
     */
    public final void owner(T owner) {
        this.owner = owner;
    }

    final T owner() {
        return owner;
    }

    /** @return the events of interest: a mask of {@link #IN}, {@link #OUT}, {@link #ERR} */
    public final int interest() {
        return interest;
    }

    /** @return the events the last poll found ready (within the interest), 0 if none */
    public final int ready() {
        return ready;
    }
}
