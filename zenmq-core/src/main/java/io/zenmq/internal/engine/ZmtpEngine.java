// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.EventType;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.io.Timer;
import io.zenmq.internal.mechanism.Mechanisms;
import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.zap.ZapLayout;
import io.zenmq.internal.zmtp.ConnectionSettings;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import io.zenmq.internal.zmtp.ZmtpConnection;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Speaks ZMTP on one stream connection: the {@link StreamEngine} loop around a pure
 * {@link ZmtpConnection}, glued to the session's pipe (the connection's inbound sink and outbound
 * source), the session (monitor events, reconnect), the ZAP client and one I/O-thread timer armed
 * for the connection's next deadline.
 *
 * <p>Owner: its I/O thread. Frames from the peer go straight into the pipe; when the pipe reaches
 * its high-water mark the connection stops decoding and the engine stops reading until the socket
 * drains it. Frames to the peer are pulled from the pipe straight into the output buffer. After a
 * reconnect the rest of a message cut short is skipped; a message cut short inbound is rolled back.
 */
final class ZmtpEngine extends StreamEngine
        implements ZmtpConnection.Inbound, ZmtpConnection.Outbound, ZmtpConnection.Events {
    private static final System.Logger LOG = System.getLogger(ZmtpEngine.class.getName());
    /** The first wait of a decoder that found no heap room for a body, before it tries again. */
    private static final long MEMORY_RETRY_FIRST_NANOS = 10_000_000;
    /**
     * The longest wait between two tries; each wait doubles up to it. A try that fails costs the
     * JVM a full collection, which stops every thread, the application's that would free the
     * heap included: tries every 10 ms for as long as the application takes would mostly stop it.
     */
    private static final long MEMORY_RETRY_MAX_NANOS = 320_000_000;

    static {
        // the pipe's flags are handed to the connection and back as they are
        if (FrameQueue.FLAG_MORE != ZmtpConnection.MORE || FrameQueue.FLAG_SUBSCRIBE != ZmtpConnection.SUBSCRIBE
                || FrameQueue.FLAG_CANCEL != ZmtpConnection.CANCEL || FrameQueue.FLAG_JOIN != ZmtpConnection.JOIN
                || FrameQueue.FLAG_LEAVE != ZmtpConnection.LEAVE) {
            throw new ExceptionInInitializerError("pipe and connection frame flags differ");
        }
    }

    private final ConnectionOptions options;
    private final ZmtpConnection connection;
    private final Runnable onDeadline = this::deadlineReached;
    private final Runnable retryAfterMemoryWait = this::inputReady;
    /** The decoder is paused until the socket reads what it holds and the heap has room. */
    private boolean memoryWait;
    /** The wait before the next try for heap room; back to the first after a body fitted. */
    private long memoryRetryNanos = MEMORY_RETRY_FIRST_NANOS;
    private ZapClient zap;
    private Timer timer;
    private long timerDeadline;
    private String peerAddress;
    /** After a reconnect: the rest of a message the previous connection cut short is dropped. */
    private boolean skipping;
    private boolean midMessageOut;
    private int lastFlags;
    private boolean closeAsProtocolError;
    /** Why the connection is closing, for the monitor: an errno, or 0 if not a failure. */
    private int failErrno;

    ZmtpEngine(IoThread io, Session session, SocketChannel channel, ConnectionOptions options) {
        super(io, session, channel, Integer.MAX_VALUE);
        this.options = options;
        ConnectionOptions.Heartbeat heartbeat = options.heartbeat();
        ConnectionSettings settings = new ConnectionSettings(options.type(), options.routingId(),
                acceptsLegacyPeers(options), options.maxMessageSize(), options.handshakeIvlNanos(),
                heartbeat.ivlNanos(), heartbeat.ttlNanos(), heartbeat.timeoutNanos());
        this.connection = new ZmtpConnection(settings, Mechanisms.create(options.security(), options.type().name(),
                options.sendsIdentity() ? options.routingId() : null, randomFor(options)), this, this, this);
    }

    /**
     * Only CURVE draws keys and nonces. A SecureRandom costs the JVM its security providers on
     * first use, which for a NULL or PLAIN connection would land in its first round trip.
     */
    private static SecureRandom randomFor(ConnectionOptions options) {
        return ZmtpLayout.MECHANISM_CURVE.equals(options.security().mechanism()) ? CurveRandom.INSTANCE : null;
    }

    /** Keys and nonces for every CURVE connection, made on first use; SecureRandom is thread-safe. */
    private static final class CurveRandom {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    /** As libzmq: ZMTP 1.0/2.0 peers cannot authenticate, so only NULL without ZAP takes them. */
    private static boolean acceptsLegacyPeers(ConnectionOptions options) {
        return ZmtpLayout.MECHANISM_NULL.equals(options.security().mechanism())
                && options.security().zapDomain().isEmpty();
    }

    @Override
    void started() {
        connection.start(System.nanoTime());
        afterConnection();
    }

    @Override
    public void outputReady() {
        if (connection.isActive() || session.isClosing()) {
            writeOutput();
        }
    }

    // ------------------------------------------------------------------ the loop's side

    @Override
    void consume(ByteBuffer bytes, boolean fresh) {
        boolean full = fresh ? connection.received(bytes, System.nanoTime()) : connection.resume(bytes);
        if (full) {
            pauseInput();
        }
        if (full && memoryWait) {
            // no wake-up comes from the socket for this: look again later, and later each time
            memoryWait = false;
            io.schedule(memoryRetryNanos, retryAfterMemoryWait);
            memoryRetryNanos = Math.min(2 * memoryRetryNanos, MEMORY_RETRY_MAX_NANOS);
        } else {
            memoryRetryNanos = MEMORY_RETRY_FIRST_NANOS;
        }
        afterConnection();
    }

    @Override
    void fill(ByteBuffer buffer) {
        connection.fill(buffer);
    }

    @Override
    void lost(int errno) {
        failErrno = errno;
        close(false);
    }

    @Override
    void flushed() {
        close(closeAsProtocolError);
    }

    @Override
    void aborted() {
        cancelTimer();
        closeZap();
        rollbackInbound();
    }

    /** Acts on what the last call into the connection asked for: writing, closing, the timer. */
    private void afterConnection() {
        ZmtpConnection.Status status = connection.status();
        if (status == ZmtpConnection.Status.REFUSED && !closingWhenFlushed()) {
            // nothing more is read from the peer; close once what is queued (an ERROR) is written
            stopReading();
            closeAsProtocolError = true;
            closeWhenFlushed();
        }
        if (connection.takeWriteRequest()) {
            writeOutput();
        }
        if (isClosed()) {
            return;
        }
        switch (status) {
            case PROTOCOL_ERROR -> close(true);
            case REJECTED, HEARTBEAT_EXPIRED -> close(false);
            case HANDSHAKE_TIMEOUT -> {
                failErrno = Session.ETIMEDOUT;
                close(false);
            }
            default -> armTimer();
        }
    }

    private void armTimer() {
        if (!connection.hasDeadline()) {
            cancelTimer();
            return;
        }
        long deadline = connection.nextDeadline();
        if (timer != null && deadline == timerDeadline) {
            return;
        }
        cancelTimer();
        timerDeadline = deadline;
        timer = io.schedule(deadline - System.nanoTime(), onDeadline);
    }

    private void deadlineReached() {
        timer = null;
        if (!isClosed()) {
            connection.deadlineReached(System.nanoTime());
            afterConnection();
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    // ------------------------------------------------------------------ the connection's side

    @Override
    public boolean frame(byte[] body, int flags) {
        pipe.write(body, flags);
        // whole messages are published once per batch of reads (see StreamEngine), not one by one
        return (flags & FrameQueue.FLAG_MORE) != 0 || pipe.checkWritable();
    }

    /**
     * Arrays the socket copied out and gave back come here to be refilled (see
     * {@code FrameQueue}); the handshake's frames, before the pipe is attached, are new.
     */
    @Override
    public byte[] body(int length) {
        Pipe p = pipe;
        return p == null ? new byte[length] : p.takeRecycled(length);
    }

    /**
     * A body did not fit in the heap. While the socket has messages of this peer left to read,
     * they may be what fills it (a second 1 GiB message arriving while the first waits), and so
     * may arrays waiting to be recycled (dropped here), so wait and retry. Once everything was
     * read the application may still be working on the last message (between the receive call
     * that returned it and the next), so wait until the socket looks for more; if it then still
     * does not fit, with nothing left to recycle, the connection ends.
     */
    @Override
    public boolean waitForMemory() {
        Pipe p = pipe;
        if (p == null) {
            return false;
        }
        boolean dropped = p.dropRecycled();
        if (!dropped && p.writtenAllRead() && p.readerLookedForMore()) {
            return false;
        }
        memoryWait = true;
        return true;
    }

    @Override
    public byte[] next() {
        Pipe p = pipe;
        for (;;) {
            byte[] frame = p.read();
            if (frame == null) {
                if (p.isInEnded() || session.isClosing()) {
                    closeWhenFlushed();
                }
                return null;
            }
            boolean more = p.lastMore();
            if (skipping) {
                skipping = more;
                continue;
            }
            midMessageOut = more;
            lastFlags = p.lastFlags();
            return frame;
        }
    }

    @Override
    public int lastFlags() {
        return lastFlags;
    }

    /**
     * Hands the connection to the session, with the peer's address among its properties.
     */
    @Override
    public boolean handshakeSucceeded(Map<String, byte[]> peerProperties) {
        closeZap();
        Map<String, byte[]> all = new LinkedHashMap<>(peerProperties);
        String address = peerAddress();
        if (!address.isEmpty()) {
            all.put(ZmtpLayout.PROPERTY_PEER_ADDRESS, address.getBytes(StandardCharsets.UTF_8));
        }
        pipe = session.engineReady(all);
        if (pipe == null) {
            return false;
        }
        skipping = session.takeSkipOutbound();
        return true;
    }

    @Override
    public void handshakeFailed(EventType type, int value) {
        session.handshakeFailed(type, value);
    }

    @Override
    public void zapRequest(String mechanismName, byte[][] credentials) {
        java.util.List<byte[]> request = ZapLayout.request(
                options.security().zapDomain(), peerAddress(), options.routingId(), mechanismName, credentials);
        zap = ZapClient.ask(session.socketLink(), io, request, new ZapClient.Answer() {
            @Override
            public void replied(ZapReply reply) {
                zapReplied(reply);
            }

            @Override
            public void broken(ProtocolException error) {
                if (!isClosed()) {
                    connection.zapBroken(error);
                    afterConnection();
                }
            }
        });
        if (zap == null) {
            // answered after the mechanism's current call returns, never inside it
            io.post(() -> zapReplied(ZapReply.NO_HANDLER));
        }
    }

    private void zapReplied(ZapReply reply) {
        if (isClosed()) {
            return;
        }
        if (connection.zapReplied(reply, System.nanoTime())) {
            closeZap();
        }
        afterConnection();
    }

    private void closeZap() {
        if (zap != null) {
            zap.close();
            zap = null;
        }
    }

    /** The peer's IP address, looked up once (ZAP and the connection's properties both need it). */
    private String peerAddress() {
        if (peerAddress == null) {
            peerAddress = PeerAddress.of(channel);
        }
        return peerAddress;
    }

    // ------------------------------------------------------------------ closing

    private void close(boolean protocolError) {
        if (isClosed()) {
            return;
        }
        if (protocolError || connection.status() != ZmtpConnection.Status.OPEN) {
            LOG.log(System.Logger.Level.DEBUG, connection::failure);
        }
        if (!protocolError && failErrno != 0 && !connection.handshakeDone()) {
            session.handshakeFailed(EventType.HANDSHAKE_FAILED_NO_DETAIL, failErrno);
        }
        shutDown();
        cancelTimer();
        closeZap();
        rollbackInbound();
        session.engineClosed(protocolError, midMessageOut);
    }

    /** Drops a message cut short and publishes the whole ones decoded before it. */
    private void rollbackInbound() {
        if (pipe != null) {
            pipe.rollback();
            pipe.flush();
        }
    }
}
