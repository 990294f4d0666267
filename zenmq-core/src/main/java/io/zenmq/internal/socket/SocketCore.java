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
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine room of a socket, behind the public {@code Socket}: send and receive, with routing
 * delegated to a {@link Pattern}, options to an {@link OptionAccess}, the pipe ends and mailbox to
 * {@link SocketPipes}, waits to a {@link Waiter}, endpoints to an {@link EndpointRegistry} and
 * events to a {@link MonitorHook}.
 *
 * <p>Owner: the application thread using the socket. Other threads (I/O threads, inproc peers,
 * the closing context) reach it only through its {@link SocketInbox}, which posts to the mailbox,
 * wakes the waiting thread, or reads the volatile linger.
 *
 * <p>A {@linkplain SocketType#threadSafe() thread-safe} socket has no owner thread: every public
 * call holds the socket's {@link ReentrantLock}, so one thread at a time is the owner above, and
 * waits release it ({@link Waiter#awaitUnlocked}). Whoever releases the lock after a call wakes
 * the threads still waiting, since the call may have taken the wake-up they waited for. These
 * types send and receive single frames only. The classic types have no lock and pay nothing
 * for it: their send and receive paths are the lock-free ones.
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
    /** Held around every call of a thread-safe socket; null for a classic one. */
    private final ReentrantLock lock;
    /**
     * The holder of {@link #lock} handled mail, ended a pipe or changed the endpoints: threads
     * waiting on the socket may have missed their wake-up and must look again.
     */
    private boolean othersMayProceed;
    private boolean rcvMore;
    private boolean closed;
    private final SocketWatchers watchers;

    private SocketCore(ContextCore context, SocketType type) {
        this.context = context;
        this.type = type;
        this.pattern = Patterns.create(type, this, patternOptions);
        this.lock = type.threadSafe() ? new ReentrantLock() : null;
        this.waiter = new Waiter(mailbox, context.spinNanos(), this::ensureOpen, lock != null);
        this.watchers = new SocketWatchers(waiter, lock != null);
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
        enter();
        try {
            checkOpen();
            optionAccess.set(option, value);
        } finally {
            exit();
        }
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
        enter();
        try {
            checkOpen();
            return optionAccess.get(option);
        } finally {
            exit();
        }
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
        enter();
        try {
            checkOpen();
            String bound = endpoints.bind(endpoint);
            optionAccess.endpointBound(bound);
            return bound;
        } finally {
            exit();
        }
    }

    /**
     * Connects an endpoint; returns at once.
     *
     * @param endpoint the endpoint string
     */
    public void connect(String endpoint) {
        enter();
        try {
            checkOpen();
            endpoints.connect(endpoint, options.takeConnectRoutingId());
        } finally {
            exit();
        }
    }

    /**
     * Connects a PEER socket and returns the routing id of the new pipe at once, as
     * {@code zmq_connect_peer}: messages sent to it queue until the connection is made.
     *
     * @param endpoint the endpoint string
     * @return the new pipe's uint32 routing id
     * @throws ZmqException {@link ErrorCode#ENOTSUP} for types other than PEER, {@link
     *     ErrorCode#EFAULT} with {@code ZMQ_IMMEDIATE} set (the pipe would not exist yet)
     */
    public int connectPeer(String endpoint) {
        enter();
        try {
            checkOpen();
            if (type != SocketType.PEER) {
                throw new ZmqException(ErrorCode.ENOTSUP, "connectPeer needs a PEER socket, not " + type);
            }
            if (options.get(SocketOptions.IMMEDIATE)) {
                throw new ZmqException(ErrorCode.EFAULT, "connectPeer cannot name a pipe with ZMQ_IMMEDIATE set");
            }
            pipes.processCommands();
            Pipe end = endpoints.connect(endpoint, options.takeConnectRoutingId());
            return pattern.routingIdOf(end);
        } finally {
            exit();
        }
    }

    /**
     * Stops listening on an endpoint and drops the connections accepted through it, discarding
     * their queued messages ({@code zmq_unbind}).
     *
     * @param endpoint the endpoint as bound (with its real port) or as given to bind
     * @throws ZmqException {@link ErrorCode#ENOENT} if the socket is not bound there
     */
    public void unbind(String endpoint) {
        enter();
        try {
            checkOpen();
            pipes.processCommands();
            endpoints.unbind(endpoint);
        } finally {
            exit();
        }
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
        enter();
        try {
            checkOpen();
            pipes.processCommands();
            endpoints.disconnect(endpoint);
        } finally {
            exit();
        }
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
        if (lock != null) {
            return sendLocked(frame, more, 0, null, timeoutNanos);
        }
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
        if (lock != null) {
            return sendLocked(frames.get(0), frames.size() > 1, 0, null, timeoutNanos);
        }
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

    /** The send of a thread-safe socket: one frame (to a group, for a RADIO), under the lock. */
    private boolean sendLocked(byte[] frame, boolean more, int routingId, byte[] group, long timeoutNanos) {
        lock.lock();
        try {
            checkOpen();
            if (more) {
                throw new ZmqException(ErrorCode.EINVAL, type + " sockets send single-frame messages only");
            }
            processCommandsLocked();
            long deadline = Waiter.deadline(timeoutNanos);
            // the group is set again before each try: another thread may have sent while this one waited
            while (!sendGrouped(frame, routingId, group)) {
                if (!waiter.awaitUnlocked(timeoutNanos, deadline, lock)) {
                    return false;
                }
                processCommandsLocked();
            }
            return true;
        } finally {
            unlockAndWake();
        }
    }

    private boolean sendGrouped(byte[] frame, int routingId, byte[] group) {
        pattern.nextGroup(group);
        try {
            return pattern.xsendRouted(frame, routingId);
        } finally {
            pattern.nextGroup(null);
        }
    }

    /**
     * Sends a whole message with a RADIO group ({@code zmq_msg_set_group}) and a routing id
     * (SERVER, PEER); types without groups or ids ignore them, as libzmq does.
     *
     * @param group the group's bytes, or null for none
     * @param frames the frames, owned by the socket if sent
     * @param routingId the uint32 routing id, 0 for none
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return false if the wait timed out
     * @throws ZmqException {@link ErrorCode#EINVAL} for more than one frame on a thread-safe type
     */
    public boolean sendMsg(byte[] group, List<byte[]> frames, int routingId, long timeoutNanos) {
        if (lock != null) {
            return sendLocked(frames.get(0), frames.size() > 1, routingId, group, timeoutNanos);
        }
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
        if (lock != null) {
            lock.lock();
            try {
                checkOpen();
                return recvLocked(timeoutNanos);
            } finally {
                unlockAndWake();
            }
        }
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

    /**
     * The receive of a thread-safe socket, with the lock held: the next single-frame message; a
     * multipart message from the wire is not for these types and is dropped whole.
     */
    private byte[] recvLocked(long timeoutNanos) {
        processCommandsLocked();
        long deadline = Waiter.deadline(timeoutNanos);
        while (true) {
            byte[] frame = pattern.xrecv();
            if (frame != null) {
                if (!pattern.xrecvMore()) {
                    return frame;
                }
                while (pattern.xrecvMore() && pattern.xrecv() != null) {
                    // the rest of a multipart message, dropped with its first frame
                }
                continue;
            }
            if (!waiter.awaitUnlocked(timeoutNanos, deadline, lock)) {
                return null;
            }
            processCommandsLocked();
        }
    }

    /**
     * Receives one frame into part of an array, as {@code zmq_recv}: at most {@code length} bytes
     * are copied, the rest of a longer frame is dropped, and the frame's full length is returned.
     * The frame's array goes back to the connection that filled it, when it came straight from a
     * pipe (see {@link Pipe#recycle}).
     *
     * @param buffer where the bytes go
     * @param offset the first index written
     * @param length the most bytes written
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return the frame's length (more than {@code length} if it was cut), or -1 if the wait timed out
     */
    public int recv(byte[] buffer, int offset, int length, long timeoutNanos) {
        if (lock != null) {
            lock.lock();
            try {
                checkOpen();
                byte[] frame = recvLocked(timeoutNanos);
                return frame == null ? -1 : copyOut(frame, buffer, offset, length);
            } finally {
                unlockAndWake();
            }
        }
        byte[] frame = recv(timeoutNanos);
        return frame == null ? -1 : copyOut(frame, buffer, offset, length);
    }

    /**
     * Receives one frame into a buffer from its position, as {@link #recv(byte[], int, int, long)}:
     * at most {@code remaining()} bytes are copied and the position moves past them; the limit
     * stays.
     *
     * @param buffer where the bytes go, heap or direct, not read-only
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return the frame's length, or -1 if the wait timed out
     */
    public int recv(ByteBuffer buffer, long timeoutNanos) {
        if (lock != null) {
            lock.lock();
            try {
                checkOpen();
                byte[] frame = recvLocked(timeoutNanos);
                return frame == null ? -1 : copyOut(frame, buffer);
            } finally {
                unlockAndWake();
            }
        }
        byte[] frame = recv(timeoutNanos);
        return frame == null ? -1 : copyOut(frame, buffer);
    }

    private int copyOut(byte[] frame, byte[] buffer, int offset, int length) {
        System.arraycopy(frame, 0, buffer, offset, Math.min(frame.length, length));
        recycleIfFromPipe(frame);
        return frame.length;
    }

    private int copyOut(byte[] frame, ByteBuffer buffer) {
        buffer.put(frame, 0, Math.min(frame.length, buffer.remaining()));
        recycleIfFromPipe(frame);
        return frame.length;
    }

    /** Gives a copied-out frame back, if it is the array its pipe just handed out (nobody else has it). */
    private void recycleIfFromPipe(byte[] frame) {
        Pipe from = pattern.lastIn();
        if (from != null && from.claimLastRead(frame)) {
            from.recycle(frame);
        }
    }

    /**
     * Receives a whole message into a reused target: the target's old frames that came straight
     * from a pipe go back for recycling (to the pipe of the new message), then its frames are
     * replaced by the new message's. On a timeout the target is left as it was.
     *
     * @param target the message to refill
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return false if the wait timed out
     */
    public boolean recvMessage(ReceiveTarget target, long timeoutNanos) {
        if (lock != null) {
            lock.lock();
            try {
                checkOpen();
                byte[] frame = recvLocked(timeoutNanos);
                if (frame == null) {
                    return false;
                }
                refill(target, frame, pattern.lastRoutingId());
                return true;
            } finally {
                unlockAndWake();
            }
        }
        byte[] first = recv(timeoutNanos);
        if (first == null) {
            return false;
        }
        refill(target, first, 0);
        return true;
    }

    /** Recycles the target's old frames, then fills it with {@code first} and the frames after it. */
    private void refill(ReceiveTarget target, byte[] first, int routingId) {
        Pipe from = pattern.lastIn();
        Map<String, byte[]> properties = propertiesOf(from);
        byte[] group = pattern.lastGroup();
        List<byte[]> frames = target.frames();
        long old = target.recyclable();
        if (from != null && old != 0) {
            int n = Math.min(frames.size(), Long.SIZE - 1);
            for (int i = 0; i < n; i++) {
                if ((old & (1L << i)) != 0) {
                    from.recycle(frames.get(i));
                }
            }
        }
        frames.clear();
        frames.add(first);
        long claimed = from != null && from.claimLastRead(first) ? 1 : 0;
        for (int i = 1; rcvMore; i++) {
            byte[] frame = recv(-1);
            Pipe pipe = pattern.lastIn();
            if (i < Long.SIZE - 1 && pipe != null && pipe.claimLastRead(frame)) {
                claimed |= 1L << i;
            }
            frames.add(frame);
        }
        target.received(claimed, properties, routingId, group);
    }

    /** {@inheritDoc} Receives the rest of a message if its first frames were read already. */
    @Override
    public List<byte[]> recvMsg(long timeoutNanos) {
        Received message = recvMessage(timeoutNanos);
        return message == null ? null : message.frames();
    }

    /**
     * A whole message as received, with what the socket knows of where it came from.
     *
     * @param frames the frames, a mutable list owned by the receiver
     * @param properties the properties (unmodifiable) of the connection it came from, or null
     * @param routingId the uint32 routing id of its peer (SERVER, PEER), else 0
     * @param group the group it was sent to (DISH), else null
     */
    public record Received(List<byte[]> frames, Map<String, byte[]> properties, int routingId, byte[] group) {
    }

    /**
     * Receives a whole message (the rest of one if its first frames were read already).
     *
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return the message, or null if the wait timed out
     */
    public Received recvMessage(long timeoutNanos) {
        if (lock != null) {
            lock.lock();
            try {
                checkOpen();
                byte[] frame = recvLocked(timeoutNanos);
                if (frame == null) {
                    return null;
                }
                List<byte[]> frames = new ArrayList<>(1);
                frames.add(frame);
                return new Received(frames, propertiesOf(pattern.lastIn()), pattern.lastRoutingId(),
                        pattern.lastGroup());
            } finally {
                unlockAndWake();
            }
        }
        byte[] first = recv(timeoutNanos);
        if (first == null) {
            return null;
        }
        Map<String, byte[]> properties = propertiesOf(pattern.lastIn());
        byte[] group = pattern.lastGroup();
        List<byte[]> frames = new ArrayList<>(rcvMore ? 4 : 1);
        frames.add(first);
        while (rcvMore) {
            frames.add(recv(-1));
        }
        return new Received(frames, properties, 0, group);
    }

    private static Map<String, byte[]> propertiesOf(Pipe from) {
        return from == null ? null : from.peerProperties();
    }

    /**
     * Joins a DISH group.
     *
     * @param group 1 to 255 bytes
     */
    public void join(byte[] group) {
        enter();
        try {
            checkOpen();
            pipes.processCommands();
            pattern.join(group);
        } finally {
            exit();
        }
    }

    /**
     * Leaves a DISH group.
     *
     * @param group 1 to 255 bytes
     */
    public void leave(byte[] group) {
        enter();
        try {
            checkOpen();
            pipes.processCommands();
            pattern.leave(group);
        } finally {
            exit();
        }
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
        enter();
        try {
            checkOpen();
            pipes.processCommands();
            pattern.subscribe(topic);
        } finally {
            exit();
        }
    }

    /**
     * Removes a subscription.
     *
     * @param topic the prefix
     */
    public void unsubscribe(byte[] topic) {
        enter();
        try {
            checkOpen();
            pipes.processCommands();
            pattern.unsubscribe(topic);
        } finally {
            exit();
        }
    }

    // ------------------------------------------------------------------ other threads

    @Override
    public void pipeEnded(Pipe pipe) {
        othersMayProceed = true;
        pipes.end(pipe);
    }

    /** Handles the mailbox of a thread-safe socket, noting whether the waiters must look again. */
    private void processCommandsLocked() {
        if (pipes.processCommands()) {
            othersMayProceed = true;
        }
    }

    // ------------------------------------------------------------------ monitoring

    /**
     * Starts sending this socket's events to a sink, replacing (and stopping) the previous one.
     *
     * @param sink the new sink, or null to stop monitoring
     */
    public void monitor(MonitorSink sink) {
        enter();
        try {
            checkOpen();
            monitor.attach(sink);
        } finally {
            exit();
        }
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
        enter();
        try {
            checkOpen();
            return readiness();
        } finally {
            exit();
        }
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
        if (lock == null) {
            ensureOpen();
            pipes.processCommands();
            return (pattern.hasIn() ? SocketOptions.POLLIN : 0) | (pattern.hasOut() ? SocketOptions.POLLOUT : 0);
        }
        lock.lock();
        try {
            ensureOpen();
            processCommandsLocked();
            return (pattern.hasIn() ? SocketOptions.POLLIN : 0) | (pattern.hasOut() ? SocketOptions.POLLOUT : 0);
        } finally {
            unlockAndWake();
        }
    }

    /**
     * Starts telling a watcher (a poller) of this socket's wake-ups and calls. Socket thread.
     *
     * @param watcher the watcher, not yet added
     */
    public void addWatcher(SocketWatcher watcher) {
        enter();
        try {
            watchers.add(watcher);
        } finally {
            exit();
        }
    }

    /**
     * Stops telling a watcher; does nothing if it was not added. Socket thread; allowed after close.
     *
     * @param watcher the watcher
     */
    public void removeWatcher(SocketWatcher watcher) {
        enter();
        try {
            watchers.remove(watcher);
        } finally {
            exit();
        }
    }

    // ------------------------------------------------------------------ closing

    /** Takes a thread-safe socket's lock; nothing for a classic socket. */
    private void enter() {
        if (lock != null) {
            lock.lock();
        }
    }

    /** Releases what {@link #enter()} took; such calls are rare, so they always wake the waiters. */
    private void exit() {
        if (lock != null) {
            othersMayProceed = true;
            unlockAndWake();
        }
    }

    /**
     * Releases a thread-safe socket's lock and, if the call that held it handled mail, ended a
     * pipe or changed the socket otherwise, wakes the threads waiting on it: the call may have
     * taken the wake-up they wait for (and left them the message or the room), or closed the
     * socket. A send or receive that only moved a message wakes nobody.
     */
    private void unlockAndWake() {
        boolean wake = othersMayProceed && lock.getHoldCount() == 1;
        if (wake) {
            othersMayProceed = false;
        }
        lock.unlock();
        if (wake && waiter.hasSharedWaiters()) {
            waiter.wakeShared();
        }
    }

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
        enter();
        try {
            closeLocked();
        } finally {
            exit();
        }
    }

    private void closeLocked() {
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
