// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.EventType;
import io.zenmq.SocketOptions;
import io.zenmq.internal.io.IoObject;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.io.Timer;
import io.zenmq.internal.monitor.MonitorSink;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import io.zenmq.internal.routing.SharedFrameReader;
import io.zenmq.internal.transport.Endpoint;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The I/O-thread side of one peer: owns the session end of the pipe, the current
 * {@link ZmtpEngine}, and for a connecting socket the reconnect loop; lingers after the socket
 * closes until its queued messages are out or the linger expires.
 *
 * <p>Owner: its I/O thread. The pipe wake-ups arrive from the socket's thread and are posted.
 * A connecting session exists from {@code connect()} on and keeps its pipe across reconnects,
 * so messages queue while the peer is away; an accepted session gets its pipe after the
 * handshake and ends with its connection. With {@code IMMEDIATE} a connecting session behaves
 * like an accepted one for its pipe: it creates and attaches one after each handshake and ends
 * it (dropping what is queued) when the connection goes, while it keeps reconnecting.
 */
public final class Session implements PipeListener, SharedFrameReader, IoObject {
    private static final System.Logger LOG = System.getLogger(Session.class.getName());
    /** Linux errno values reported in monitor events. */
    static final int EINPROGRESS = 115;
    static final int EPIPE = 32;
    static final int ECONNRESET = 104;
    static final int ETIMEDOUT = 110;

    private final IoThread io;
    private final SocketLink socket;
    private final ConnectionOptions options;
    private final Endpoint endpoint;
    private final Listener listener;
    /** The endpoint monitor events name: the bound one, or the one connected to as given. */
    private final String eventEndpoint;
    /** Whether the endpoint names a host that DNS must resolve (on the resolver thread). */
    private final boolean needsLookup;
    // reusable, so a pipe wake-up allocates nothing
    private final IoThread.Task sendQueuedTask = new IoThread.Task(this::sendQueuedOutput);
    private final IoThread.Task resumeInputTask = new IoThread.Task(this::resumeInput);
    private Pipe pipe;
    private Engine engine;
    private SocketChannel connecting;
    private Timer reconnectTimer;
    private Timer lingerTimer;
    private long currentReconnectIvl;
    /** Stands in for the current connection's fd in monitor events. */
    private long handle;
    private boolean closing;
    /** Whether the current connection finished its handshake (for RECONNECT_STOP). */
    private boolean handshaken;
    private boolean skipOutbound;
    private boolean done;

    private Session(IoThread io, SocketLink socket, ConnectionOptions options, Endpoint endpoint,
                    Listener listener) {
        this.io = io;
        this.socket = socket;
        this.options = options;
        this.endpoint = endpoint;
        this.listener = listener;
        this.eventEndpoint = endpoint != null ? endpoint.toString() : listener.endpoint();
        // here, on the connecting thread: the check's regular expression is no first-connect work of the I/O thread
        this.needsLookup = endpoint != null && endpoint.needsLookup();
        this.currentReconnectIvl = options.reconnectIvlNanos();
    }

    /**
     * Creates the session of a connecting socket and its pipe; the caller attaches the returned
     * socket end (none with {@code IMMEDIATE}) and then posts {@link #start()} to the I/O thread.
     *
     * @param io the I/O thread that will own the session
     * @param socket the socket
     * @param options the socket's options, snapshotted
     * @param endpoint where to connect
     * @return the session and the socket's pipe end
     */
    public static Connecting connect(IoThread io, SocketLink socket, ConnectionOptions options, Endpoint endpoint) {
        HandshakeRehearsal.once();
        Session session = new Session(io, socket, options, endpoint, null);
        if (options.immediate()) {
            return new Connecting(session, null);
        }
        Pipe[] ends = Pipe.pair(socket, options.sendHwm(), session, options.receiveHwm(), options.conflate());
        session.pipe = ends[1];
        return new Connecting(session, ends[0]);
    }

    /**
     * A connecting session with the socket's end of its pipe.
     *
     * @param session the session
     * @param socketEnd the socket's end of the pipe, or null with {@code IMMEDIATE}: the pipe
     *     then comes with each connection, through {@link SocketLink#attachPipe}
     */
    public record Connecting(Session session, Pipe socketEnd) {
    }

    static Session accepted(IoThread io, SocketLink socket, ConnectionOptions options, Listener listener,
                            SocketChannel channel, long connection) {
        Session session = new Session(io, socket, options, null, listener);
        session.handle = connection;
        io.add(session);
        session.engine = Engines.create(io, session, channel, options);
        session.engine.start();
        return session;
    }

    /** Starts connecting. IO thread. */
    public void start() {
        io.add(this);
        startConnecting();
    }

    // ------------------------------------------------------------------ connecting

    private void startConnecting() {
        reconnectTimer = null;
        if (done) {
            return;
        }
        if (closing && !hasQueuedOutput()) {
            finish();
            return;
        }
        if (needsLookup) {
            // DNS may block: look the name up on the resolver thread, connect when it answers
            Endpoint target = endpoint;
            io.resolver().execute(() -> {
                SocketAddress address;
                try {
                    address = target.resolve();
                } catch (RuntimeException e) {
                    address = null;
                }
                SocketAddress result = address;
                io.post(() -> resolved(result));
            });
            return;
        }
        SocketAddress address;
        try {
            address = endpoint.resolve();
        } catch (RuntimeException e) {
            address = null;
        }
        resolved(address);
    }

    /** The resolver answered (null: the name did not resolve, so try again later). IO thread. */
    private void resolved(SocketAddress address) {
        if (done || engine != null || connecting != null) {
            return;
        }
        if (address == null) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot resolve " + endpoint);
            scheduleReconnect();
            return;
        }
        connectTo(address);
    }

    private void connectTo(SocketAddress address) {
        SocketChannel channel = null;
        try {
            channel = endpoint.openChannel();
            channel.configureBlocking(false);
            handle = MonitorSink.nextHandle();
            configure(channel);
            if (endpoint.source() != null) {
                channel.bind(endpoint.source().resolve());
            }
            if (channel.connect(address)) {
                connected(channel);
            } else {
                connecting = channel;
                event(EventType.CONNECT_DELAYED, EINPROGRESS);
                io.register(channel, SelectionKey.OP_CONNECT, new ConnectHandler(channel));
            }
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                closeQuietly(channel);
                event(EventType.CLOSED, handle);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "connect to " + endpoint + " failed: " + e);
            if (e instanceof IOException failure && givesUpAfter(failure)) {
                finish();
                return;
            }
            scheduleReconnect();
        }
    }

    /**
     * Whether a failed connect ends this session instead of a retry: ZMQ_RECONNECT_STOP asks so
     * for a refused connection always, or once the endpoint was disconnected.
     */
    private boolean givesUpAfter(IOException failure) {
        // junixsocket (abstract-namespace ipc) reports a refusal as a plain SocketException; a
        // missing ipc path is not a refusal, as in libzmq
        boolean refused = failure instanceof ConnectException || "Connection refused".equals(failure.getMessage());
        if (!refused) {
            return false;
        }
        int stop = options.reconnectStop();
        return (stop & SocketOptions.RECONNECT_STOP_CONN_REFUSED) != 0
                || (closing && (stop & SocketOptions.RECONNECT_STOP_AFTER_DISCONNECT) != 0);
    }

    private void configure(SocketChannel channel) throws IOException {
        ChannelSetup.configure(channel, options, endpoint == null || endpoint.transport() == Endpoint.Transport.TCP);
    }

    private final class ConnectHandler implements io.zenmq.internal.io.IoHandler {
        private final SocketChannel channel;

        ConnectHandler(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public void ready(SelectionKey key) {
            // the engine takes over this key; cancelling it would block a new registration
            key.interestOps(0);
            connecting = null;
            boolean givingUp = false;
            try {
                if (channel.finishConnect()) {
                    connected(channel);
                    return;
                }
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "connect to " + endpoint + " failed: " + e);
                givingUp = givesUpAfter(e);
            }
            key.cancel();
            closeQuietly(channel);
            event(EventType.CLOSED, handle);
            if (givingUp) {
                finish();
                return;
            }
            scheduleReconnect();
        }

        @Override
        public void failed(Throwable error) {
            connecting = null;
            closeQuietly(channel);
            event(EventType.CLOSED, handle);
            scheduleReconnect();
        }
    }

    private void connected(SocketChannel channel) {
        if (closing && !hasQueuedOutput()) {
            closeQuietly(channel);
            finish();
            return;
        }
        currentReconnectIvl = options.reconnectIvlNanos();
        handshaken = false;
        event(EventType.CONNECTED, handle);
        engine = Engines.create(io, this, channel, options);
        engine.start();
    }

    private void scheduleReconnect() {
        if (done) {
            return;
        }
        if (options.reconnectIvlNanos() <= 0 || (closing && !hasQueuedOutput())) {
            finish();
            return;
        }
        long ivl = currentReconnectIvl;
        long base = options.reconnectIvlNanos();
        long jitter = base > 1 ? ThreadLocalRandom.current().nextLong(base) : 0;
        if (options.reconnectIvlMaxNanos() > base) {
            currentReconnectIvl = Math.min(ivl * 2, options.reconnectIvlMaxNanos());
            jitter = 0;
        }
        event(EventType.CONNECT_RETRIED, (ivl + jitter) / 1_000_000);
        reconnectTimer = io.schedule(ivl + jitter, this::startConnecting);
    }

    // ------------------------------------------------------------------ engine callbacks

    /**
     * The engine finished the handshake: returns the pipe it pumps, creating and attaching it for
     * an accepted connection, or telling the socket that its connecting pipe is live again.
     *
     * @param peerProperties what the peer announced in its handshake
     * @return the session end of the pipe, or null if the socket is gone (drop the connection)
     */
    Pipe engineReady(java.util.Map<String, byte[]> peerProperties) {
        if (pipe == null) {
            Pipe[] ends = Pipe.pair(socket, options.sendHwm(), this, options.receiveHwm(), options.conflate());
            ends[0].setPeerProperties(peerProperties);
            if (listener != null && !listener.admit(this)) {
                return null;
            }
            if (!socket.attachPipe(ends[0])) {
                return null;
            }
            pipe = ends[1];
        } else {
            pipe.peer().setPeerProperties(peerProperties);
            socket.pipeConnected(pipe.peer());
        }
        handshaken = true;
        event(EventType.HANDSHAKE_SUCCEEDED, 0);
        return pipe;
    }

    /**
     * The engine's handshake failed (reported before {@link #engineClosed}).
     *
     * @param type {@link EventType#HANDSHAKE_FAILED_PROTOCOL} or another handshake failure
     * @param value the protocol error code or errno
     */
    void handshakeFailed(EventType type, long value) {
        event(type, value);
    }

    /** Reports an event about this session's connection, unless the socket is closing it. */
    private void event(EventType type, long value) {
        if (!closing) {
            socket.event(type, eventEndpoint, value);
        }
    }

    /** Whether the engine must drop the rest of a message cut by the previous connection. */
    boolean takeSkipOutbound() {
        boolean skip = skipOutbound;
        skipOutbound = false;
        return skip;
    }

    /** The socket, for a connection that asks the context's ZAP handler. */
    SocketLink socketLink() {
        return socket;
    }

    /** Whether the session only waits for its queue to drain before it ends. */
    boolean isClosing() {
        return closing;
    }

    /**
     * The engine is gone.
     *
     * @param protocolError true if the peer broke the protocol: no reconnect, as in libzmq
     * @param outboundMidMessage true if the engine sent part of a message and the rest must go
     */
    void engineClosed(boolean protocolError, boolean outboundMidMessage) {
        engine = null;
        skipOutbound = outboundMidMessage;
        event(EventType.DISCONNECTED, handle);
        boolean handshakeStopped = !handshaken
                && (options.reconnectStop() & SocketOptions.RECONNECT_STOP_HANDSHAKE_FAILED) != 0;
        if (endpoint == null || protocolError || handshakeStopped || socketEndedPipe()
                || (closing && !hasQueuedOutput())) {
            finish();
            return;
        }
        if (options.immediate() && pipe != null) {
            // no live connection, no pipe: the socket must not queue for this peer meanwhile
            pipe.rollback();
            pipe.terminate();
            pipe = null;
            skipOutbound = false;
        }
        scheduleReconnect();
    }

    /** Whether the socket dropped this peer (e.g. a ROUTER refusing a duplicate id): no reconnect. */
    private boolean socketEndedPipe() {
        return pipe != null && pipe.isInEnded();
    }

    private boolean hasQueuedOutput() {
        return pipe != null && pipe.hasQueuedMessage();
    }

    // ------------------------------------------------------------------ pipe wake-ups

    /** The socket queued messages for the peer: the engine writes them (on the I/O thread). */
    @Override
    public void pipeReadable(Pipe ignored) {
        io.post(sendQueuedTask);
    }

    /** The socket drained its inbound queue below the high-water mark: the engine reads again. */
    @Override
    public void pipeWritable(Pipe ignored) {
        io.post(resumeInputTask);
    }

    private void sendQueuedOutput() {
        if (done) {
            return;
        }
        if (engine != null) {
            engine.outputReady();
        } else if (closing && !hasQueuedOutput()) {
            finish();
        }
    }

    private void resumeInput() {
        if (engine != null) {
            engine.inputReady();
        }
    }

    // ------------------------------------------------------------------ closing

    /**
     * The socket closed: deliver what is queued for up to its linger, then end. IO thread.
     *
     * @param lingerNanos the socket's linger, -1 for infinite
     */
    public void socketClosed(long lingerNanos) {
        beginClosing(lingerNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + lingerNanos);
    }

    /**
     * Tells whether a listener accepted this session's connection. Any thread (final field).
     *
     * @param candidate a listener of the socket
     * @return true if the connection came through it
     */
    public boolean acceptedBy(Listener candidate) {
        return listener == candidate;
    }

    /**
     * Posts {@link #socketClosed(long)} to this session's I/O thread. Any thread.
     *
     * @param lingerNanos the socket's linger, -1 for infinite
     */
    public void postSocketClosed(long lingerNanos) {
        io.post(() -> socketClosed(lingerNanos));
    }

    @Override
    public void contextTerminating(long deadlineNanos) {
        long linger = socket.lingerNanos();
        long own = linger < 0 ? Long.MAX_VALUE : System.nanoTime() + linger;
        beginClosing(Math.min(own, deadlineNanos));
    }

    private void beginClosing(long deadline) {
        if (done) {
            return;
        }
        closing = true;
        if (deadline != Long.MAX_VALUE) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                forceClose();
                return;
            }
            if (lingerTimer != null) {
                lingerTimer.cancel();
            }
            lingerTimer = io.schedule(wait, this::forceClose);
        }
        if (engine != null) {
            engine.outputReady();
        } else if (connecting == null && !hasQueuedOutput()) {
            finish();
        }
        // otherwise a connect attempt or the reconnect timer is pending and will deliver the rest
    }

    @Override
    public void forceClose() {
        if (done) {
            return;
        }
        if (engine != null) {
            Engine current = engine;
            engine = null;
            current.abort();
        }
        if (connecting != null) {
            closeQuietly(connecting);
            connecting = null;
        }
        finish();
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        if (reconnectTimer != null) {
            reconnectTimer.cancel();
        }
        if (lingerTimer != null) {
            lingerTimer.cancel();
        }
        if (connecting != null) {
            closeQuietly(connecting);
            connecting = null;
        }
        if (pipe != null) {
            pipe.rollback();
            pipe.terminate();
        }
        if (listener != null) {
            listener.sessionDone(this);
        }
        io.remove(this);
    }

    static void closeQuietly(java.nio.channels.Channel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }

    @Override
    public String toString() {
        return "Session[" + (endpoint != null ? endpoint : "accepted") + "]";
    }
}
