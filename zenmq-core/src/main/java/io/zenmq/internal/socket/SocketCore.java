// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.ErrorCode;
import io.zenmq.Option;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import io.zenmq.internal.ctx.ContextCore;
import io.zenmq.internal.monitor.EventSocket;
import io.zenmq.internal.monitor.MonitorSink;
import io.zenmq.internal.pattern.Pattern;
import io.zenmq.internal.pattern.PatternHost;
import io.zenmq.internal.pattern.PatternOptions;
import io.zenmq.internal.pattern.Patterns;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.zap.ZapSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The engine room of a socket, behind the public {@code Socket}: send and receive, with routing
 * delegated to a {@link Pattern}, options to an {@link OptionAccess}, the pipe ends and mailbox to
 * {@link SocketPipes}, waits to a {@link Waiter}, endpoints to an {@link EndpointRegistry} and
 * events to a {@link MonitorHook}.
 *
 * <p>Owner: the application thread using the socket. Other threads (I/O threads, inproc peers,
 * the closing context) reach it only through its {@link SocketInbox}, which posts to the mailbox,
 * wakes the waiting thread, or reads the volatile linger.
 */
public final class SocketCore implements PatternHost, ZapSocket, EventSocket {
    private final ContextCore context;
    private final SocketType type;
    private final Pattern pattern;
    private final OptionValues options = new OptionValues();
    private final PatternOptions patternOptions = new PatternOptions();
    private final Mailbox mailbox = new Mailbox();
    private final Waiter waiter;
    private final MonitorHook monitor = new MonitorHook();
    private final SocketInbox inbox;
    private final SocketPipes pipes;
    private final OptionAccess optionAccess;
    private final EndpointRegistry endpoints;
    private Map<String, byte[]> lastProperties;
    private byte[] lastGroup;
    private boolean rcvMore;
    private boolean closed;
    private final SocketWatchers watchers;

    private SocketCore(ContextCore context, SocketType type) {
        this.context = context;
        this.type = type;
        this.pattern = Patterns.create(type, this, patternOptions);
        this.waiter = new Waiter(mailbox, context.spinNanos(), this::ensureOpen);
        this.watchers = new SocketWatchers(waiter);
        this.pipes = new SocketPipes(pattern, mailbox);
        this.inbox = new SocketInbox(this, context.inproc(), waiter, monitor, pipes);
        this.optionAccess = new OptionAccess(this, options, patternOptions, inbox);
        this.endpoints = new EndpointRegistry(context, inbox, pipes, optionAccess::connectionOptions, type, options);
    }

    /**
     * Opens a socket in a context.
     *
     * @param context the owning context
     * @param type the socket type
     * @return the socket core, owned by the calling thread
     * @throws ZmqException {@link ErrorCode#ETERM} if the context is closing
     */
    public static SocketCore open(ContextCore context, SocketType type) {
        SocketCore socket = new SocketCore(context, type);
        context.register(socket.inbox);
        return socket;
    }

    /** @return the owning context */
    public ContextCore context() {
        return context;
    }

    /** @return the socket type */
    public SocketType type() {
        return type;
    }

    // ------------------------------------------------------------------ options

    /**
     * Sets an option after validating it.
     *
     * @param option the key
     * @param value the value
     * @param <T> the value type
     * @throws ZmqException {@link ErrorCode#EINVAL} for a bad value, or an option that does not
     *     apply to this socket's type ({@link OptionRules})
     */
    public <T> void setOption(Option<T> option, T value) {
        checkOpen();
        optionAccess.set(option, value);
    }

    /**
     * Reads an option.
     *
     * @param option the key
     * @param <T> the value type
     * @return the value
     * @throws ZmqException {@link ErrorCode#EINVAL} for an option that does not apply to this
     *     socket's type ({@link OptionRules})
     */
    public <T> T getOption(Option<T> option) {
        checkOpen();
        return optionAccess.get(option);
    }

    /** @return SNDTIMEO in nanoseconds, -1 for infinite */
    public long sendTimeoutNanos() {
        return options.sendTimeoutNanos();
    }

    /** @return RCVTIMEO in nanoseconds, -1 for infinite */
    public long receiveTimeoutNanos() {
        return options.receiveTimeoutNanos();
    }

    /** Reads an option's current value for the socket's own helpers (no checks). */
    <T> T option(Option<T> option) {
        return options.get(option);
    }

    // ------------------------------------------------------------------ endpoints

    /**
     * Binds an endpoint.
     *
     * @param endpoint the endpoint string
     * @return the endpoint actually bound
     */
    public String bind(String endpoint) {
        checkOpen();
        String bound = endpoints.bind(endpoint);
        optionAccess.endpointBound(bound);
        return bound;
    }

    /**
     * Connects an endpoint; returns at once.
     *
     * @param endpoint the endpoint string
     */
    public void connect(String endpoint) {
        checkOpen();
        endpoints.connect(endpoint, options.takeConnectRoutingId());
    }

    /**
     * Stops listening on an endpoint and drops the connections accepted through it, discarding
     * their queued messages ({@code zmq_unbind}).
     *
     * @param endpoint the endpoint as bound (with its real port) or as given to bind
     * @throws ZmqException {@link ErrorCode#ENOENT} if the socket is not bound there
     */
    public void unbind(String endpoint) {
        checkOpen();
        pipes.processCommands();
        endpoints.unbind(endpoint);
    }

    /**
     * Drops every connection made by {@code connect(endpoint)} ({@code zmq_disconnect}). Over
     * tcp and ipc the messages queued for the peer are discarded. Over inproc, as in libzmq, the
     * pipe leaves routing at once, what the peer sent and this socket did not read is dropped,
     * and the peer reads what this socket sent before, then sees the pipe end; a pipe still
     * waiting for its name to be bound is drained by the binder and never sent to.
     *
     * @param endpoint the endpoint exactly as given to connect
     * @throws ZmqException {@link ErrorCode#ENOENT} if the socket is not connected there
     */
    public void disconnect(String endpoint) {
        checkOpen();
        pipes.processCommands();
        endpoints.disconnect(endpoint);
    }

    /** {@code ZMQ_CONFLATE} set on a type it applies to. */
    boolean conflates() {
        return options.conflates(type);
    }

    // ------------------------------------------------------------------ send / receive

    /**
     * Sends one frame.
     *
     * @param frame the bytes, owned by the socket if sent
     * @param more whether more frames follow
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return false if the wait timed out
     */
    public boolean send(byte[] frame, boolean more, long timeoutNanos) {
        checkOpen();
        pipes.processCommands();
        long deadline = Waiter.deadline(timeoutNanos);
        while (!pattern.xsend(frame, more)) {
            if (!waiter.await(timeoutNanos, deadline)) {
                return false;
            }
            pipes.processCommands();
        }
        return true;
    }

    /** {@inheritDoc} Waits for the first frame only, as the rest always follows. */
    @Override
    public boolean sendMsg(List<byte[]> frames, long timeoutNanos) {
        int last = frames.size() - 1;
        if (!send(frames.get(0), last > 0, timeoutNanos)) {
            return false;
        }
        for (int i = 1; i <= last; i++) {
            if (!pattern.xsend(frames.get(i), i < last)) {
                throw new IllegalStateException("pattern refused a frame in the middle of a message");
            }
        }
        return true;
    }

    /**
     * Sends a whole message with a RADIO group ({@code zmq_msg_set_group}).
     *
     * @param group the group's bytes, or null for none
     * @param frames the message
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return false if the wait timed out
     */
    public boolean sendMsg(byte[] group, List<byte[]> frames, long timeoutNanos) {
        if (group == null) {
            return sendMsg(frames, timeoutNanos);
        }
        checkOpen();
        pattern.nextGroup(group);
        try {
            return sendMsg(frames, timeoutNanos);
        } finally {
            pattern.nextGroup(null);
        }
    }

    /**
     * Receives one frame.
     *
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return the frame, or null if the wait timed out
     */
    public byte[] recv(long timeoutNanos) {
        checkOpen();
        pipes.processCommands();
        long deadline = Waiter.deadline(timeoutNanos);
        byte[] frame;
        while ((frame = pattern.xrecv()) == null) {
            if (!waiter.await(timeoutNanos, deadline)) {
                return null;
            }
            pipes.processCommands();
        }
        rcvMore = pattern.xrecvMore();
        return frame;
    }

    /** {@inheritDoc} Receives the rest of a message if its first frames were read already. */
    @Override
    public List<byte[]> recvMsg(long timeoutNanos) {
        byte[] first = recv(timeoutNanos);
        if (first == null) {
            return null;
        }
        Pipe from = pattern.lastIn();
        lastProperties = from == null ? null : from.peerProperties();
        lastGroup = pattern.lastGroup();
        List<byte[]> frames = new ArrayList<>(rcvMore ? 4 : 1);
        frames.add(first);
        while (rcvMore) {
            frames.add(recv(-1));
        }
        return frames;
    }

    /** @return the properties (unmodifiable) of the connection the last whole message came from, or null */
    public Map<String, byte[]> lastProperties() {
        return lastProperties;
    }

    /** @return the group (a DISH's) of the last whole message received, or null */
    public byte[] lastGroup() {
        return lastGroup;
    }

    /**
     * Joins a DISH group.
     *
     * @param group 1 to 255 bytes
     */
    public void join(byte[] group) {
        checkOpen();
        pipes.processCommands();
        pattern.join(group);
    }

    /**
     * Leaves a DISH group.
     *
     * @param group 1 to 255 bytes
     */
    public void leave(byte[] group) {
        checkOpen();
        pipes.processCommands();
        pattern.leave(group);
    }

    /** @return whether the last frame received has more after it */
    public boolean rcvMore() {
        return rcvMore;
    }

    /**
     * Subscribes to a topic prefix (SUB, XSUB) or applies a manual subscription (XPUB).
     *
     * @param topic the prefix
     */
    public void subscribe(byte[] topic) {
        checkOpen();
        pipes.processCommands();
        pattern.subscribe(topic);
    }

    /**
     * Removes a subscription.
     *
     * @param topic the prefix
     */
    public void unsubscribe(byte[] topic) {
        checkOpen();
        pipes.processCommands();
        pattern.unsubscribe(topic);
    }

    // ------------------------------------------------------------------ other threads

    @Override
    public void pipeEnded(Pipe pipe) {
        pipes.end(pipe);
    }

    // ------------------------------------------------------------------ monitoring

    /**
     * Starts sending this socket's events to a sink, replacing (and stopping) the previous one.
     *
     * @param sink the new sink, or null to stop monitoring
     */
    public void monitor(MonitorSink sink) {
        checkOpen();
        monitor.attach(sink);
    }

    /**
     * Stops sending events to a sink if it is still the current one. Any thread.
     *
     * @param sink the sink to detach
     */
    public void unmonitor(MonitorSink sink) {
        monitor.detach(sink);
    }

    // ------------------------------------------------------------------ readiness

    /**
     * Returns {@code ZMQ_EVENTS}: {@link SocketOptions#POLLIN} if a receive would not block,
     * {@link SocketOptions#POLLOUT} if a send would not block.
     *
     * @return the bit mask
     */
    public int events() {
        checkOpen();
        return readiness();
    }

    /**
     * Returns {@code ZMQ_EVENTS} without telling the watchers: {@link SocketOptions#POLLIN} if a
     * receive would not block, {@link SocketOptions#POLLOUT} if a send would not block. Handles
     * the mailbox first, and leaves every empty pipe armed so that its next message wakes the
     * socket (and its watchers).
     *
     * @return the bit mask
     * @throws ZmqException {@link ErrorCode#ETERM} or {@link ErrorCode#ENOTSOCK}
     */
    public int readiness() {
        ensureOpen();
        pipes.processCommands();
        return (pattern.hasIn() ? SocketOptions.POLLIN : 0) | (pattern.hasOut() ? SocketOptions.POLLOUT : 0);
    }

    /**
     * Starts telling a watcher (a poller) of this socket's wake-ups and calls. Socket thread.
     *
     * @param watcher the watcher, not yet added
     */
    public void addWatcher(SocketWatcher watcher) {
        watchers.add(watcher);
    }

    /**
     * Stops telling a watcher; does nothing if it was not added. Socket thread; allowed after close.
     *
     * @param watcher the watcher
     */
    public void removeWatcher(SocketWatcher watcher) {
        watchers.remove(watcher);
    }

    // ------------------------------------------------------------------ closing

    /** Throws unless the socket may be used, and tells its pollers (if any) that it is. */
    private void checkOpen() {
        ensureOpen();
        watchers.socketUsed();
    }

    private void ensureOpen() {
        if (context.isTerminating()) {
            throw new ZmqException(ErrorCode.ETERM, "the context was closed");
        }
        if (closed) {
            throw new ZmqException(ErrorCode.ENOTSOCK, "the socket is closed");
        }
    }

    /** {@inheritDoc} Does not block; lingering happens on the I/O threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchers.socketUsed();
        context.socketClosed(inbox);
        List<Pipe> ends = pipes.close();
        if (context.isTerminating()) {
            monitor.stop();
            return;
        }
        context.inproc().unbindAll(inbox);
        endpoints.closeAll(ends, inbox.lingerNanos(), monitor::stop);
    }
}
