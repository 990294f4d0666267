// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.io.IoHandler;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.io.Timer;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.FrameDecoder;
import io.zenmq.internal.zmtp.FrameEncoder;
import io.zenmq.internal.zmtp.FrameSink;
import io.zenmq.internal.zmtp.Greeting;
import io.zenmq.internal.zmtp.Metadata;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.SocketTypes;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import io.zenmq.EventType;
import io.zenmq.SocketType;
import io.zenmq.internal.pipe.FrameQueue;

/**
 * Speaks ZMTP 3.1 (NULL mechanism) on one stream connection: greeting, READY exchange with the
 * socket-type check, then frames between the channel and the session's pipe.
 *
 * <p>Owner: its I/O thread. Reading: the channel fills a reusable direct buffer and the pure
 * {@link FrameDecoder} turns it into frames written to the pipe; when the socket's queue reaches
 * its high-water mark the engine stops reading until the socket drains it. Writing: frames taken
 * from the pipe are encoded back to back into one reusable direct buffer (large bodies stream
 * through it), so many small messages go out per write call.
 */
final class ZmtpEngine implements Engine, IoHandler, FrameSink, Heartbeats.Target {
    private static final System.Logger LOG = System.getLogger(ZmtpEngine.class.getName());
    private static final String MECHANISM = "NULL";
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final int MAX_HEADER = ZmtpLayout.LONG_HEADER_LENGTH;
    /** Write rounds per readiness event before yielding to other connections. */
    private static final int WRITE_ROUNDS = 16;
    private static final int READ_ROUNDS = 16;

    private enum State { GREETING, HANDSHAKE, ACTIVE, CLOSED }

    private final IoThread io;
    private final Session session;
    private final SocketChannel channel;
    private final ConnectionOptions options;
    private final ByteBuffer in = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_SIZE);
    private final Greeting.Decoder greeting = new Greeting.Decoder();
    private final FrameDecoder decoder;
    private final ArrayDeque<byte[]> commands = new ArrayDeque<>();
    private final byte[] ourGreeting = Greeting.encode(MECHANISM, false);
    private SelectionKey key;
    private final Runnable filler = this::fill;
    private State state = State.GREETING;
    private Pipe pipe;
    private Timer handshakeTimer;
    private final Heartbeats heartbeats;
    private boolean inputPaused;
    private boolean skipping;
    private boolean midMessageOut;
    private byte[] pendingBody;
    private int pendingOffset;
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
        this.options = options;
        this.decoder = new FrameDecoder(options.maxMessageSize());
        this.heartbeats = new Heartbeats(io, options.heartbeat(), this);
        in.flip();
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
        commands.add(ourGreeting);
        writeOutput();
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
        decode();
        if (state == State.ACTIVE && !inputPaused) {
            setInterest(SelectionKey.OP_READ, true);
            readInput();
        }
    }

    @Override
    public void abort() {
        heartbeats.stop();
        closeChannel();
        state = State.CLOSED;
        rollbackInbound();
    }

    // ------------------------------------------------------------------ input

    private void readInput() {
        for (int round = 0; round < READ_ROUNDS && state != State.CLOSED && !inputPaused; round++) {
            int n;
            try {
                in.compact();
                n = channel.read(in);
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
        }
    }

    private void decode() {
        try {
            if (state == State.GREETING) {
                if (!greeting.feed(in)) {
                    return;
                }
                greetingReceived();
            }
            if (state == State.HANDSHAKE || state == State.ACTIVE) {
                FrameDecoder.Status status = decoder.decode(in, this);
                if (pipe != null) {
                    pipe.flush();
                }
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
            LOG.log(System.Logger.Level.DEBUG, () -> "protocol error: " + e.getMessage());
            if ((state == State.GREETING || state == State.HANDSHAKE) && !errorReceived) {
                session.handshakeFailed(EventType.HANDSHAKE_FAILED_PROTOCOL, e.code());
            }
            close(true);
        }
    }

    private void greetingReceived() throws ProtocolException {
        if (!greeting.sameMechanism(ourGreeting)) {
            throw new ProtocolException(ProtocolErrors.ZMTP_MECHANISM_MISMATCH,
                    "peer uses mechanism " + greeting.mechanism());
        }
        state = State.HANDSHAKE;
        byte[] identity = options.sendsIdentity() ? options.routingId() : null;
        commands.add(FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, Commands.readyBody(options.type().name(), identity)));
        writeOutput();
    }

    @Override
    public boolean onFrame(byte[] body, boolean more) {
        if (state != State.ACTIVE) {
            failed = true;
            failure = "message before the handshake finished";
            return false;
        }
        pipe.write(body, more);
        // whole messages are published once per decoded batch (see decode), not one by one
        return more || pipe.checkWritable();
    }

    @Override
    public boolean onCommand(byte[] body) throws ProtocolException {
        if (state == State.HANDSHAKE) {
            handshakeCommand(body);
            return state == State.ACTIVE;
        }
        if (Commands.is(body, "SUBSCRIBE") || Commands.is(body, "CANCEL")) {
            return subscriptionReceived(body);
        }
        if (Commands.is(body, "PING")) {
            heartbeats.pingReceived(Commands.pingTtl(body));
            commands.add(FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, Commands.pongBody(Commands.pingContext(body))));
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
        if (Commands.is(body, "ERROR")) {
            String reason = Commands.parseError(body);
            if (reason.matches("[345][0-9][0-9]")) {
                // as libzmq: a ZAP status code in the reason is an authentication failure
                session.handshakeFailed(EventType.HANDSHAKE_FAILED_AUTH, Integer.parseInt(reason));
            }
            // libzmq reports no protocol failure for an ERROR it parsed
            errorReceived = true;
            throw new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED, "peer refused the handshake: " + reason);
        }
        if (!Commands.is(body, "READY")) {
            throw new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "expected READY");
        }
        Map<String, byte[]> properties = Commands.parseReady(body);
        byte[] peerType = Metadata.get(properties, "Socket-Type");
        if (peerType != null) {
            String name = new String(peerType, StandardCharsets.US_ASCII);
            if (!SocketTypes.compatible(options.type().name(), name)) {
                // libzmq just closes; an ERROR first tells the peer why (RFC 37), best effort
                commands.add(FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, Commands.errorBody("Invalid socket type")));
                writeOutput();
                throw new ProtocolException(ProtocolErrors.ZMTP_INVALID_METADATA,
                        "incompatible peer socket type " + name);
            }
        }
        pipe = session.engineReady(properties);
        if (pipe == null) {
            close(false);
            return;
        }
        state = State.ACTIVE;
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
            handshakeTimer = null;
        }
        skipping = session.takeSkipOutbound();
        heartbeats.start();
        writeOutput();
    }

    @Override
    public void sendPing(int ttlDeciseconds) {
        if (state == State.ACTIVE) {
            commands.add(FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, Commands.pingBody(ttlDeciseconds, new byte[0])));
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
        switch (ChannelOutput.write(channel, key, out, filler, WRITE_ROUNDS)) {
            case IDLE:
                if (closeWhenFlushed) {
                    close(false);
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
            if (pendingBody != null) {
                int n = Math.min(out.remaining(), pendingBody.length - pendingOffset);
                out.put(pendingBody, pendingOffset, n);
                pendingOffset += n;
                if (pendingOffset == pendingBody.length) {
                    pendingBody = null;
                }
                continue;
            }
            byte[] command = commands.peek();
            if (command != null) {
                if (out.remaining() < Math.min(command.length, BUFFER_SIZE)) {
                    return;
                }
                commands.poll();
                putBody(command, 0);
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
        if ((pipe.lastFlags() & FrameQueue.FLAG_COMMAND) != 0) {
            putCommand(frame);
            return true;
        }
        FrameEncoder.writeHeader(out, more ? ZmtpLayout.FLAG_MORE : 0, frame.length);
        putBody(frame, 0);
        return true;
    }

    /**
     * Sends a command the socket queued (a command body). SUBSCRIBE and CANCEL go to ZMTP 3.0
     * peers in the legacy form, a message of 01/00 followed by the topic (spec zmtp.md section 7).
     */
    private void putCommand(byte[] body) {
        boolean subscribe = Commands.is(body, "SUBSCRIBE");
        if ((subscribe || Commands.is(body, "CANCEL")) && greeting.minor() == 0) {
            int offset = Commands.dataOffset(body);
            byte[] legacy = new byte[body.length - offset + 1];
            legacy[0] = (byte) (subscribe ? 1 : 0);
            System.arraycopy(body, offset, legacy, 1, body.length - offset);
            FrameEncoder.writeHeader(out, 0, legacy.length);
            putBody(legacy, 0);
            return;
        }
        FrameEncoder.writeHeader(out, ZmtpLayout.FLAG_COMMAND, body.length);
        putBody(body, 0);
    }

    private void putBody(byte[] body, int offset) {
        int n = Math.min(out.remaining(), body.length - offset);
        out.put(body, offset, n);
        if (offset + n < body.length) {
            pendingBody = body;
            pendingOffset = offset + n;
        }
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
        if (handshakeTimer != null) {
            handshakeTimer.cancel();
        }
        closeChannel();
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

    private void closeChannel() {
        ChannelOutput.close(key, channel);
    }
}
