// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import io.zenmq.EventType;
import io.zenmq.SocketType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ZMTP connection as pure protocol: bytes and the time in, bytes to write, frames, events and
 * the next deadline out (spec zmtp.md, security.md). It stages the greeting and falls back to
 * ZMTP 3.0, 2.0 or 1.0 ({@link GreetingExchange}); runs the mechanism's handshake, checks the
 * peer's socket type (an ERROR "Invalid socket type", then a protocol error) or, with a legacy
 * peer, takes its identity frame; then moves frames between the wire and the socket, answering
 * PING, keeping the heartbeat and handshake deadlines, wrapping frames for CURVE and translating
 * subscriptions (commands for 3.1 peers, {@code 01}/{@code 00} messages for older ones).
 *
 * <p>How it is driven: {@link #start}, then {@link #received} for every batch of bytes read,
 * {@link #fill} whenever the output buffer can take bytes, {@link #deadlineReached} at
 * {@link #nextDeadline}, and {@link #zapReplied} with the ZAP handler's answer. After each call the
 * driver looks at {@link #takeWriteRequest()} (something to write now) and {@link #status()}.
 * Decoded frames go to the {@link Inbound} sink as they complete; outgoing frames are pulled from the
 * {@link Outbound} source straight into the output buffer. Monitor-worthy events go to
 * {@link Events}, in the order libzmq reports them.
 *
 * <p>Pure: no channel, thread, clock or logger; randomness and keys come in with the
 * {@link Mechanism}. Owner: the I/O thread of its connection; not thread-safe.
 */
public final class ZmtpConnection {
    /** Frame flag of {@link Inbound} and {@link Outbound}: more frames of the message follow. */
    public static final int MORE = 1;
    /** Frame flag: a subscription whose body is the topic prefix to add. */
    public static final int SUBSCRIBE = 2;
    /** Frame flag: a subscription whose body is the topic prefix to remove. */
    public static final int CANCEL = 4;
    /** Either subscription flag. */
    public static final int SUBSCRIPTION = SUBSCRIBE | CANCEL;
    /**
     * Largest frame accepted before the handshake is done: the biggest legitimate command (CURVE
     * INITIATE with metadata) is far smaller, and an unauthenticated peer must not make us buffer
     * megabytes. libzmq applies only MAXMSGSIZE here.
     */
    public static final int MAX_HANDSHAKE_FRAME = 64 * 1024;

    /** Where decoded frames go: the socket's inbound queue. */
    public interface Inbound {
        /**
         * Takes one frame.
         *
         * @param body the frame's bytes, owned by the callee (a subscription's body is its topic)
         * @param flags {@link #MORE}, {@link #SUBSCRIBE}, {@link #CANCEL}
         * @return true to keep decoding, false to stop after this frame (the queue is full)
         */
        boolean frame(byte[] body, int flags);
    }

    /** Where outgoing frames come from: the socket's outbound queue. */
    public interface Outbound {
        /**
         * Takes the next frame to send.
         *
         * @return its bytes, or null if none is queued now
         */
        byte[] next();

        /**
         * Returns the flags of the frame {@link #next} returned last.
         *
         * @return {@link #MORE}, {@link #SUBSCRIBE}, {@link #CANCEL}
         */
        int lastFlags();
    }

    /** What the connection tells its driver, as it happens. */
    public interface Events {
        /**
         * The handshake succeeded; frames may flow from now on.
         *
         * @param peerProperties the peer's metadata (READY, ZAP's User-Id and metadata, or a legacy
         *     peer's Identity), owned by the callee
         * @return false if the socket refused the connection (it ends as {@link Status#REJECTED})
         */
        boolean handshakeSucceeded(Map<String, byte[]> peerProperties);

        /**
         * A HANDSHAKE_FAILED_* monitor event.
         *
         * @param type the event
         * @param value a ZMQ_PROTOCOL_ERROR_* code, a ZAP status code or an errno
         */
        void handshakeFailed(EventType type, int value);

        /**
         * The mechanism asks the ZAP handler about the peer; answer with {@link #zapReplied} once
         * the current call returned.
         *
         * @param mechanism the mechanism name for the request
         * @param credentials the credential frames
         */
        void zapRequest(String mechanism, byte[][] credentials);
    }

    /** Where the connection stands, as its driver must act on it. */
    public enum Status {
        /** Going on. */
        OPEN,
        /** Authentication refused the peer: read nothing more, close as a protocol error once written out. */
        REFUSED,
        /** A protocol error (see {@link #protocolError()}): write what is queued, close, never reconnect. */
        PROTOCOL_ERROR,
        /** The socket refused the connection in {@link Events#handshakeSucceeded}: close. */
        REJECTED,
        /** The handshake deadline passed: close (ETIMEDOUT). */
        HANDSHAKE_TIMEOUT,
        /** The peer went silent (heartbeat timeout or its TTL): close. */
        HEARTBEAT_EXPIRED
    }

    private enum State { NEW, GREETING, HANDSHAKE, ACTIVE, CLOSED }

    private static final byte[][] NO_CREDENTIALS = new byte[0][];

    private final ConnectionSettings settings;
    private final Mechanism mechanism;
    private final Events events;
    private final Inbound inbound;
    private final Outbound outbound;
    private final GreetingExchange greeting;
    private final FrameWriter writer = new FrameWriter();
    private final Decoded decoded = new Decoded();
    private final MechanismOutput mechanismOutput = new MechanismOutput();
    private FrameDecoder decoder;
    private Heartbeats heartbeats;
    private State state = State.NEW;
    private Status status = Status.OPEN;
    /** The peer's protocol, null until its greeting is read. */
    private ZmtpVersion version;
    private long now;
    private boolean handshakeDeadlineArmed;
    private long handshakeDeadline;
    private boolean writeRequested;
    private boolean handshakeDone;
    /** The peer sent ERROR in the handshake: libzmq reports no protocol failure for it. */
    private boolean errorReceived;
    private int protocolError;
    private String failure = "";

    /**
     * Prepares a connection; nothing happens before {@link #start}.
     *
     * @param settings the socket's settings
     * @param mechanism our side of the security handshake, with its keys and randomness
     * @param events told about the handshake's outcome and ZAP requests
     * @param inbound takes decoded frames
     * @param outbound gives frames to send
     */
    public ZmtpConnection(ConnectionSettings settings, Mechanism mechanism, Events events, Inbound inbound,
                          Outbound outbound) {
        this.settings = settings;
        this.mechanism = mechanism;
        this.events = events;
        this.inbound = inbound;
        this.outbound = outbound;
        this.decoder = new FrameDecoder(handshakeLimit(settings.maxMessageSize()));
        this.greeting = new GreetingExchange(mechanism.name(), false, settings.type().name(),
                settings.routingId(), settings.legacyAllowed());
    }

    /**
     * The connection is up: queues our signature and starts the handshake deadline.
     *
     * @param nowNanos the current time
     */
    public void start(long nowNanos) {
        now = nowNanos;
        heartbeats = new Heartbeats(settings.heartbeatIvlNanos(), settings.heartbeatTtlNanos(),
                settings.heartbeatTimeoutNanos(), nowNanos);
        if (settings.handshakeIvlNanos() > 0) {
            handshakeDeadlineArmed = true;
            handshakeDeadline = nowNanos + settings.handshakeIvlNanos();
        }
        state = State.GREETING;
        writer.queueRaw(greeting.start());
        writeRequested = true;
    }

    // ------------------------------------------------------------------ input

    /**
     * Takes bytes just read from the peer (proof of life for the heartbeats) and decodes them.
     *
     * @param in the bytes, in read mode; consumed up to where decoding stopped
     * @param nowNanos the current time
     * @return true if the {@link Inbound} sink asked to stop: read nothing more until the socket
     *     drained its queue, then call {@link #resume}
     */
    public boolean received(ByteBuffer in, long nowNanos) {
        now = nowNanos;
        heartbeats.inputSeen(nowNanos);
        return decode(in);
    }

    /**
     * Decodes bytes left over when the sink asked to stop, once the socket drained its queue.
     *
     * @param in the bytes, in read mode
     * @return true if the sink asked to stop again
     */
    public boolean resume(ByteBuffer in) {
        return decode(in);
    }

    private boolean decode(ByteBuffer in) {
        if (state == State.CLOSED || status == Status.REFUSED) {
            return false;
        }
        try {
            if (state == State.GREETING) {
                byte[] reply = greeting.feed(in);
                if (reply.length > 0) {
                    // written at once, even if the peer turns out wrong: it learns our mechanism
                    writer.queueRaw(reply);
                    writeRequested = true;
                }
                if (!greeting.isComplete()) {
                    return false;
                }
                greetingReceived();
                if (state == State.CLOSED || status == Status.REFUSED) {
                    return false;
                }
            }
            return decoder.decode(in, decoded) == FrameDecoder.Status.STOPPED && state == State.ACTIVE;
        } catch (ProtocolException e) {
            fail(e);
            return false;
        }
    }

    /**
     * The peer's greeting is in (and what we owe it is queued). A 3.x peer must use our mechanism, whose
     * handshake starts; from a legacy peer we wait for its identity frame, in its framing.
     */
    private void greetingReceived() throws ProtocolException {
        version = greeting.version();
        writer.setVersion(version);
        state = State.HANDSHAKE;
        writeRequested = true;
        if (version.isLegacy()) {
            if (version.usesZmtp10Framing()) {
                decoder = FrameDecoder.zmtp10(handshakeLimit(settings.maxMessageSize()));
            }
            if (version == ZmtpVersion.ZMTP_1_0) {
                // what the greeting decoder read was the start of the peer's identity frame
                decoder.decode(ByteBuffer.wrap(greeting.peer().unversionedBytes()), decoded);
            }
            return;
        }
        if (!greeting.sameMechanism()) {
            throw new ProtocolException(ProtocolErrors.ZMTP_MECHANISM_MISMATCH,
                    "peer uses mechanism " + greeting.peer().mechanism());
        }
        mechanism.start(mechanismOutput);
    }

    /** The decoder's frames, by the connection's state. */
    private final class Decoded implements FrameSink {
        @Override
        public boolean onFrame(byte[] body, boolean more) throws ProtocolException {
            if (state == State.HANDSHAKE && version.isLegacy()) {
                return legacyIdentity(body);
            }
            if (state != State.ACTIVE) {
                throw new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                        "message before the handshake finished");
            }
            if (writer.wraps()) {
                return unwrapped(mechanism.decode(body));
            }
            return inbound.frame(body, more ? MORE : 0);
        }

        @Override
        public boolean onCommand(byte[] body) throws ProtocolException {
            if (version.isLegacy()) {
                // ZMTP 2.0 has no commands (the bit is reserved); libzmq drops such frames too
                return true;
            }
            if (state == State.HANDSHAKE) {
                handshakeCommand(body);
                return state != State.CLOSED && status != Status.REFUSED;
            }
            if (writer.wraps()) {
                // libzmq sends MESSAGE in ordinary frames; accept one in a command frame too (spec 3.8)
                return unwrapped(mechanism.decode(body));
            }
            return activeCommand(body);
        }
    }

    /**
     * A ZMTP 1.0/2.0 peer's first frame, its identity: the connection is ready. The identity becomes the
     * peer's {@code Identity} property (a ROUTER routes by it). A PUB/XPUB gets a subscription to
     * everything from an unversioned 1.0 peer, which never sends subscriptions (as libzmq).
     */
    private boolean legacyIdentity(byte[] identity) {
        Map<String, byte[]> properties = new LinkedHashMap<>();
        properties.put(ZmtpLayout.PROPERTY_IDENTITY, identity);
        if (!connectionReady(properties)) {
            return false;
        }
        if (version == ZmtpVersion.ZMTP_1_0 && isPublisher()) {
            return inbound.frame(new byte[0], SUBSCRIBE);
        }
        return true;
    }

    /** A frame the mechanism unwrapped: its own flags say whether it is a command. */
    private boolean unwrapped(Mechanism.Unwrapped frame) throws ProtocolException {
        if ((frame.flags() & ZmtpLayout.FLAG_COMMAND) != 0) {
            return activeCommand(frame.frame());
        }
        return inbound.frame(frame.frame(), (frame.flags() & ZmtpLayout.FLAG_MORE) != 0 ? MORE : 0);
    }

    private boolean activeCommand(byte[] body) throws ProtocolException {
        if (Commands.is(body, ZmtpLayout.SUBSCRIBE)) {
            return subscriptionReceived(body, SUBSCRIBE);
        }
        if (Commands.is(body, ZmtpLayout.CANCEL)) {
            return subscriptionReceived(body, CANCEL);
        }
        if (Commands.is(body, ZmtpLayout.PING)) {
            heartbeats.pingReceived(Commands.pingTtl(body));
            queueCommand(Commands.pongBody(Commands.pingContext(body)));
        } else if (Commands.is(body, ZmtpLayout.ERROR)) {
            throw new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED,
                    "peer sent ERROR " + Commands.parseError(body));
        }
        // PONG and unknown commands are ignored, as libzmq does
        return true;
    }

    /** Only a publisher takes subscriptions; they reach it in the socket's own form. */
    private boolean subscriptionReceived(byte[] body, int flag) throws ProtocolException {
        if (!isPublisher()) {
            return true;
        }
        return inbound.frame(Commands.topic(body), flag);
    }

    private boolean isPublisher() {
        SocketType type = settings.type();
        return type == SocketType.PUB || type == SocketType.XPUB;
    }

    private void handshakeCommand(byte[] body) throws ProtocolException {
        String reason = PeerError.reason(body);
        if (reason != null) {
            if (isZapStatus(reason)) {
                // as libzmq: a ZAP status code in the reason is an authentication failure
                events.handshakeFailed(EventType.HANDSHAKE_FAILED_AUTH, Integer.parseInt(reason));
            }
            errorReceived = true;
            throw new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED, "peer refused the handshake: " + reason);
        }
        mechanism.onCommand(body, mechanismOutput);
        writeRequested = true;
    }

    /** A ZAP status code: 300, 400 or 500 and their kin. */
    private static boolean isZapStatus(String reason) {
        return reason.length() == 3 && reason.charAt(0) >= '3' && reason.charAt(0) <= '5'
                && isDigit(reason.charAt(1)) && isDigit(reason.charAt(2));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The mechanism finished: check the peer's socket type and hand the connection over. */
    private void handshakeSucceeded(Map<String, byte[]> properties) {
        byte[] peerType = Metadata.get(properties, ZmtpLayout.PROPERTY_SOCKET_TYPE);
        if (peerType != null) {
            String name = new String(peerType, StandardCharsets.US_ASCII);
            if (!SocketTypes.compatible(settings.type().name(), name)) {
                // libzmq just closes; an ERROR first tells the peer why (RFC 37), best effort
                queueCommand(Commands.errorBody("Invalid socket type"));
                fail(new ProtocolException(ProtocolErrors.ZMTP_INVALID_METADATA,
                        "incompatible peer socket type " + name));
                return;
            }
        }
        if (connectionReady(properties)) {
            if (mechanism.encrypts()) {
                writer.wrapWith(mechanism);
            }
            heartbeats.start(now);
        }
    }

    /**
     * Hands the connection to the socket and goes active: no more handshake deadline (for legacy
     * peers too, unlike libzmq 4.3.4, which drops them when it expires), the full frame size limit.
     * Writing is requested even with nothing queued: reading the socket's queue until it is empty
     * arms its wake-up for what the socket sends next.
     */
    private boolean connectionReady(Map<String, byte[]> properties) {
        if (!events.handshakeSucceeded(properties)) {
            state = State.CLOSED;
            status = Status.REJECTED;
            return false;
        }
        state = State.ACTIVE;
        handshakeDone = true;
        handshakeDeadlineArmed = false;
        decoder.setMaxFrameSize(settings.maxMessageSize());
        writeRequested = true;
        return true;
    }

    private static long handshakeLimit(long maxMessageSize) {
        return maxMessageSize < 0 ? MAX_HANDSHAKE_FRAME : Math.min(maxMessageSize, MAX_HANDSHAKE_FRAME);
    }

    // ------------------------------------------------------------------ ZAP and time

    /**
     * Takes the ZAP handler's answer to the last {@link Events#zapRequest}.
     *
     * @param reply the reply, or {@link ZapReply#NO_HANDLER}
     * @param nowNanos the current time
     * @return false if the answer came too late to matter (the handshake is over)
     */
    public boolean zapReplied(ZapReply reply, long nowNanos) {
        now = nowNanos;
        if (state != State.HANDSHAKE || status != Status.OPEN) {
            return false;
        }
        try {
            mechanism.onZapReply(reply, mechanismOutput);
        } catch (ProtocolException e) {
            fail(e);
            return true;
        }
        writeRequested = true;
        return true;
    }

    /**
     * The ZAP exchange broke (a malformed reply): a protocol error.
     *
     * @param error what was wrong
     */
    public void zapBroken(ProtocolException error) {
        if (state != State.CLOSED) {
            fail(error);
        }
    }

    /**
     * Tells whether a deadline is armed.
     *
     * @return true if {@link #nextDeadline} means something
     */
    public boolean hasDeadline() {
        return state != State.CLOSED && (handshakeDeadlineArmed || heartbeats.armed());
    }

    /**
     * Returns when {@link #deadlineReached} must be called next (valid if {@link #hasDeadline}).
     *
     * @return a nanoTime value
     */
    public long nextDeadline() {
        if (!heartbeats.armed()) {
            return handshakeDeadline;
        }
        long next = heartbeats.nextDeadline();
        return handshakeDeadlineArmed && handshakeDeadline - next < 0 ? handshakeDeadline : next;
    }

    /**
     * Runs what is due at {@code nowNanos}: the handshake deadline, the heartbeat timeouts, a PING.
     *
     * @param nowNanos the current time
     */
    public void deadlineReached(long nowNanos) {
        now = nowNanos;
        if (state == State.CLOSED) {
            return;
        }
        if (handshakeDeadlineArmed && nowNanos - handshakeDeadline >= 0) {
            handshakeDeadlineArmed = false;
            failure = "handshake timed out";
            end(Status.HANDSHAKE_TIMEOUT);
            return;
        }
        if (heartbeats.expired(nowNanos)) {
            failure = "heartbeat expired: the peer went silent";
            end(Status.HEARTBEAT_EXPIRED);
            return;
        }
        if (heartbeats.pingDue(nowNanos) && state == State.ACTIVE) {
            queueCommand(Commands.pingBody(heartbeats.pingTtl(), new byte[0]));
        }
    }

    // ------------------------------------------------------------------ output

    /**
     * Encodes what is due to the peer into {@code out} while it has room: greeting bytes and
     * commands first, then (once active) the socket's frames, pulled from the {@link Outbound}.
     * After a protocol error only what was queued before it goes out.
     *
     * @param out the output buffer, in write mode
     */
    public void fill(ByteBuffer out) {
        writer.fill(out, outbound, state == State.ACTIVE);
    }

    /**
     * Tells whether something was queued to write since the last call, and forgets it.
     *
     * @return true if the driver should write now
     */
    public boolean takeWriteRequest() {
        boolean requested = writeRequested;
        writeRequested = false;
        return requested;
    }

    private void queueCommand(byte[] body) {
        writer.queueCommand(body);
        writeRequested = true;
    }

    // ------------------------------------------------------------------ outcome

    /**
     * Returns where the connection stands.
     *
     * @return {@link Status#OPEN} while it goes on
     */
    public Status status() {
        return status;
    }

    /**
     * Tells whether frames flow (the handshake succeeded and nothing ended the connection).
     *
     * @return true when active
     */
    public boolean isActive() {
        return state == State.ACTIVE;
    }

    /**
     * Tells whether the handshake ever succeeded (a failure before it is a handshake failure).
     *
     * @return true once the connection went active
     */
    public boolean handshakeDone() {
        return handshakeDone;
    }

    /**
     * Returns the ZMQ_PROTOCOL_ERROR_* code of a {@link Status#PROTOCOL_ERROR}.
     *
     * @return the code, 0 if none
     */
    public int protocolError() {
        return protocolError;
    }

    /**
     * Says why the connection ended, for logs.
     *
     * @return a short description, empty while open
     */
    public String failure() {
        return failure;
    }

    private void fail(ProtocolException e) {
        if ((state == State.GREETING || state == State.HANDSHAKE) && !errorReceived) {
            events.handshakeFailed(EventType.HANDSHAKE_FAILED_PROTOCOL, e.code());
        }
        protocolError = e.code();
        failure = "protocol error: " + e.getMessage();
        end(Status.PROTOCOL_ERROR);
    }

    private void end(Status reason) {
        state = State.CLOSED;
        status = reason;
        heartbeats.stop();
        handshakeDeadlineArmed = false;
    }

    /** Reads nothing more from the peer; what is queued (an ERROR) still goes out. */
    private void refuse() {
        status = Status.REFUSED;
        writeRequested = true;
    }

    /** What the mechanism asks of the connection during the handshake. */
    private final class MechanismOutput implements Mechanism.Output {
        @Override
        public void send(byte[] body) {
            queueCommand(body);
        }

        @Override
        public void askZap(String mechanismName, byte[]... credentials) {
            events.zapRequest(mechanismName, credentials == null ? NO_CREDENTIALS : credentials);
        }

        @Override
        public void ready(Map<String, byte[]> peerProperties) {
            handshakeSucceeded(peerProperties);
        }

        @Override
        public void refused(int zapStatus) {
            failure = "authentication refused the peer: " + zapStatus;
            events.handshakeFailed(EventType.HANDSHAKE_FAILED_AUTH, zapStatus);
            refuse();
        }

        @Override
        public void failed(int errno) {
            failure = "the handshake failed: errno " + errno;
            events.handshakeFailed(EventType.HANDSHAKE_FAILED_NO_DETAIL, errno);
            refuse();
        }
    }
}
