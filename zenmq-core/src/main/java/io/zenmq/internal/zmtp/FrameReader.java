// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;

/**
 * Decodes one connection's incoming bytes, after the greeting, in the peer's framing and routes each
 * frame by the connection's phase: during the handshake to its {@link HandshakePhase} (commands, or a
 * legacy peer's identity frame); once active, message frames straight to the socket's
 * {@link ZmtpConnection.Inbound}, commands to their handling here: SUBSCRIBE/CANCEL become
 * subscriptions for a publisher, JOIN/LEAVE group changes for a RADIO (a DISH checks that messages
 * come as {@code [group][body]} pairs), PING is answered with PONG and feeds the heartbeats, ERROR ends
 * the connection. After a CURVE handshake frames are unwrapped by the mechanism first. The frame
 * limit is {@link ZmtpConnection#MAX_HANDSHAKE_FRAME} until the connection is active, then the
 * socket's MAXMSGSIZE. The counterpart of {@link FrameWriter}.
 *
 * <p>Owner: the connection's I/O thread (through its {@link ZmtpConnection}).
 */
final class FrameReader implements FrameSink {
    /** A larger wrapped body is not kept for the next one: one big message must not pin its size. */
    private static final int MAX_SPARE_BODY = 4 << 20;
    private final ZmtpConnection connection;
    private final HandshakePhase handshake;
    private final ConnectionSettings settings;
    private final Mechanism mechanism;
    private final ZmtpConnection.Inbound inbound;
    private final FrameWriter writer;
    private final Heartbeats heartbeats;
    /** Where a wrapping mechanism opens frames: the socket's queue, which hands back arrays it is done with. */
    private final IntFunction<byte[]> frameArrays;
    /**
     * The last MESSAGE body a wrapping mechanism opened: nothing refers to it any more, so the next
     * body of the same length is read into it (CURVE at a steady size allocates no ciphertext).
     */
    private byte[] spareWrappedBody;
    /** A DISH checks every message is {@code [group, MORE][body]} (spec patterns.md section 7.2). */
    private final boolean groupShaped;
    /** For a DISH: the group frame came, the body is due. */
    private boolean bodyDue;
    private FrameDecoder decoder;
    /** The peer's protocol, null until its greeting is read. */
    private ZmtpVersion version;

    FrameReader(ZmtpConnection connection, HandshakePhase handshake, ConnectionSettings settings,
                Mechanism mechanism, ZmtpConnection.Inbound inbound, FrameWriter writer, Heartbeats heartbeats) {
        this.connection = connection;
        this.handshake = handshake;
        this.settings = settings;
        this.mechanism = mechanism;
        this.inbound = inbound;
        this.writer = writer;
        this.heartbeats = heartbeats;
        this.frameArrays = inbound::body;
        this.groupShaped = settings.receivesGroups();
        this.decoder = new FrameDecoder(handshakeLimit(settings.maxMessageSize()));
    }

    /**
     * Decodes frames from {@code in} until it is empty or the socket's queue is full.
     *
     * @return true if the {@link ZmtpConnection.Inbound} sink asked to stop
     */
    boolean decode(ByteBuffer in) throws ProtocolException {
        return decoder.decode(in, this) == FrameDecoder.Status.STOPPED && connection.isActive();
    }

    /** The peer's greeting is in: from now on, its version's framing. */
    void peerVersionKnown(ZmtpVersion peerVersion) {
        version = peerVersion;
        if (peerVersion.usesZmtp10Framing()) {
            decoder = FrameDecoder.zmtp10(handshakeLimit(settings.maxMessageSize()));
        }
    }

    /** Decodes bytes the greeting decoder took that begin the first frame (an unversioned peer's). */
    void decodeGreetingLeftover(byte[] bytes) throws ProtocolException {
        decoder.decode(ByteBuffer.wrap(bytes), this);
    }

    /** The connection went active: frames up to the socket's MAXMSGSIZE are accepted. */
    void goActive() {
        decoder.setMaxFrameSize(settings.maxMessageSize());
    }

    private static long handshakeLimit(long maxMessageSize) {
        return maxMessageSize < 0
                ? ZmtpConnection.MAX_HANDSHAKE_FRAME : Math.min(maxMessageSize, ZmtpConnection.MAX_HANDSHAKE_FRAME);
    }

    @Override
    public boolean onFrame(byte[] body, boolean more) throws ProtocolException {
        if (!connection.isActive()) {
            if (connection.isHandshaking() && version.isLegacy()) {
                return legacyIdentity(body);
            }
            throw new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "message before the handshake finished");
        }
        if (writer.wraps()) {
            return unwrap(body);
        }
        return data(body, more);
    }

    /** A message frame for the socket; a DISH's messages must have the RADIO's shape first. */
    private boolean data(byte[] body, boolean more) throws ProtocolException {
        if (groupShaped) {
            checkGroupShape(body, more);
        }
        return inbound.frame(body, more ? ZmtpConnection.MORE : 0);
    }

    /** As libzmq's DISH: anything but a group of at most 255 bytes with MORE, then one body, breaks the protocol. */
    private void checkGroupShape(byte[] body, boolean more) throws ProtocolException {
        if (!bodyDue && (!more || body.length > ZmtpLayout.MAX_GROUP)) {
            throw new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED, "a DISH needs a group frame of at most "
                    + ZmtpLayout.MAX_GROUP + " bytes with MORE set");
        }
        if (bodyDue && more) {
            throw new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED, "a DISH takes single-frame bodies only");
        }
        bodyDue = !bodyDue;
    }

    /**
     * Bodies come from the socket's queue, which hands back arrays the socket is done with; a
     * wrapped body is opened into such an array instead, and itself reuses the previous one.
     */
    @Override
    public byte[] body(int length) {
        if (!writer.wraps()) {
            return inbound.body(length);
        }
        byte[] spare = spareWrappedBody;
        if (spare != null && spare.length == length) {
            spareWrappedBody = null;
            return spare;
        }
        return new byte[length];
    }

    /** Opens a wrapped frame; its body, read by nothing else, becomes the spare for the next one. */
    private boolean unwrap(byte[] body) throws ProtocolException {
        Mechanism.Unwrapped frame = mechanism.decode(body, frameArrays);
        if (body.length <= MAX_SPARE_BODY) {
            spareWrappedBody = body;
        }
        return unwrapped(frame);
    }

    @Override
    public boolean waitForMemory() {
        spareWrappedBody = null;
        return inbound.waitForMemory();
    }

    @Override
    public boolean onCommand(byte[] body) throws ProtocolException {
        if (version.isLegacy()) {
            // ZMTP 2.0 has no commands (the bit is reserved); libzmq drops such frames too
            return true;
        }
        if (connection.isHandshaking()) {
            handshake.command(body);
            return connection.readsOn();
        }
        if (writer.wraps()) {
            // libzmq sends MESSAGE in ordinary frames; accept one in a command frame too (spec 3.8)
            return unwrap(body);
        }
        return activeCommand(body);
    }

    /**
     * A legacy peer's identity frame makes the connection active. A PUB/XPUB then gets a subscription
     * to everything from an unversioned 1.0 peer, which never sends subscriptions (as libzmq).
     */
    private boolean legacyIdentity(byte[] identity) {
        if (!handshake.legacyIdentity(identity)) {
            return false;
        }
        if (version == ZmtpVersion.ZMTP_1_0 && settings.takesSubscriptions()) {
            return inbound.frame(new byte[0], ZmtpConnection.SUBSCRIBE);
        }
        return true;
    }

    /** A frame the mechanism unwrapped: its own flags say whether it is a command. */
    private boolean unwrapped(Mechanism.Unwrapped frame) throws ProtocolException {
        if ((frame.flags() & ZmtpLayout.FLAG_COMMAND) != 0) {
            return activeCommand(frame.frame());
        }
        return data(frame.frame(), (frame.flags() & ZmtpLayout.FLAG_MORE) != 0);
    }

    private boolean activeCommand(byte[] body) throws ProtocolException {
        if (Commands.is(body, ZmtpLayout.SUBSCRIBE)) {
            return subscriptionReceived(body, ZmtpConnection.SUBSCRIBE);
        }
        if (Commands.is(body, ZmtpLayout.CANCEL)) {
            return subscriptionReceived(body, ZmtpConnection.CANCEL);
        }
        if (Commands.is(body, ZmtpLayout.JOIN)) {
            return groupCommandReceived(body, ZmtpConnection.JOIN);
        }
        if (Commands.is(body, ZmtpLayout.LEAVE)) {
            return groupCommandReceived(body, ZmtpConnection.LEAVE);
        }
        if (Commands.is(body, ZmtpLayout.PING)) {
            heartbeats.pingReceived(Commands.pingTtl(body));
            writer.queueCommand(Commands.pongBody(Commands.pingContext(body)));
        } else if (Commands.is(body, ZmtpLayout.ERROR)) {
            throw new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED,
                    "peer sent ERROR " + Commands.parseError(body));
        }
        // PONG and unknown commands are ignored, as libzmq does
        return true;
    }

    /** Only a publisher takes subscriptions; they reach it in the socket's own form. */
    private boolean subscriptionReceived(byte[] body, int flag) throws ProtocolException {
        if (!settings.takesSubscriptions()) {
            return true;
        }
        return inbound.frame(Commands.topic(body), flag);
    }

    /** Only a RADIO takes JOIN/LEAVE; a group longer than libzmq allows is ignored. */
    private boolean groupCommandReceived(byte[] body, int flag) throws ProtocolException {
        if (!settings.takesGroups()) {
            return true;
        }
        byte[] group = Commands.topic(body);
        return group.length > ZmtpLayout.MAX_GROUP || inbound.frame(group, flag);
    }
}
