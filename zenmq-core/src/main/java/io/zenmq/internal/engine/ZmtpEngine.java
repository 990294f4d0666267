// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.io.IoHandler;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.io.Timer;
import io.zenmq.internal.io.WrappingChannel;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.FrameDecoder;
import io.zenmq.internal.zmtp.FrameSink;
import io.zenmq.internal.mechanism.Mechanisms;
import io.zenmq.internal.zap.ZapLayout;
import io.zenmq.internal.zmtp.GreetingExchange;
import io.zenmq.internal.zmtp.Mechanism;
import io.zenmq.internal.zmtp.ZapReply;
import io.zenmq.internal.zmtp.Metadata;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.SocketTypes;
import io.zenmq.internal.zmtp.LegacyLayout;
import io.zenmq.internal.zmtp.ZmtpLayout;
import io.zenmq.internal.zmtp.ZmtpVersion;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Map;
import io.zenmq.EventType;
import io.zenmq.SocketType;
import io.zenmq.internal.pipe.FrameQueue;

/**
 * Speaks ZMTP on one stream connection: the staged greeting, then with a ZMTP 3.x peer the
 * mechanism's handshake (READY metadata, socket-type check), with a ZMTP 2.0/1.0 peer the identity
 * frames (spec zmtp.md section 3); then frames between the channel and the session's pipe, in the
 * peer's framing.
 *
 * <p>Owner: its I/O thread. Reading: the channel fills a direct buffer and the pure
 * {@link FrameDecoder} turns it into frames written to the pipe; when the socket's queue reaches
 * its high-water mark the engine stops reading until the socket drains it. Writing: frames taken
 * from the pipe are encoded back to back into a direct buffer (large bodies stream through it),
 * so many small messages go out per write call. Both buffers come from the I/O thread's
 * {@link BufferPool} and go back as soon as they are empty: an idle connection holds none.
 */
final class ZmtpEngine implements Engine, IoHandler, FrameSink, Heartbeats.Target {
    private static final System.Logger LOG = System.getLogger(ZmtpEngine.class.getName());
    /** Keys and nonces for every connection's mechanism; SecureRandom is thread-safe. */
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BUFFER_SIZE = BufferPool.BUFFER_SIZE;
    private static final int MAX_HEADER =
            Math.max(ZmtpLayout.LONG_HEADER_LENGTH, LegacyLayout.V1_LONG_HEADER_LENGTH);
    /** What libzmq makes a PUB/XPUB read from a ZMTP 1.0 peer first: subscribe to everything. */
    private static final byte[] SUBSCRIBE_ALL = {1};
    /**
     * Largest frame accepted before the handshake is done: the biggest legitimate command (CURVE
     * INITIATE with metadata) is far smaller, and an unauthenticated peer must not make us buffer
     * megabytes. libzmq applies only MAXMSGSIZE here.
     */
    static final int MAX_HANDSHAKE_FRAME = 64 * 1024;
    /** Write rounds per readiness event before yielding to other connections. */
    private static final int WRITE_ROUNDS = 16;
    private static final int READ_ROUNDS = 16;

    private enum State { GREETING, HANDSHAKE, ACTIVE, CLOSED }

    private final IoThread io;
    private final Session session;
    private final SocketChannel channel;
    /**
     * Whether a read that leaves room in the buffer may end a round of reads. The JDK's selector
     * keeps reporting a peer's hang-up as readable until it is read; junixsocket's (channels behind
     * a {@link WrappingChannel}) did not report it again once the data before it had been read
     * (AbstractIpcInteropTest), so those connections read on until a read returns 0 or -1.
     */
    private final boolean shortReadDrains;
    private final ConnectionOptions options;
    /** Bytes read and not yet decoded, in read mode; a pooled buffer while it holds any, else null. */
    private ByteBuffer in;
    /** Bytes encoded and not yet written, in write mode; a pooled buffer while it holds any, else null. */
    private ByteBuffer out;
    private final GreetingExchange greeting;
    /** The peer's protocol, null until its greeting is read. */
    private ZmtpVersion version;
    private FrameDecoder decoder;
    private final ArrayDeque<byte[]> commands = new ArrayDeque<>();
    private final Mechanism mechanism;
    private final MechanismOutput mechanismOutput = new MechanismOutput();
    private ZapClient zap;
    /** Authentication refused the peer: nothing more is read from it. */
    private boolean refusedPeer;
    private boolean closeAsProtocolError;
    private SelectionKey key;
    private final Runnable filler = this::fill;
    private State state = State.GREETING;
    private Pipe pipe;
    private Timer handshakeTimer;
    private final Heartbeats heartbeats;
    private boolean inputPaused;
    private boolean skipping;
    private boolean midMessageOut;
    private final FrameWriter writer = new FrameWriter();
    private String peerAddress;
    private boolean closeWhenFlushed;
    private boolean failed;
    private String failure;
    /** Why the connection is closing, for the monitor: an errno, or 0 if not a failure. */
    private int failErrno;
    private boolean errorReceived;

    ZmtpEngine(IoThread io, Session session, SocketChannel channel, ConnectionOptions options) {
        this.io = io;
        this.session = session;
        this.channel = channel;
        this.shortReadDrains = !(channel instanceof WrappingChannel);
        this.options = options;
        this.decoder = new FrameDecoder(handshakeLimit(options.maxMessageSize()));
        this.heartbeats = new Heartbeats(io, options.heartbeat(), this);
        this.mechanism = Mechanisms.create(options.security(), options.type().name(),
                options.sendsIdentity() ? options.routingId() : null, RANDOM);
        this.greeting = new GreetingExchange(mechanism.name(), false, options.type().name(), options.routingId(),
                acceptsLegacyPeers(options));
    }

    @Override
    public void start() {
        try {
            channel.configureBlocking(false);
            key = io.register(channel, SelectionKey.OP_READ, this);
        } catch (IOException e) {
            close(false);
            return;
        }
        if (options.handshakeIvlNanos() > 0) {
            handshakeTimer = io.schedule(options.handshakeIvlNanos(), this::handshakeExpired);
        }
        commands.add(greeting.start());
        writeOutput();
    }

    /** As libzmq: ZMTP 1.0/2.0 peers cannot authenticate, so only NULL without ZAP takes them. */
    private static boolean acceptsLegacyPeers(ConnectionOptions options) {
        return ZmtpLayout.MECHANISM_NULL.equals(options.security().mechanism())
                && options.security().zapDomain().isEmpty();
    }

    // ------------------------------------------------------------------ readiness

    @Override
    public void ready(SelectionKey readyKey) {
        if (readyKey.isReadable()) {
            readInput();
        }
        if (state != State.CLOSED && readyKey.isValid() && readyKey.isWritable()) {
            writeOutput();
        }
    }

    @Override
    public void failed(Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "connection failed unexpectedly", error);
        close(false);
    }

    @Override
    public void outputReady() {
        if (state == State.ACTIVE || session.isClosing()) {
            writeOutput();
        }
    }

    @Override
    public void inputReady() {
        if (state != State.ACTIVE || !inputPaused) {
            return;
        }
        inputPaused = false;
        if (in != null) {
            decode();
            publishInbound();
            releaseDrainedInput();
        }
        if (state == State.ACTIVE && !inputPaused) {
            setInterest(SelectionKey.OP_READ, true);
            readInput();
        }
    }

    @Override
    public void abort() {
        heartbeats.stop();
        closeZap();
        closeChannel();
        state = State.CLOSED;
        releaseBuffers();
        rollbackInbound();
    }

    // ------------------------------------------------------------------ input

    private void readInput() {
        readRounds();
        publishInbound();
        releaseDrainedInput();
    }

    /**
     * Makes the whole messages decoded so far visible to the socket: once per batch of reads, not
     * per read, so a reader that keeps up is woken once for everything one readiness event brought.
     */
    private void publishInbound() {
        if (pipe != null && state != State.CLOSED) {
            pipe.flush();
        }
    }

    private void readRounds() {
        for (int round = 0; round < READ_ROUNDS && state != State.CLOSED && !inputPaused; round++) {
            int n;
            boolean drained;
            if (in == null) {
                in = BufferPool.borrow();
            } else {
                in.compact();
            }
            try {
                n = channel.read(in);
                // room left means the kernel had no more: another read would only say so
                drained = shortReadDrains && in.hasRemaining();
                in.flip();
            } catch (IOException e) {
                in.flip();
                LOG.log(System.Logger.Level.DEBUG, () -> "read failed: " + e);
                failErrno = Session.ECONNRESET;
                close(false);
                return;
            }
            if (n < 0) {
                failErrno = Session.EPIPE;
                close(false);
                return;
            }
            if (n == 0) {
                return;
            }
            heartbeats.inputSeen();
            decode();
            if (drained) {
                return;
            }
        }
    }

    /** Gives the input buffer back once everything in it is decoded. */
    private void releaseDrainedInput() {
        if (in != null && !in.hasRemaining()) {
            BufferPool.release(in);
            in = null;
        }
    }

    private void decode() {
        if (refusedPeer) {
            return;
        }
        try {
            if (state == State.GREETING) {
                byte[] reply = greeting.feed(in);
                if (reply.length > 0) {
                    // written at once, even if the peer turns out wrong: it learns our mechanism
                    commands.add(reply);
                    writeOutput();
                }
                if (state == State.CLOSED || !greeting.isComplete()) {
                    return;
                }
                greetingReceived();
                if (state == State.CLOSED) {
                    return;
                }
            }
            if (state == State.HANDSHAKE || state == State.ACTIVE) {
                FrameDecoder.Status status = decoder.decode(in, this);
                if (failed) {
                    throw new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                            failure);
                }
                if (status == FrameDecoder.Status.STOPPED && state == State.ACTIVE) {
                    inputPaused = true;
                    setInterest(SelectionKey.OP_READ, false);
                }
            }
        } catch (ProtocolException e) {
            protocolError(e);
        }
    }

    private void protocolError(ProtocolException e) {
        LOG.log(System.Logger.Level.DEBUG, () -> "protocol error: " + e.getMessage());
        if ((state == State.GREETING || state == State.HANDSHAKE) && !errorReceived) {
            session.handshakeFailed(EventType.HANDSHAKE_FAILED_PROTOCOL, e.code());
        }
        close(true);
    }

    /**
     * The peer's greeting is in (and what we owe it is queued). A 3.x peer must use our mechanism, whose
     * handshake starts; from a legacy peer we wait for its identity frame, in its framing.
     */
    private void greetingReceived() throws ProtocolException {
        version = greeting.version();
        writer.setVersion(version);
        if (version.isLegacy()) {
            state = State.HANDSHAKE;
            if (version.usesZmtp10Framing()) {
                decoder = FrameDecoder.zmtp10(handshakeLimit(options.maxMessageSize()));
            }
            writeOutput();
            if (version == ZmtpVersion.ZMTP_1_0 && state == State.HANDSHAKE) {
                // what the greeting decoder read was the start of the peer's identity frame
                decoder.decode(ByteBuffer.wrap(greeting.peer().unversionedBytes()), this);
            }
            return;
        }
        if (!greeting.sameMechanism()) {
            throw new ProtocolException(ProtocolErrors.ZMTP_MECHANISM_MISMATCH,
                    "peer uses mechanism " + greeting.peer().mechanism());
        }
        state = State.HANDSHAKE;
        mechanism.start(mechanismOutput);
        writeOutput();
    }

    /**
     * A ZMTP 1.0/2.0 peer's first frame, its identity: the connection is ready. The identity becomes the
     * peer's {@code Identity} property (a ROUTER routes by it). A PUB/XPUB gets a subscription to
     * everything from an unversioned 1.0 peer, which never sends subscriptions (as libzmq).
     */
    private boolean legacyIdentity(byte[] identity) {
        Map<String, byte[]> properties = new java.util.LinkedHashMap<>();
        properties.put(ZmtpLayout.PROPERTY_IDENTITY, identity);
        if (!connectionReady(properties)) {
            return false;
        }
        // reading the pipe until it is empty arms its wake-up for what the socket sends next
        writeOutput();
        if (state != State.ACTIVE) {
            return false;
        }
        SocketType type = options.type();
        if (version == ZmtpVersion.ZMTP_1_0 && (type == SocketType.PUB || type == SocketType.XPUB)) {
            pipe.write(SUBSCRIBE_ALL.clone(), false);
            return pipe.checkWritable();
        }
        return true;
    }

    @Override
    public boolean onFrame(byte[] body, boolean more) throws ProtocolException {
        if (state == State.HANDSHAKE && version.isLegacy()) {
            return legacyIdentity(body);
        }
        if (state != State.ACTIVE) {
            failed = true;
            failure = "message before the handshake finished";
            return false;
        }
        if (writer.wraps()) {
            return unwrapped(mechanism.decode(body));
        }
        pipe.write(body, more);
        // whole messages are published once per decoded batch (see decode), not one by one
        return more || pipe.checkWritable();
    }

    @Override
    public boolean onCommand(byte[] body) throws ProtocolException {
        if (version.isLegacy()) {
            // ZMTP 2.0 has no commands (the bit is reserved); libzmq drops such frames too
            return true;
        }
        if (state == State.HANDSHAKE) {
            handshakeCommand(body);
            return state != State.CLOSED && !refusedPeer;
        }
        if (writer.wraps()) {
            // libzmq sends MESSAGE in ordinary frames; accept one in a command frame too (spec 3.8)
            return unwrapped(mechanism.decode(body));
        }
        return activeCommand(body);
    }

    /** A frame the mechanism unwrapped: its own flags say whether it is a command. */
    private boolean unwrapped(Mechanism.Unwrapped frame) throws ProtocolException {
        if ((frame.flags() & ZmtpLayout.FLAG_COMMAND) != 0) {
            return activeCommand(frame.frame());
        }
        boolean more = (frame.flags() & ZmtpLayout.FLAG_MORE) != 0;
        pipe.write(frame.frame(), more);
        return more || pipe.checkWritable();
    }

    private boolean activeCommand(byte[] body) throws ProtocolException {
        if (Commands.is(body, "SUBSCRIBE") || Commands.is(body, "CANCEL")) {
            return subscriptionReceived(body);
        }
        if (Commands.is(body, "PING")) {
            heartbeats.pingReceived(Commands.pingTtl(body));
            queueCommand(Commands.pongBody(Commands.pingContext(body)));
            writeOutput();
        } else if (Commands.is(body, "ERROR")) {
            throw new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED,
                    "peer sent ERROR " + Commands.parseError(body));
        }
        // PONG and unknown commands are ignored, as libzmq does
        return true;
    }

    /** A publisher hands SUBSCRIBE/CANCEL to its socket in the legacy 01/00 message form. */
    private boolean subscriptionReceived(byte[] body) throws ProtocolException {
        SocketType type = options.type();
        if (type != SocketType.PUB && type != SocketType.XPUB) {
            return true;
        }
        byte[] topic = Commands.topic(body);
        byte[] message = new byte[topic.length + 1];
        message[0] = (byte) (Commands.is(body, "SUBSCRIBE") ? 1 : 0);
        System.arraycopy(topic, 0, message, 1, topic.length);
        pipe.write(message, false);
        return pipe.checkWritable();
    }

    private void handshakeCommand(byte[] body) throws ProtocolException {
        String reason = PeerError.reason(body);
        if (reason != null) {
            if (reason.matches("[345][0-9][0-9]")) {
                // as libzmq: a ZAP status code in the reason is an authentication failure
                session.handshakeFailed(EventType.HANDSHAKE_FAILED_AUTH, Integer.parseInt(reason));
            }
            // libzmq reports no protocol failure for an ERROR it parsed
            errorReceived = true;
            throw new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED, "peer refused the handshake: " + reason);
        }
        mechanism.onCommand(body, mechanismOutput);
        writeOutput();
    }

    /** The mechanism finished: check the peer's socket type and hand the connection to the session. */
    private void handshakeDone(Map<String, byte[]> properties) {
        byte[] peerType = Metadata.get(properties, "Socket-Type");
        if (peerType != null) {
            String name = new String(peerType, StandardCharsets.US_ASCII);
            if (!SocketTypes.compatible(options.type().name(), name)) {
                // libzmq just closes; an ERROR first tells the peer why (RFC 37), best effort
                queueCommand(Commands.errorBody("Invalid socket type"));
                writeOutput();
                protocolError(new ProtocolException(ProtocolErrors.ZMTP_INVALID_METADATA,
                        "incompatible peer socket type " + name));
                return;
            }
        }
        if (connectionReady(properties)) {
            if (mechanism.encrypts()) {
                writer.wrapWith(mechanism);
            }
            heartbeats.start();
            writeOutput();
        }
    }

    /**
     * Hands the connection to the session and goes active: no more handshake deadline (for legacy
     * peers too, unlike libzmq 4.3.4, which drops them when it expires), the full frame size limit.
     *
     * @return false if the session refused it (the engine is closed then)
     */
    private boolean connectionReady(Map<String, byte[]> properties) {
        closeZap();
        Map<String, byte[]> all = new java.util.LinkedHashMap<>(properties);
        String address = peerAddress();
        if (!address.isEmpty()) {
            all.put(ZmtpLayout.PROPERTY_PEER_ADDRESS, address.getBytes(StandardCharsets.UTF_8));
        }
        pipe = session.engineReady(all);
        if (pipe == null) {
            close(false);
            return false;
        }
        state = State.ACTIVE;
        decoder.setMaxFrameSize(options.maxMessageSize());
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
        skipping = session.takeSkipOutbound();
        return true;
    }

    private static long handshakeLimit(long maxMessageSize) {
        return maxMessageSize < 0 ? MAX_HANDSHAKE_FRAME : Math.min(maxMessageSize, MAX_HANDSHAKE_FRAME);
    }

    /** The peer's IP address, looked up once (ZAP and the connection's properties both need it). */
    private String peerAddress() {
        if (peerAddress == null) {
            peerAddress = PeerAddress.of(channel);
        }
        return peerAddress;
    }

    private void askZap(String mechanismName, byte[]... credentials) {
        java.util.List<byte[]> request = ZapLayout.request(
                options.security().zapDomain(), peerAddress(), options.routingId(), mechanismName, credentials);
        zap = ZapClient.ask(session.socketLink(), io, request, new ZapClient.Answer() {
            @Override
            public void replied(ZapReply reply) {
                zapReplied(reply);
            }

            @Override
            public void broken(ProtocolException error) {
                if (state != State.CLOSED) {
                    protocolError(error);
                }
            }
        });
        if (zap == null) {
            // answered after the mechanism's current call returns, never inside it
            io.post(() -> zapReplied(ZapReply.NO_HANDLER));
        }
    }

    private void zapReplied(ZapReply reply) {
        if (state != State.HANDSHAKE || refusedPeer) {
            return;
        }
        closeZap();
        try {
            mechanism.onZapReply(reply, mechanismOutput);
        } catch (ProtocolException e) {
            protocolError(e);
            return;
        }
        writeOutput();
    }

    private void closeZap() {
        if (zap != null) {
            zap.close();
            zap = null;
        }
    }

    /** What the mechanism asks of this engine; I/O thread, during the handshake. */
    private final class MechanismOutput implements Mechanism.Output {
        @Override
        public void send(byte[] body) {
            queueCommand(body);
        }

        @Override
        public void askZap(String mechanismName, byte[]... credentials) {
            ZmtpEngine.this.askZap(mechanismName, credentials);
        }

        @Override
        public void ready(Map<String, byte[]> peerProperties) {
            handshakeDone(peerProperties);
        }

        @Override
        public void refused(int status) {
            LOG.log(System.Logger.Level.DEBUG, () -> "authentication refused the peer: " + status);
            session.handshakeFailed(EventType.HANDSHAKE_FAILED_AUTH, status);
            stopServing();
        }

        @Override
        public void failed(int errno) {
            session.handshakeFailed(EventType.HANDSHAKE_FAILED_NO_DETAIL, errno);
            stopServing();
        }
    }

    /** Reads nothing more from the peer; closes once what is queued (an ERROR) is written. */
    private void stopServing() {
        refusedPeer = true;
        closeWhenFlushed = true;
        closeAsProtocolError = true;
        setInterest(SelectionKey.OP_READ, false);
    }

    /** Queues a command; after a CURVE handshake it travels wrapped like any frame. */
    private void queueCommand(byte[] body) {
        commands.add(writer.commandFrame(body));
    }

    @Override
    public void sendPing(int ttlDeciseconds) {
        if (state == State.ACTIVE) {
            queueCommand(Commands.pingBody(ttlDeciseconds, new byte[0]));
            writeOutput();
        }
    }

    @Override
    public void heartbeatExpired() {
        LOG.log(System.Logger.Level.DEBUG, "heartbeat expired: the peer went silent");
        close(false);
    }

    private void handshakeExpired() {
        handshakeTimer = null;
        if (state == State.GREETING || state == State.HANDSHAKE) {
            LOG.log(System.Logger.Level.DEBUG, "handshake timed out");
            failErrno = Session.ETIMEDOUT;
            close(false);
        }
    }

    // ------------------------------------------------------------------ output

    private void writeOutput() {
        if (state == State.CLOSED) {
            return;
        }
        if (out == null) {
            out = BufferPool.borrow();
        }
        ChannelOutput.Outcome outcome = ChannelOutput.write(channel, key, out, filler, WRITE_ROUNDS);
        if (outcome != ChannelOutput.Outcome.PENDING) {
            // nothing left in it (IDLE), or the connection is broken (FAILED)
            BufferPool.release(out);
            out = null;
        }
        switch (outcome) {
            case IDLE:
                if (closeWhenFlushed) {
                    close(closeAsProtocolError);
                }
                break;
            case FAILED:
                failErrno = Session.ECONNRESET;
                close(false);
                break;
            default:
                break;
        }
    }

    /** Encodes commands and queued frames into the output buffer while it has room. */
    private void fill() {
        while (out.hasRemaining()) {
            if (!writer.drainPending(out)) {
                return;
            }
            byte[] command = commands.peek();
            if (command != null) {
                if (out.remaining() < Math.min(command.length, BUFFER_SIZE)) {
                    return;
                }
                commands.poll();
                writer.putRaw(out, command);
                continue;
            }
            if (state != State.ACTIVE || out.remaining() < MAX_HEADER || !nextFrame()) {
                return;
            }
        }
    }

    /** Encodes the next frame from the pipe; false if there is none now. */
    private boolean nextFrame() {
        byte[] frame = pipe.read();
        if (frame == null) {
            if (pipe.isInEnded() || session.isClosing()) {
                closeWhenFlushed = true;
            }
            return false;
        }
        boolean more = pipe.lastMore();
        if (skipping) {
            skipping = more;
            return true;
        }
        midMessageOut = more;
        writer.put(out, frame, more, (pipe.lastFlags() & FrameQueue.FLAG_COMMAND) != 0);
        return true;
    }

    // ------------------------------------------------------------------ closing

    private void setInterest(int op, boolean on) {
        ChannelOutput.setInterest(key, op, on);
    }

    private void close(boolean protocolError) {
        if (state == State.CLOSED) {
            return;
        }
        if (!protocolError && failErrno != 0 && (state == State.GREETING || state == State.HANDSHAKE)) {
            session.handshakeFailed(EventType.HANDSHAKE_FAILED_NO_DETAIL, failErrno);
        }
        state = State.CLOSED;
        heartbeats.stop();
        closeZap();
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
        closeChannel();
        releaseBuffers();
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

    /** Returns both buffers to the pool; what they still held is dropped with the connection. */
    private void releaseBuffers() {
        if (in != null) {
            BufferPool.release(in);
            in = null;
        }
        if (out != null) {
            BufferPool.release(out);
            out = null;
        }
    }

    private void closeChannel() {
        ChannelOutput.close(key, channel);
    }
}
