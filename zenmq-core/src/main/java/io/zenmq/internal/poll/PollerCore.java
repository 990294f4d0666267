// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.poll;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.queue.MpscWakeQueue;
import io.zenmq.internal.socket.SocketCore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Waits until any of many sockets and channels is ready, level-triggered as {@code zmq_poll}.
 *
 * <p>A poll looks at three kinds of socket only: those whose mailbox got mail since the last
 * poll (their {@link SocketEntry} arrives on {@link #woken}, a multi-producer queue fed by the
 * sockets' own wake-ups), those the polling thread called since (a send may end readiness, a
 * receive on REP start it), and those the last poll found ready (still ready until used). Every
 * other socket is idle and costs nothing, however many are registered. Readiness itself is the
 * socket's {@code ZMQ_EVENTS}, which leaves its empty pipes armed, so the next message wakes it.
 *
 * <p>Waiting parks the thread; once a channel is registered it blocks in the poller's own
 * {@link Selector} instead, and socket wake-ups call {@link Selector#wakeup()} rather than unpark.
 *
 * <p>Owner: the polling thread, which must also own every registered socket (a poll handles the
 * sockets' mailboxes). {@link #wakeup()} and the sockets' wake-ups come from any thread.
 *
 * @param <T> the public object handed back for each ready registration
 */
public final class PollerCore<T> {
    /** The node {@link #wakeup()} queues; never a registration. */
    private static final class Wakeup extends MpscWakeQueue.Node {
    }

    private final MpscWakeQueue woken = new MpscWakeQueue();
    private final Wakeup wakeupNode = new Wakeup();
    /** Sockets to look at in the next poll; swapped with {@link #looking} while looking. */
    private List<SocketEntry<T>> toLook = new ArrayList<>();
    private List<SocketEntry<T>> looking = new ArrayList<>();
    private final List<ChannelEntry<T>> channels = new ArrayList<>();
    private final List<PollEntry<T>> readyEntries = new ArrayList<>();
    private final List<T> ready = new ArrayList<>();
    private final Consumer<SelectionKey> onSelected = this::selected;
    /** Opened with the first channel; published to wakers through {@link #selecting}. */
    private Selector selector;
    private volatile Thread parked;
    private volatile boolean selecting;
    private boolean closed;

    // ------------------------------------------------------------------ registrations

    /**
     * Registers a socket. Socket thread.
     *
     * @param socket the socket, owned by the calling thread
     * @param interest a mask of {@link PollEntry#IN}, {@link PollEntry#OUT}, {@link PollEntry#ERR}
     * @return the registration
     */
    public PollEntry<T> register(SocketCore socket, int interest) {
        ensureOpen();
        SocketEntry<T> entry = new SocketEntry<>(this, socket, interest);
        socket.addWatcher(entry);
        lookAt(entry);
        return entry;
    }

    /**
     * Registers a channel in the poller's selector.
     *
     * @param channel a channel in non-blocking mode
     * @param interest a mask of {@link PollEntry#IN}, {@link PollEntry#OUT}, {@link PollEntry#ERR}
     * @return the registration
     * @throws java.nio.channels.IllegalBlockingModeException if the channel is in blocking mode
     * @throws IllegalArgumentException if the channel is closed
     */
    public PollEntry<T> register(SelectableChannel channel, int interest) {
        ensureOpen();
        ChannelEntry<T> entry = new ChannelEntry<>(this, channel, interest);
        Selector in = selector();
        try {
            SelectionKey old = channel.keyFor(in);
            if (old != null && !old.isValid()) {
                // cancelled by an earlier unregister: a select forgets it (the selector is
                // level-triggered, so nothing ready is lost)
                in.selectNow();
            }
            entry.key = channel.register(in, entry.ops(), entry);
        } catch (ClosedChannelException e) {
            throw new IllegalArgumentException("the channel is closed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channels.add(entry);
        return entry;
    }

    /**
     * Changes what a registration is interested in; the next poll applies it.
     *
     * @param entry a registration of this poller
     * @param interest the new mask
     */
    public void modify(PollEntry<T> entry, int interest) {
        ensureOpen();
        entry.interest = interest;
        if (entry instanceof SocketEntry<T> socket) {
            lookAt(socket);
        } else {
            ChannelEntry<T> channel = (ChannelEntry<T>) entry;
            if (channel.key.isValid()) {
                channel.key.interestOps(channel.ops());
            }
        }
    }

    /**
     * Removes a registration. It keeps the events of the last poll only in that poll's result
     * list, reporting none from now on. Socket thread; allowed once the socket is closed.
     *
     * @param entry a registration of this poller
     */
    public void unregister(PollEntry<T> entry) {
        entry.registered = false;
        entry.ready = 0;
        if (entry instanceof SocketEntry<T> socket) {
            socket.socket.removeWatcher(socket);
            if (socket.candidate) {
                // the list holds what changed since the last poll: short, unless nobody polls
                toLook.remove(socket);
                socket.candidate = false;
            }
        } else {
            ChannelEntry<T> channel = (ChannelEntry<T>) entry;
            channel.key.cancel();
            channels.remove(channel);
        }
    }

    // ------------------------------------------------------------------ waking

    /** A registered socket got mail or its context is terminating. Any thread. */
    void woken(SocketEntry<T> entry) {
        if (woken.offer(entry) == MpscWakeQueue.QUEUED_FIRST) {
            wakeThread();
        }
    }

    /** Puts a socket on the list to look at in the next poll. Polling thread. */
    void lookAt(SocketEntry<T> entry) {
        if (entry.registered && !entry.candidate) {
            entry.candidate = true;
            toLook.add(entry);
        }
    }

    /** Makes a blocked {@link #poll} return, or the next one return at once. Any thread. */
    public void wakeup() {
        if (woken.offer(wakeupNode) == MpscWakeQueue.QUEUED_FIRST) {
            wakeThread();
        }
    }

    private void wakeThread() {
        Thread thread = parked;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        if (selecting) {
            selector.wakeup();
        }
    }

    // ------------------------------------------------------------------ polling

    /**
     * Waits until a registration is ready, a {@link #wakeup()} comes, or the timeout passes.
     * Polling thread.
     *
     * @param timeoutNanos 0 to never wait, negative to wait forever
     * @return the number of ready registrations, also in {@link #ready()}
     * @throws ZmqException {@link ErrorCode#EINTR} if interrupted while waiting (the flag stays
     *     set); what a registered socket throws when asked its readiness: {@link
     *     ErrorCode#ETERM} once its context is closing, {@link ErrorCode#ENOTSOCK} once closed
     */
    public int poll(long timeoutNanos) {
        ensureOpen();
        clearReady();
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        while (true) {
            boolean wokenUp = takeWoken();
            lookAtSockets();
            if (selector != null) {
                selectNow();
            }
            if (!ready.isEmpty() || wokenUp || timeoutNanos == 0) {
                return ready.size();
            }
            long remaining = -1;
            if (timeoutNanos > 0) {
                remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return 0;
                }
            }
            block(remaining);
        }
    }

    /** @return the public objects of the registrations the last poll found ready; reused */
    public List<T> ready() {
        return ready;
    }

    private void clearReady() {
        for (int i = 0; i < readyEntries.size(); i++) {
            PollEntry<T> entry = readyEntries.get(i);
            entry.ready = 0;
            entry.listed = false;
        }
        readyEntries.clear();
        ready.clear();
    }

    private void markReady(PollEntry<T> entry, int events) {
        entry.ready |= events;
        if (!entry.listed) {
            entry.listed = true;
            readyEntries.add(entry);
            ready.add(entry.owner());
        }
    }

    /** Moves the sockets that woke the poller to the list to look at; true if {@link #wakeup()} came. */
    private boolean takeWoken() {
        boolean wokenUp = false;
        MpscWakeQueue.Node node = woken.drain();
        while (node != null) {
            MpscWakeQueue.Node next = node.next();
            node.release();
            if (node == wakeupNode) {
                wokenUp = true;
            } else {
                @SuppressWarnings("unchecked")
                SocketEntry<T> entry = (SocketEntry<T>) node;
                lookAt(entry);
            }
            node = next;
        }
        return wokenUp;
    }

    /**
     * Asks each socket on the list for its readiness; a ready one stays on the list for the
     * next poll (level-triggered), an idle one leaves it until it wakes or is used.
     */
    private void lookAtSockets() {
        List<SocketEntry<T>> now = toLook;
        toLook = looking;
        looking = now;
        for (int i = 0; i < now.size(); i++) {
            SocketEntry<T> entry = now.get(i);
            if (!entry.registered) {
                entry.candidate = false;
                continue;
            }
            int events;
            try {
                events = entry.socket.readiness() & entry.interest;
            } catch (ZmqException e) {
                // the socket stays on the list: the next poll reports it again until unregistered
                for (int j = i; j < now.size(); j++) {
                    toLook.add(now.get(j));
                }
                now.clear();
                throw e;
            }
            if (events != 0) {
                markReady(entry, events);
                toLook.add(entry);
            } else {
                entry.candidate = false;
            }
        }
        now.clear();
    }

    private void selectNow() {
        try {
            selector.selectNow(onSelected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < channels.size(); i++) {
            ChannelEntry<T> entry = channels.get(i);
            if ((entry.interest & PollEntry.ERR) != 0 && !entry.key.isValid()) {
                markReady(entry, PollEntry.ERR);
            }
        }
    }

    private void selected(SelectionKey key) {
        @SuppressWarnings("unchecked")
        ChannelEntry<T> entry = (ChannelEntry<T>) key.attachment();
        int events = ChannelEntry.events(key.readyOps()) & entry.interest;
        if (events != 0) {
            markReady(entry, events);
        }
    }

    /** Parks (or selects) until woken, the time passes or the thread is interrupted. */
    private void block(long remainingNanos) {
        Thread self = Thread.currentThread();
        if (selector == null) {
            parked = self;
            try {
                if (woken.isEmpty()) {
                    if (remainingNanos < 0) {
                        LockSupport.park(this);
                    } else {
                        LockSupport.parkNanos(this, remainingNanos);
                    }
                }
            } finally {
                parked = null;
            }
        } else {
            selecting = true;
            try {
                if (woken.isEmpty()) {
                    // select(0) waits forever; round a finite wait up to whole milliseconds
                    long millis = remainingNanos < 0 ? 0 : Math.max(1, (remainingNanos + 999_999) / 1_000_000);
                    selector.select(onSelected, millis);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                selecting = false;
            }
        }
        if (self.isInterrupted()) {
            throw new ZmqException(ErrorCode.EINTR, "interrupted while polling");
        }
    }

    // ------------------------------------------------------------------ closing

    private Selector selector() {
        if (selector == null) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return selector;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the poller is closed");
        }
    }

    /**
     * Unregisters everything and closes the selector. Polling thread; idempotent.
     *
     * @param entries every registration still in place
     */
    public void close(Iterable<? extends PollEntry<T>> entries) {
        if (closed) {
            return;
        }
        closed = true;
        for (PollEntry<T> entry : entries) {
            unregister(entry);
        }
        clearReady();
        toLook.clear();
        if (selector != null) {
            try {
                selector.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
