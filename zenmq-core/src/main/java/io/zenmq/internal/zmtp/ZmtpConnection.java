// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import io.zenmq.EventType;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * One ZMTP connection as pure protocol: bytes and the time in, bytes to write, frames, events and
 * the next deadline out (spec zmtp.md, security.md). It stages the greeting and falls back to
 * ZMTP 3.0, 2.0 or 1.0, runs the mechanism's handshake and checks the peer's socket type or takes a
 * legacy peer's identity frame (all in its {@link HandshakePhase}); then moves frames between the
 * wire and the socket, answering PING, keeping the heartbeats, unwrapping CURVE frames and
 * translating subscriptions (commands for 3.1 peers, {@code 01}/{@code 00} messages for older ones).
 * Incoming frames are decoded and routed by its {@link FrameReader}, outgoing ones encoded by its
 * {@link FrameWriter}; this class holds the phase, the outcome and the deadlines.
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
    /** Frame flag: a DISH joins the group that is the frame's body (JOIN command). */
    public static final int JOIN = 8;
    /** Frame flag: a DISH leaves the group that is the frame's body (LEAVE command). */
    public static final int LEAVE = 16;
    /** Either group flag. */
    public static final int GROUP_COMMAND = JOIN | LEAVE;
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

        /**
         * Returns an array for the next frame body, of exactly {@code length} bytes, which the
         * decoder overwrites entirely: a new one by default, or one the socket gave back.
         *
         * @param length the body's length, above 0
         * @return an array nobody else refers to
         */
        default byte[] body(int length) {
            return new byte[length];
        }

        /**
         * The heap could not hold the next body: whether to pause reading and try again later
         * (the connection then stops as if the socket's queue were full, and the caller resumes
         * it). The default ends the connection.
         *
         * @return true to wait for memory
         */
        default boolean waitForMemory() {
            return false;
        }
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

    private final Mechanism mechanism;
    private final Events events;
    private final Outbound outbound;
    private final HandshakePhase handshake;
    private final FrameWriter writer = new FrameWriter();
    private final FrameReader reader;
    private final Heartbeats heartbeats;
    private State state = State.NEW;
    private Status status = Status.OPEN;
    private long now;
    private boolean handshakeDone;
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
        this.mechanism = mechanism;
        this.events = events;
        this.outbound = outbound;
        this.heartbeats = new Heartbeats(settings.heartbeatIvlNanos(), settings.heartbeatTtlNanos(),
                settings.heartbeatTimeoutNanos(), 0);
        this.handshake = new HandshakePhase(this, settings, mechanism, events, writer);
        this.reader = new FrameReader(this, handshake, settings, mechanism, inbound, writer, heartbeats);
    }

    /**
     * The connection is up: queues our signature and starts the handshake deadline.
     *
     * @param nowNanos the current time
     */
    public void start(long nowNanos) {
        now = nowNanos;
        heartbeats.inputSeen(nowNanos);
        state = State.GREETING;
        writer.queueRaw(handshake.start(nowNanos));
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
        if (!readsOn()) {
            return false;
        }
        try {
            if (state == State.GREETING && (!handshake.greeting(in) || !readsOn())) {
                return false;
            }
            return reader.decode(in);
        } catch (ProtocolException e) {
            fail(e);
            return false;
        }
    }

    /** Whether input is still read: the connection neither ended nor refused its peer. */
    boolean readsOn() {
        return state != State.CLOSED && status != Status.REFUSED;
    }

    /** Whether the handshake phase runs (the peer's greeting is in, the connection is not active yet). */
    boolean isHandshaking() {
        return state == State.HANDSHAKE;
    }

    // ------------------------------------------------------------------ calls from the handshake phase

    /** The peer's greeting is in: frames go both ways in its version's framing, the handshake proper begins. */
    void peerVersionKnown(ZmtpVersion peerVersion) {
        writer.setVersion(peerVersion);
        reader.peerVersionKnown(peerVersion);
        state = State.HANDSHAKE;
        writer.requestWrite();
    }

    /** Decodes bytes the greeting decoder took that begin the first frame (an unversioned peer's). */
    void decodeGreetingLeftover(byte[] bytes) throws ProtocolException {
        reader.decodeGreetingLeftover(bytes);
    }

    /** The mechanism's handshake succeeded: go active, wrap frames if it encrypts, start the heartbeats. */
    void goActiveAfterMechanism(Map<String, byte[]> properties) {
        if (goActive(properties)) {
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
     *
     * @return false if the socket refused the connection
     */
    boolean goActive(Map<String, byte[]> properties) {
        if (!events.handshakeSucceeded(properties)) {
            state = State.CLOSED;
            status = Status.REJECTED;
            return false;
        }
        state = State.ACTIVE;
        handshakeDone = true;
        handshake.disarmDeadline();
        reader.goActive();
        writer.requestWrite();
        return true;
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
            handshake.zapReplied(reply);
        } catch (ProtocolException e) {
            fail(e);
        }
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
        return state != State.CLOSED && (handshake.deadlineArmed() || heartbeats.armed());
    }

    /** The time handed in with the latest input, ZAP reply or deadline (for the mechanism). */
    long now() {
        return now;
    }

    /**
     * Returns when {@link #deadlineReached} must be called next (valid if {@link #hasDeadline}).
     *
     * @return a nanoTime value
     */
    public long nextDeadline() {
        if (!heartbeats.armed()) {
            return handshake.deadline();
        }
        long next = heartbeats.nextDeadline();
        return handshake.deadlineArmed() && handshake.deadline() - next < 0 ? handshake.deadline() : next;
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
        if (handshake.deadlineArmed() && nowNanos - handshake.deadline() >= 0) {
            handshake.disarmDeadline();
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
            writer.queueCommand(Commands.pingBody(heartbeats.pingTtl(), new byte[0]));
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
        return writer.takeWriteRequest();
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

    void fail(ProtocolException e) {
        if (state == State.GREETING || state == State.HANDSHAKE) {
            handshake.failed(e.code());
        }
        protocolError = e.code();
        failure = "protocol error: " + e.getMessage();
        end(Status.PROTOCOL_ERROR);
    }

    private void end(Status reason) {
        state = State.CLOSED;
        status = reason;
        heartbeats.stop();
        handshake.disarmDeadline();
    }

    /** Reads nothing more from the peer; what is queued (an ERROR) still goes out. */
    void refuse(String why) {
        failure = why;
        status = Status.REFUSED;
        writer.requestWrite();
    }
}
