// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import io.zenmq.internal.poll.PollEntry;
import io.zenmq.internal.poll.PollerCore;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Waits on many sockets and JDK channels at once ({@code zmq_poll}, JeroMQ's
 * {@code ZMQ.Poller}, pyzmq's {@code zmq.Poller}).
 *
 * <pre>{@code
 * try (Poller poller = new Poller()) {
 *     poller.register(frontend, Poller.IN);
 *     poller.register(backend, Poller.IN);
 *     while (poller.poll(Duration.ofSeconds(1)) > 0) {
 *         if (poller.isReadable(frontend)) {
 *             backend.send(frontend.recvMsg());
 *         }
 *         if (poller.isReadable(backend)) {
 *             frontend.send(backend.recvMsg());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Level-triggered, as {@code zmq_poll}: a socket with a message queued is readable at every
 * poll until the message is received. Sockets may come from any number of contexts. A socket is
 * {@link #IN} when a receive would not block and {@link #OUT} when a send would not block (its
 * {@link Socket#events()}); it never reports {@link #ERR}. A {@link SelectableChannel} (in
 * non-blocking mode) is {@link #IN} when readable or acceptable, {@link #OUT} when writable or
 * connectable, and {@link #ERR} when it was closed while registered.
 *
 * <p>No thread and no periodic re-check: the sockets' own wake-ups wake the poller, an idle
 * poller uses no CPU, and a poll looks only at the sockets that got traffic, were called, or
 * were ready at the last poll, so its cost does not grow with the number of idle sockets.
 *
 * <p>Threading: not thread-safe. Poll, register, modify and unregister from one thread, which
 * must also be the thread using the registered sockets (a poll handles their pending commands,
 * as any call on a socket does), unless a socket is {@linkplain SocketType#threadSafe()
 * thread-safe}: other threads may use those while the poller watches them (a message the poll
 * reported may then be taken by another thread first, so receive with {@code tryRecv}). Only
 * {@link #wakeup()} may be called from any thread. A socket may be in several pollers at once
 * (each is woken).
 *
 * <p>Edge cases: a registered socket that is closed makes every later poll throw
 * {@link ErrorCode#ENOTSOCK} until it is unregistered (libzmq's {@code zmq_poll} does the same);
 * a context closed while a poll waits on one of its sockets makes that poll throw
 * {@link ErrorCode#ETERM}; an interrupt ends a waiting poll with {@link ErrorCode#EINTR}, keeps
 * the thread's interrupt flag, and leaves the poller usable.
 */
public final class Poller implements AutoCloseable {
    /** Interest in, and readiness for, receiving or reading ({@code ZMQ_POLLIN}). */
    public static final int IN = PollEntry.IN;
    /** Interest in, and readiness for, sending or writing ({@code ZMQ_POLLOUT}). */
    public static final int OUT = PollEntry.OUT;
    /** An error ({@code ZMQ_POLLERR}): for a channel, closed while registered; never for a socket. */
    public static final int ERR = PollEntry.ERR;

    private final PollerCore<Item> core = new PollerCore<>();
    private final Map<Socket, Item> sockets = new IdentityHashMap<>();
    private final Map<SelectableChannel, Item> channels = new IdentityHashMap<>();
    private final List<Item> readyView = Collections.unmodifiableList(core.ready());

    /**
     * One registration: a socket or a channel, what it is watched for and what the last poll
     * found, plus an object of the caller's (as {@link java.nio.channels.SelectionKey} has).
     */
    public static final class Item {
        private final Socket socket;
        private final SelectableChannel channel;
        private final PollEntry<Item> entry;
        private Object attachment;

        private Item(Socket socket, SelectableChannel channel, PollEntry<Item> entry) {
            this.socket = socket;
            this.channel = channel;
            this.entry = entry;
            entry.owner(this);
        }

        /**
         * Returns the socket registered.
         *
         * @return the socket, or null if this item is a channel
         */
        public Socket socket() {
            return socket;
        }

        /**
         * Returns the channel registered.
         *
         * @return the channel, or null if this item is a socket
         */
        public SelectableChannel channel() {
            return channel;
        }

        /**
         * Returns what the item is watched for.
         *
         * @return a mask of {@link #IN}, {@link #OUT}, {@link #ERR}
         */
        public int interest() {
            return entry.interest();
        }

        /**
         * Returns what the last poll found, within the interest.
         *
         * @return a mask of {@link #IN}, {@link #OUT}, {@link #ERR}; 0 if not ready
         */
        public int events() {
            return entry.ready();
        }

        /**
         * Tells whether the last poll found the item readable.
         *
         * @return true if {@link #IN} is among the events
         */
        public boolean isReadable() {
            return (entry.ready() & IN) != 0;
        }

        /**
         * Tells whether the last poll found the item writable.
         *
         * @return true if {@link #OUT} is among the events
         */
        public boolean isWritable() {
            return (entry.ready() & OUT) != 0;
        }

        /**
         * Tells whether the last poll found an error.
         *
         * @return true if {@link #ERR} is among the events
         */
        public boolean isError() {
            return (entry.ready() & ERR) != 0;
        }

        /**
         * Returns the caller's object.
         *
         * @return what {@link #attach(Object)} set, or null
         */
        public Object attachment() {
            return attachment;
        }

        /**
         * Keeps an object of the caller's with the item (a handler, a name).
         *
         * @param attachment the object, or null
         * @return this item
         */
        public Item attach(Object attachment) {
            this.attachment = attachment;
            return this;
        }

        @Override
        public String toString() {
            return "Poller.Item[" + (socket != null ? socket : channel) + ", interest=" + interest()
                    + ", events=" + events() + "]";
        }
    }

    /** Creates an empty poller. */
    public Poller() {
    }

    /**
     * Registers a socket, of any context ({@code zmq_poller_add}).
     *
     * @param socket a socket used by the polling thread
     * @param interest a mask of {@link #IN} and {@link #OUT} ({@link #ERR} is accepted, never reported)
     * @return the registration
     * @throws ZmqException {@link ErrorCode#EINVAL} if the socket is already registered here or
     *     the mask has other bits
     */
    public Item register(Socket socket, int interest) {
        Objects.requireNonNull(socket, "socket");
        checkInterest(interest);
        if (sockets.containsKey(socket)) {
            throw new ZmqException(ErrorCode.EINVAL, "the socket is already registered in this poller");
        }
        Item item = new Item(socket, null, core.register(socket.core(), interest));
        sockets.put(socket, item);
        return item;
    }

    /**
     * Registers a JDK channel.
     *
     * @param channel a channel in non-blocking mode, open
     * @param interest a mask of {@link #IN}, {@link #OUT} and {@link #ERR}
     * @return the registration
     * @throws ZmqException {@link ErrorCode#EINVAL} if the channel is already registered here or
     *     the mask has other bits
     * @throws java.nio.channels.IllegalBlockingModeException if the channel is in blocking mode
     * @throws IllegalArgumentException if the channel is closed
     */
    public Item register(SelectableChannel channel, int interest) {
        Objects.requireNonNull(channel, "channel");
        checkInterest(interest);
        if (channels.containsKey(channel)) {
            throw new ZmqException(ErrorCode.EINVAL, "the channel is already registered in this poller");
        }
        Item item = new Item(null, channel, core.register(channel, interest));
        channels.put(channel, item);
        return item;
    }

    /**
     * Changes what a registered socket is watched for ({@code zmq_poller_modify}).
     *
     * @param socket a registered socket
     * @param interest the new mask
     * @throws ZmqException {@link ErrorCode#EINVAL} if the socket is not registered here
     */
    public void modify(Socket socket, int interest) {
        checkInterest(interest);
        core.modify(registered(sockets.get(socket)).entry, interest);
    }

    /**
     * Changes what a registered channel is watched for.
     *
     * @param channel a registered channel
     * @param interest the new mask
     * @throws ZmqException {@link ErrorCode#EINVAL} if the channel is not registered here
     */
    public void modify(SelectableChannel channel, int interest) {
        checkInterest(interest);
        core.modify(registered(channels.get(channel)).entry, interest);
    }

    /**
     * Removes a socket ({@code zmq_poller_remove}); allowed after the socket was closed.
     *
     * @param socket a registered socket
     * @throws ZmqException {@link ErrorCode#EINVAL} if the socket is not registered here
     */
    public void unregister(Socket socket) {
        core.unregister(registered(sockets.remove(socket)).entry);
    }

    /**
     * Removes a channel; the channel stays open.
     *
     * @param channel a registered channel
     * @throws ZmqException {@link ErrorCode#EINVAL} if the channel is not registered here
     */
    public void unregister(SelectableChannel channel) {
        core.unregister(registered(channels.remove(channel)).entry);
    }

    /**
     * Waits until at least one registration is ready, {@link #wakeup()} is called, or the timeout
     * passes. Allocates nothing: read the result through {@link #isReadable(Socket)},
     * {@link #events(Socket)} or {@link #ready()}.
     *
     * @param timeout {@link Duration#ZERO} to only look, negative (e.g. {@link Option#INFINITE})
     *     to wait without limit
     * @return how many registrations are ready (0 on timeout or wake-up)
     * @throws ZmqException {@link ErrorCode#EINTR} if the thread was interrupted while waiting
     *     (its flag stays set; the poller stays usable), {@link ErrorCode#ETERM} if the context of
     *     a registered socket is closed, {@link ErrorCode#ENOTSOCK} if a registered socket is closed
     * @throws IllegalStateException if the poller is closed
     */
    public int poll(Duration timeout) {
        long nanos = timeout.isNegative() ? -1 : saturatedNanos(timeout);
        return core.poll(nanos);
    }

    /**
     * Returns the registrations the last poll found ready, in no promised order. The list is
     * reused by the next poll, and cannot be modified.
     *
     * @return a read-only view of the ready items
     */
    public List<Item> ready() {
        return readyView;
    }

    /**
     * Returns what the last poll found for a socket.
     *
     * @param socket a socket
     * @return a mask of {@link #IN} and {@link #OUT}; 0 if not ready or not registered
     */
    public int events(Socket socket) {
        Item item = sockets.get(socket);
        return item == null ? 0 : item.events();
    }

    /**
     * Returns what the last poll found for a channel.
     *
     * @param channel a channel
     * @return a mask of {@link #IN}, {@link #OUT} and {@link #ERR}; 0 if not ready or not registered
     */
    public int events(SelectableChannel channel) {
        Item item = channels.get(channel);
        return item == null ? 0 : item.events();
    }

    /**
     * Tells whether the last poll found the socket readable (a receive will not block).
     *
     * @param socket a socket
     * @return true if {@link #IN} was found
     */
    public boolean isReadable(Socket socket) {
        return (events(socket) & IN) != 0;
    }

    /**
     * Tells whether the last poll found the socket writable (a send will not block).
     *
     * @param socket a socket
     * @return true if {@link #OUT} was found
     */
    public boolean isWritable(Socket socket) {
        return (events(socket) & OUT) != 0;
    }

    /**
     * Tells whether the last poll found the channel readable (or acceptable).
     *
     * @param channel a channel
     * @return true if {@link #IN} was found
     */
    public boolean isReadable(SelectableChannel channel) {
        return (events(channel) & IN) != 0;
    }

    /**
     * Tells whether the last poll found the channel writable (or connectable).
     *
     * @param channel a channel
     * @return true if {@link #OUT} was found
     */
    public boolean isWritable(SelectableChannel channel) {
        return (events(channel) & OUT) != 0;
    }

    /**
     * Returns how many sockets and channels are registered.
     *
     * @return the count
     */
    public int size() {
        return sockets.size() + channels.size();
    }

    /**
     * Makes a waiting {@link #poll} return (with what is ready, possibly nothing); if none is
     * waiting, the next poll returns at once. Thread-safe: the one method another thread may call.
     */
    public void wakeup() {
        core.wakeup();
    }

    /**
     * Unregisters everything and releases the poller's selector, if it opened one; the sockets
     * and channels stay open. Idempotent.
     */
    @Override
    public void close() {
        List<PollEntry<Item>> entries = new ArrayList<>();
        for (Item item : sockets.values()) {
            entries.add(item.entry);
        }
        for (Item item : channels.values()) {
            entries.add(item.entry);
        }
        sockets.clear();
        channels.clear();
        core.close(entries);
    }

    @Override
    public String toString() {
        return "Poller[" + sockets.size() + " sockets, " + channels.size() + " channels]";
    }

    private static void checkInterest(int interest) {
        if ((interest & ~(IN | OUT | ERR)) != 0) {
            throw new ZmqException(ErrorCode.EINVAL, "poll events must be a mask of IN, OUT and ERR: " + interest);
        }
    }

    private static Item registered(Item item) {
        if (item == null) {
            throw new ZmqException(ErrorCode.EINVAL, "not registered in this poller");
        }
        return item;
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
