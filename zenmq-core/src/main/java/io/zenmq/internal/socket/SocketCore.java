// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.ErrorCode;
import io.zenmq.EventType;
import io.zenmq.Option;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import io.zenmq.internal.ctx.ContextCore;
import io.zenmq.internal.ctx.ContextMember;
import io.zenmq.internal.ctx.InprocPeer;
import io.zenmq.internal.zap.ZapLayout;
import io.zenmq.internal.zap.ZapSocket;
import io.zenmq.internal.zmtp.ZmtpLayout;
import io.zenmq.internal.engine.Listener;
import io.zenmq.internal.engine.Session;
import io.zenmq.internal.engine.SocketLink;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.monitor.EventSocket;
import io.zenmq.internal.monitor.MonitorSink;
import io.zenmq.internal.pattern.Pattern;
import io.zenmq.internal.pattern.PatternHost;
import io.zenmq.internal.pattern.Patterns;
import io.zenmq.internal.queue.MpscWakeQueue;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import io.zenmq.internal.transport.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine room of a {@link io.zenmq.Socket}: options, endpoints, the socket's pipe ends, its
 * mailbox and waits, with routing delegated to a {@link Pattern}.
 *
 * <p>Owner: the application thread using the socket. Other threads (I/O threads, inproc peers,
 * the closing context) only post to the mailbox, wake the waiting thread, or read the volatile
 * linger.
 */
public final class SocketCore implements SocketLink, PatternHost, InprocPeer, ContextMember, ZapSocket, EventSocket {
    private final ContextCore context;
    private java.util.Map<String, byte[]> lastProperties;
    private final SocketType type;
    private final Pattern pattern;
    private final OptionValues options = new OptionValues();
    private final Mailbox mailbox = new Mailbox();
    private final List<Pipe> pipes = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    /** IMMEDIATE sessions, which the socket may not reach through a pipe when it closes. */
    private final List<Session> immediateSessions = new ArrayList<>();
    private final List<IoThread> listenerThreads = new ArrayList<>();
    /** For each listener: the endpoint as given to bind and as bound (with the real port). */
    private final List<String[]> listenerNames = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();

    /**
     * A connect()ed endpoint, for disconnect: a tcp/ipc one has a session, an inproc one the name
     * and this socket's end of the pipe.
     */
    private record Connection(String endpoint, Session session, Pipe socketEnd, String inprocName) {
    }
    private volatile Thread waiter;
    /** How long {@link #await} spins before parking; 0 (the default) parks at once. */
    private final long spinNanos;
    private volatile long lingerNanos = -1;
    /** Where events go; null when the socket is not monitored. Read by I/O threads. */
    private volatile MonitorSink monitor;
    /** ROUTING_ID as seen by inproc peers, which read it from their own threads. */
    private volatile byte[] inprocIdentity = new byte[0];
    /** CONNECT_ROUTING_ID taken by the connect() in progress, for the pipe it adopts. */
    private byte[] connectingRoutingId;
    private String lastEndpoint = "";
    private boolean rcvMore;
    private boolean closed;

    private SocketCore(ContextCore context, SocketType type) {
        this.context = context;
        this.type = type;
        this.pattern = Patterns.create(type, this);
        this.spinNanos = context.spinNanos();
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
        context.register(socket);
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
     */
    public <T> void setOption(Option<T> option, T value) {
        checkOpen();
        options.set(option, value);
        if (option == SocketOptions.LINGER) {
            lingerNanos = options.nanos(SocketOptions.LINGER);
        } else if (option == SocketOptions.ROUTING_ID) {
            inprocIdentity = options.get(SocketOptions.ROUTING_ID);
        }
    }

    /**
     * Reads an option.
     *
     * @param option the key
     * @param <T> the value type
     * @return the value
     */
    public <T> T getOption(Option<T> option) {
        checkOpen();
        if (option == SocketOptions.LAST_ENDPOINT) {
            return option.type().cast(lastEndpoint);
        }
        if (option == SocketOptions.TYPE) {
            return option.type().cast(type);
        }
        if (option == SocketOptions.RCVMORE) {
            return option.type().cast(rcvMore);
        }
        if (option == SocketOptions.MECHANISM) {
            return option.type().cast(options.mechanism());
        }
        if (option == SocketOptions.EVENTS) {
            processCommands();
            int events = (pattern.hasIn() ? SocketOptions.POLLIN : 0) | (pattern.hasOut() ? SocketOptions.POLLOUT : 0);
            return option.type().cast(events);
        }
        return options.get(option);
    }

    /** @return SNDTIMEO in nanoseconds, -1 for infinite */
    public long sendTimeoutNanos() {
        return options.sendTimeoutNanos();
    }

    /** @return RCVTIMEO in nanoseconds, -1 for infinite */
    public long receiveTimeoutNanos() {
        return options.receiveTimeoutNanos();
    }

    @Override
    public long lingerNanos() {
        return lingerNanos;
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
        Endpoint parsed = Endpoint.parse(endpoint, true);
        if (parsed.transport() == Endpoint.Transport.INPROC) {
            context.inproc().bind(parsed.path(), this);
            lastEndpoint = endpoint;
            return endpoint;
        }
        IoThread io = context.ioThreadFor(parsed);
        Listener listener;
        try {
            listener = Listener.bind(io, this, options.snapshot(type), parsed);
        } catch (ZmqException e) {
            event(EventType.BIND_FAILED, endpoint, e.code().number());
            throw e;
        }
        event(EventType.LISTENING, listener.endpoint(), listener.handle());
        listeners.add(listener);
        listenerThreads.add(io);
        listenerNames.add(new String[] {endpoint, listener.endpoint()});
        io.post(listener::start);
        lastEndpoint = listener.endpoint();
        return lastEndpoint;
    }

    /**
     * Connects an endpoint; returns at once.
     *
     * @param endpoint the endpoint string
     */
    public void connect(String endpoint) {
        checkOpen();
        Endpoint parsed = Endpoint.parse(endpoint, false);
        connectingRoutingId = takeConnectRoutingId();
        try {
            if (parsed.transport() == Endpoint.Transport.INPROC) {
                Pipe end = context.inproc().connect(parsed.path(), this, sendHwm(), receiveHwm());
                connections.add(new Connection(endpoint, null, end, parsed.path()));
                return;
            }
            IoThread io = context.ioThreadFor(parsed);
            Session.Connecting connecting = Session.connect(io, this, options.snapshot(type), parsed);
            if (connecting.socketEnd() != null) {
                adopt(connecting.socketEnd());
            } else {
                immediateSessions.add(connecting.session());
            }
            connections.add(new Connection(endpoint, connecting.session(), connecting.socketEnd(), null));
            io.post(connecting.session()::start);
        } finally {
            connectingRoutingId = null;
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
        checkOpen();
        processCommands();
        for (int i = 0; i < listeners.size(); i++) {
            String[] names = listenerNames.get(i);
            if (names[0].equals(endpoint) || names[1].equals(endpoint)) {
                Listener listener = listeners.remove(i);
                listenerNames.remove(i);
                listenerThreads.remove(i).post(listener::close);
                for (Pipe pipe : new ArrayList<>(pipes)) {
                    PipeListener peer = pipe.peer().listener();
                    if (peer instanceof Session && ((Session) peer).acceptedBy(listener)) {
                        drop(pipe, (Session) peer);
                    }
                }
                return;
            }
        }
        Endpoint parsed = Endpoint.parse(endpoint, true);
        if (parsed.transport() == Endpoint.Transport.INPROC && context.inproc().unbind(parsed.path(), this)) {
            return;
        }
        throw new ZmqException(ErrorCode.ENOENT, "not bound to " + endpoint);
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
        processCommands();
        boolean found = false;
        for (java.util.Iterator<Connection> it = connections.iterator(); it.hasNext();) {
            Connection connection = it.next();
            if (connection.endpoint().equals(endpoint)) {
                it.remove();
                found = true;
                if (connection.inprocName() != null) {
                    dropInproc(connection);
                    continue;
                }
                immediateSessions.remove(connection.session());
                if (connection.socketEnd() != null && pipes.contains(connection.socketEnd())) {
                    drop(connection.socketEnd(), connection.session());
                } else {
                    connection.session().postSocketClosed(0);
                }
            }
        }
        if (!found) {
            throw new ZmqException(ErrorCode.ENOENT, "not connected to " + endpoint);
        }
    }

    /** Ends an inproc connect()'s pipe: out of routing now, the end marker after what was sent. */
    private void dropInproc(Connection connection) {
        Pipe end = connection.socketEnd();
        context.inproc().abandon(connection.inprocName(), end);
        if (pipes.remove(end)) {
            pattern.terminated(end);
            end.terminate();
        }
    }

    /** Forgets a pipe and tells its session to end now, queued messages dropped. */
    private void drop(Pipe pipe, Session session) {
        pipes.remove(pipe);
        pattern.terminated(pipe);
        pipe.terminate();
        session.postSocketClosed(0);
    }

    /** ZMQ_CONNECT_ROUTING_ID names only the next connection: libzmq consumes it there. */
    private byte[] takeConnectRoutingId() {
        byte[] id = options.get(SocketOptions.CONNECT_ROUTING_ID);
        if (id.length == 0) {
            return null;
        }
        options.reset(SocketOptions.CONNECT_ROUTING_ID);
        return id;
    }

    /** {@inheritDoc} Its type and, as libzmq sends it over inproc whatever the type, its Identity. */
    @Override
    public java.util.Map<String, byte[]> inprocProperties() {
        return java.util.Map.of("Socket-Type", type.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "Identity", inprocIdentity);
    }

    @Override
    public int sendHwm() {
        return options.get(SocketOptions.SNDHWM);
    }

    @Override
    public int receiveHwm() {
        return options.get(SocketOptions.RCVHWM);
    }

    /** {@inheritDoc} ({@code ZMQ_CONFLATE} set on a type it applies to.) Socket thread. */
    @Override
    public boolean conflates() {
        return options.conflates(type);
    }

    @Override
    public void adoptInproc(Pipe pipe) {
        adopt(pipe);
    }

    private void adopt(Pipe pipe) {
        if (connectingRoutingId != null) {
            pipe.setConnectRoutingId(connectingRoutingId);
        }
        pipes.add(pipe);
        pattern.attach(pipe);
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
        processCommands();
        long deadline = deadline(timeoutNanos);
        while (!pattern.xsend(frame, more)) {
            if (!await(timeoutNanos, deadline)) {
                return false;
            }
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
     * Receives one frame.
     *
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return the frame, or null if the wait timed out
     */
    public byte[] recv(long timeoutNanos) {
        checkOpen();
        processCommands();
        long deadline = deadline(timeoutNanos);
        byte[] frame;
        while ((frame = pattern.xrecv()) == null) {
            if (!await(timeoutNanos, deadline)) {
                return null;
            }
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
        List<byte[]> frames = new ArrayList<>(rcvMore ? 4 : 1);
        frames.add(first);
        while (rcvMore) {
            frames.add(recv(-1));
        }
        return frames;
    }

    /**
     * Returns the properties of the connection the last whole message came from.
     *
     * @return the properties (unmodifiable), or null if unknown
     */
    public java.util.Map<String, byte[]> lastProperties() {
        return lastProperties;
    }

    /** @return whether the last frame received has more after it */
    public boolean rcvMore() {
        return rcvMore;
    }

    private static long deadline(long timeoutNanos) {
        return timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
    }

    /** Waits for a command; false if the timeout passed. Throws ETERM or EINTR. */
    private boolean await(long timeoutNanos, long deadline) {
        if (timeoutNanos == 0) {
            return false;
        }
        if (spinNanos > 0 && spinUntilMail(timeoutNanos, deadline)) {
            processCommands();
            return true;
        }
        Thread self = Thread.currentThread();
        waiter = self;
        try {
            if (mailbox.isEmpty()) {
                checkOpen();
                if (timeoutNanos < 0) {
                    LockSupport.park(this);
                } else {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    LockSupport.parkNanos(this, remaining);
                }
                if (self.isInterrupted()) {
                    throw new ZmqException(ErrorCode.EINTR, "interrupted while waiting");
                }
                checkOpen();
            }
        } finally {
            waiter = null;
        }
        processCommands();
        return true;
    }

    /**
     * Spins for at most {@code spinNanos} (and not past the deadline) while the mailbox is empty.
     * No waiter is announced meanwhile, so posters skip {@code unpark}.
     *
     * @return true if a command arrived
     */
    private boolean spinUntilMail(long timeoutNanos, long deadline) {
        long start = System.nanoTime();
        long end = start + (timeoutNanos < 0 ? spinNanos : Math.min(spinNanos, deadline - start));
        int spins = 0;
        while (mailbox.isEmpty()) {
            Thread.onSpinWait();
            // nanoTime costs about 20 ns: read it only every few spins
            if ((++spins & 63) == 0 && System.nanoTime() - end >= 0) {
                return false;
            }
        }
        return true;
    }

    private void processCommands() {
        MpscWakeQueue.Node node;
        while ((node = mailbox.poll()) != null) {
            handle(node);
        }
    }

    private void handle(MpscWakeQueue.Node node) {
        if (node instanceof Pipe.Wake) {
            Pipe.Wake wake = (Pipe.Wake) node;
            Pipe pipe = wake.pipe();
            if (!pipes.contains(pipe)) {
                return;
            }
            if (wake.isRead()) {
                pattern.readActivated(pipe);
            } else {
                pattern.writeActivated(pipe);
            }
            return;
        }
        Mailbox.Command command = (Mailbox.Command) node;
        Pipe pipe = command.pipe();
        switch (command.kind()) {
            case ATTACH:
                adopt(pipe);
                break;
            case CONNECTED:
                if (pipes.contains(pipe)) {
                    pattern.pipeConnected(pipe);
                }
                break;
            default:
                throw new IllegalStateException("unknown command " + command.kind());
        }
    }

    @Override
    public void pipeEnded(Pipe pipe) {
        if (pipes.remove(pipe)) {
            pattern.terminated(pipe);
            pipe.terminate();
        }
    }

    // ------------------------------------------------------------------ other threads

    @Override
    public boolean attachPipe(Pipe socketEnd) {
        return post(new Mailbox.Command(Mailbox.Kind.ATTACH, socketEnd));
    }

    @Override
    public Pipe connectZap(PipeListener client) {
        InprocPeer handler = context.inproc().lookup(ZapLayout.INPROC_NAME);
        if (handler == null) {
            return null;
        }
        Pipe[] ends = Pipe.pair(client, 0, handler, 0);
        ends[0].setPeerProperties(handler.inprocProperties());
        ends[1].setPeerProperties(java.util.Map.of(ZmtpLayout.PROPERTY_SOCKET_TYPE,
                SocketType.DEALER.name().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        return handler.attachPipe(ends[1]) ? ends[0] : null;
    }

    @Override
    public void readActivated(Pipe pipe) {
        post(pipe.readWake());
    }

    @Override
    public void pipeConnected(Pipe pipe) {
        post(new Mailbox.Command(Mailbox.Kind.CONNECTED, pipe));
    }

    @Override
    public <T> T option(Option<T> option) {
        return options.get(option);
    }

    /**
     * Subscribes to a topic prefix (SUB, XSUB) or applies a manual subscription (XPUB).
     *
     * @param topic the prefix
     */
    public void subscribe(byte[] topic) {
        checkOpen();
        processCommands();
        pattern.subscribe(topic);
    }

    /**
     * Removes a subscription.
     *
     * @param topic the prefix
     */
    public void unsubscribe(byte[] topic) {
        checkOpen();
        processCommands();
        pattern.unsubscribe(topic);
    }

    @Override
    public void writeActivated(Pipe pipe) {
        post(pipe.writeWake());
    }

    private boolean post(MpscWakeQueue.Node node) {
        int result = mailbox.post(node);
        if (result == MpscWakeQueue.REFUSED) {
            return false;
        }
        // a waiter re-checks the mailbox after announcing itself, so only the post that made the
        // mailbox non-empty needs to wake it
        if (result == MpscWakeQueue.QUEUED_FIRST) {
            Thread thread = waiter;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
        return true;
    }

    @Override
    public void wakeForTermination() {
        stopMonitor();
        Thread thread = waiter;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    // ------------------------------------------------------------------ monitoring

    /**
     * Starts sending this socket's events to a sink, replacing (and stopping) the previous one.
     *
     * @param sink the new sink, or null to stop monitoring
     */
    public void monitor(MonitorSink sink) {
        checkOpen();
        MonitorSink previous;
        synchronized (this) {
            previous = monitor;
            monitor = sink;
        }
        if (previous != null) {
            previous.stop();
        }
    }

    /**
     * Stops sending events to a sink if it is still the current one. Any thread.
     *
     * @param sink the sink to detach
     */
    public void unmonitor(MonitorSink sink) {
        synchronized (this) {
            if (monitor == sink) {
                monitor = null;
            }
        }
    }

    @Override
    public void event(EventType type, String endpoint, long value) {
        MonitorSink sink = monitor;
        if (sink != null) {
            sink.event(type, endpoint, value);
        }
    }

    /** Ends monitoring for good: the sink gets MONITOR_STOPPED. Any thread. */
    private void stopMonitor() {
        MonitorSink sink = monitor;
        if (sink != null) {
            sink.stop();
        }
    }

    // ------------------------------------------------------------------ closing

    private void checkOpen() {
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
        context.socketClosed(this);
        for (MpscWakeQueue.Node node : mailbox.close()) {
            if (node instanceof Mailbox.Command && ((Mailbox.Command) node).kind() == Mailbox.Kind.ATTACH) {
                pipes.add(((Mailbox.Command) node).pipe());
            }
        }
        if (context.isTerminating()) {
            stopMonitor();
            return;
        }
        context.inproc().unbindAll(this);
        // listeners first: once a peer sees its connection go, the endpoint is free to bind again
        // MONITOR_STOPPED comes after the listeners' CLOSED events, as in libzmq
        AtomicInteger closing = new AtomicInteger(listeners.size());
        if (listeners.isEmpty()) {
            stopMonitor();
        }
        for (int i = 0; i < listeners.size(); i++) {
            Listener listener = listeners.get(i);
            listenerThreads.get(i).post(() -> {
                listener.close();
                if (closing.decrementAndGet() == 0) {
                    stopMonitor();
                }
            });
        }
        listeners.clear();
        listenerThreads.clear();
        listenerNames.clear();
        long linger = lingerNanos;
        for (Pipe pipe : pipes) {
            pipe.terminate();
            PipeListener peer = pipe.peer().listener();
            if (peer instanceof Session && !immediateSessions.contains(peer)) {
                ((Session) peer).postSocketClosed(linger);
            }
        }
        pipes.clear();
        for (Session session : immediateSessions) {
            session.postSocketClosed(linger);
        }
        immediateSessions.clear();
        for (Connection connection : connections) {
            if (connection.inprocName() != null) {
                // a later bind of the name drains what was sent, as libzmq's linger would
                context.inproc().abandon(connection.inprocName(), connection.socketEnd());
            }
        }
        connections.clear();
    }
}
