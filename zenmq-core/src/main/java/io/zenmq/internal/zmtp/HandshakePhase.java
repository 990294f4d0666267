// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import io.zenmq.EventType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The handshake phase of a {@link ZmtpConnection}, from our signature to the first frame that may
 * flow (spec zmtp.md, security.md): the staged greeting and its version fallback
 * ({@link GreetingExchange}), then either the mechanism's handshake with the ZAP requests it makes,
 * ended by the peer's READY metadata and its socket-type check, or a legacy peer's identity frame.
 * It also keeps the handshake deadline. Greeting bytes and commands go to the connection's
 * {@link FrameWriter}; success makes the connection active, errors end it.
 *
 * <p>Pure, as its connection. Owner: the connection's I/O thread; not thread-safe.
 */
final class HandshakePhase {
    private static final byte[][] NO_CREDENTIALS = new byte[0][];

    private final ZmtpConnection connection;
    private final ConnectionSettings settings;
    private final Mechanism mechanism;
    private final ZmtpConnection.Events events;
    private final FrameWriter writer;
    private final GreetingExchange greeting;
    private final MechanismOutput mechanismOutput = new MechanismOutput();
    /** The peer sent ERROR in the handshake: libzmq reports no protocol failure for it. */
    private boolean errorReceived;
    private boolean deadlineArmed;
    private long deadline;

    HandshakePhase(ZmtpConnection connection, ConnectionSettings settings, Mechanism mechanism,
                   ZmtpConnection.Events events, FrameWriter writer) {
        this.connection = connection;
        this.settings = settings;
        this.mechanism = mechanism;
        this.events = events;
        this.writer = writer;
        this.greeting = new GreetingExchange(mechanism.name(), false, settings.type().name(),
                settings.routingId(), settings.legacyAllowed());
    }

    /** Arms the handshake deadline, if the socket has one, and returns our signature to send. */
    byte[] start(long nowNanos) {
        if (settings.handshakeIvlNanos() > 0) {
            deadlineArmed = true;
            deadline = nowNanos + settings.handshakeIvlNanos();
        }
        return greeting.start();
    }

    /**
     * Consumes the peer's greeting bytes. Once the greeting is complete, a 3.x peer must use our
     * mechanism, whose handshake starts; from a legacy peer we wait for its identity frame, in its
     * framing.
     *
     * @return true once the greeting is complete
     */
    boolean greeting(ByteBuffer in) throws ProtocolException {
        byte[] reply = greeting.feed(in);
        if (reply.length > 0) {
            // written at once, even if the peer turns out wrong: it learns our mechanism
            writer.queueRaw(reply);
        }
        if (!greeting.isComplete()) {
            return false;
        }
        ZmtpVersion version = greeting.version();
        connection.peerVersionKnown(version);
        if (version.isLegacy()) {
            if (version == ZmtpVersion.ZMTP_1_0) {
                // what the greeting decoder read was the start of the peer's identity frame
                connection.decodeGreetingLeftover(greeting.peer().unversionedBytes());
            }
            return true;
        }
        if (!greeting.sameMechanism()) {
            throw new ProtocolException(ProtocolErrors.ZMTP_MECHANISM_MISMATCH,
                    "peer uses mechanism " + greeting.peer().mechanism());
        }
        mechanism.start(mechanismOutput);
        return true;
    }

    /**
     * A ZMTP 1.0/2.0 peer's first frame, its identity: the connection is ready. The identity becomes the
     * peer's {@code Identity} property (a ROUTER routes by it).
     *
     * @return false if the socket refused the peer
     */
    boolean legacyIdentity(byte[] identity) {
        Map<String, byte[]> properties = new LinkedHashMap<>();
        properties.put(ZmtpLayout.PROPERTY_IDENTITY, identity);
        return connection.goActive(properties);
    }

    /** A command of the mechanism's handshake, or the peer's ERROR refusing it. */
    void command(byte[] body) throws ProtocolException {
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
        writer.requestWrite();
    }

    /** A ZAP status code: 300, 400 or 500 and their kin. */
    private static boolean isZapStatus(String reason) {
        return reason.length() == 3 && reason.charAt(0) >= '3' && reason.charAt(0) <= '5'
                && isDigit(reason.charAt(1)) && isDigit(reason.charAt(2));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Passes the ZAP handler's answer to the mechanism. */
    void zapReplied(ZapReply reply) throws ProtocolException {
        mechanism.onZapReply(reply, mechanismOutput);
        writer.requestWrite();
    }

    /** The mechanism finished: check the peer's socket type and hand the connection over. */
    private void mechanismSucceeded(Map<String, byte[]> properties) {
        byte[] peerType = Metadata.get(properties, ZmtpLayout.PROPERTY_SOCKET_TYPE);
        if (peerType != null) {
            String name = new String(peerType, StandardCharsets.US_ASCII);
            if (!SocketTypes.compatible(settings.type().name(), name)) {
                // libzmq just closes; an ERROR first tells the peer why (RFC 37), best effort
                writer.queueCommand(Commands.errorBody("Invalid socket type"));
                connection.fail(new ProtocolException(ProtocolErrors.ZMTP_INVALID_METADATA,
                        "incompatible peer socket type " + name));
                return;
            }
        }
        connection.goActiveAfterMechanism(properties);
    }

    /** Reports a protocol error that ends the handshake, unless the peer's ERROR already did. */
    void failed(int protocolError) {
        if (!errorReceived) {
            events.handshakeFailed(EventType.HANDSHAKE_FAILED_PROTOCOL, protocolError);
        }
    }

    /** Whether the handshake deadline is armed. */
    boolean deadlineArmed() {
        return deadlineArmed;
    }

    /** When the handshake must be done by; meaningful while {@link #deadlineArmed()}. */
    long deadline() {
        return deadline;
    }

    /** The handshake is over, one way or the other: no more deadline. */
    void disarmDeadline() {
        deadlineArmed = false;
    }

    /** What the mechanism asks of the connection during the handshake. */
    private final class MechanismOutput implements Mechanism.Output {
        @Override
        public void send(byte[] body) {
            writer.queueCommand(body);
        }

        @Override
        public void askZap(String mechanismName, byte[]... credentials) {
            events.zapRequest(mechanismName, credentials == null ? NO_CREDENTIALS : credentials);
        }

        @Override
        public void ready(Map<String, byte[]> peerProperties) {
            mechanismSucceeded(peerProperties);
        }

        @Override
        public void refused(int zapStatus) {
            String why = "authentication refused the peer: " + zapStatus;
            events.handshakeFailed(EventType.HANDSHAKE_FAILED_AUTH, zapStatus);
            connection.refuse(why);
        }

        @Override
        public void failed(int errno) {
            String why = "the handshake failed: errno " + errno;
            events.handshakeFailed(EventType.HANDSHAKE_FAILED_NO_DETAIL, errno);
            connection.refuse(why);
        }

        @Override
        public long nowNanos() {
            return connection.now();
        }
    }
}
