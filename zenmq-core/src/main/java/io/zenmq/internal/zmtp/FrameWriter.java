// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Puts one connection's outgoing bytes into its output buffer in the peer's framing: first the
 * queued greeting bytes and commands, then, once the connection is active, frames pulled from the
 * socket's {@link ZmtpConnection.Outbound}. Subscriptions become SUBSCRIBE/CANCEL commands for a
 * ZMTP 3.1 peer and {@code 01}/{@code 00} messages for older ones (spec zmtp.md section 7); after
 * a CURVE handshake every frame and command is wrapped by the mechanism (MESSAGE). A body longer
 * than the room left is carried over and finished at the start of the next fill. It also notes
 * when its connection's driver should write now ({@link #takeWriteRequest}).
 *
 * <p>Owner: the connection's I/O thread (through its {@link ZmtpConnection}).
 */
final class FrameWriter {
    /** Room kept for a frame header before a frame is pulled: the longest of both framings. */
    private static final int MAX_HEADER =
            Math.max(ZmtpLayout.LONG_HEADER_LENGTH, LegacyLayout.V1_LONG_HEADER_LENGTH);

    /** Whole frames (greeting bytes, commands) sent before any socket frame. */
    private final ArrayDeque<byte[]> queued = new ArrayDeque<>();
    private ZmtpVersion version = ZmtpVersion.ZMTP_3_1;
    private Mechanism wrapping;
    private final BodyCarry carry = new BodyCarry();
    private boolean writeRequested;

    /** The peer's version, known once its greeting arrived. */
    void setVersion(ZmtpVersion peerVersion) {
        this.version = peerVersion;
    }

    /** From now on every frame and command is wrapped by this mechanism (after a CURVE handshake). */
    void wrapWith(Mechanism mechanism) {
        this.wrapping = mechanism;
    }

    /** Whether frames are wrapped by the mechanism. */
    boolean wraps() {
        return wrapping != null;
    }

    /** Queues bytes that already are wire bytes (greeting parts, a legacy identity frame). */
    void queueRaw(byte[] bytes) {
        queued.add(bytes);
        writeRequested = true;
    }

    /**
     * Queues a command: a plain command frame, or after an encrypting handshake a wrapped one in
     * an ordinary frame (spec security.md 3.8).
     */
    void queueCommand(byte[] body) {
        queued.add(wrapping != null
                ? FrameEncoder.frame(0, wrapping.encode(body, ZmtpLayout.FLAG_COMMAND))
                : FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, body));
        writeRequested = true;
    }

    /**
     * Asks the driver to write even with nothing queued: once active, reading the socket's queue until
     * it is empty arms its wake-up for what the socket sends next.
     */
    void requestWrite() {
        writeRequested = true;
    }

    /** Whether the driver should write now (something was queued or asked for); forgets it. */
    boolean takeWriteRequest() {
        boolean requested = writeRequested;
        writeRequested = false;
        return requested;
    }

    /**
     * Encodes queued bytes, then (if {@code pullFrames}) the source's frames, while the buffer has
     * room. A queued command goes in whole unless it is larger than the buffer itself.
     *
     * @param out the output buffer, in write mode
     * @param source the socket's frames
     * @param pullFrames whether socket frames may be sent (the connection is active)
     */
    void fill(ByteBuffer out, ZmtpConnection.Outbound source, boolean pullFrames) {
        while (out.hasRemaining()) {
            if (!carry.drain(out)) {
                return;
            }
            byte[] command = queued.peek();
            if (command != null) {
                if (out.remaining() < Math.min(command.length, out.capacity())) {
                    return;
                }
                queued.poll();
                carry.put(out, command);
                continue;
            }
            if (!pullFrames || out.remaining() < MAX_HEADER) {
                return;
            }
            byte[] frame = source.next();
            if (frame == null) {
                return;
            }
            put(out, frame, source.lastFlags());
        }
    }

    /** One socket frame; the buffer has room for the longest header. */
    private void put(ByteBuffer out, byte[] frame, int flags) {
        if ((flags & ZmtpConnection.SUBSCRIPTION) != 0) {
            putSubscription(out, frame, (flags & ZmtpConnection.SUBSCRIBE) != 0);
            return;
        }
        if ((flags & ZmtpConnection.GROUP_COMMAND) != 0) {
            putGroupCommand(out, frame, (flags & ZmtpConnection.JOIN) != 0);
            return;
        }
        boolean more = (flags & ZmtpConnection.MORE) != 0;
        if (wrapping != null) {
            putWrapped(out, frame, more ? ZmtpLayout.FLAG_MORE : 0);
        } else {
            writeDataHeader(out, more, frame.length);
            carry.put(out, frame);
        }
    }

    /**
     * A subscription: a SUBSCRIBE/CANCEL command to a ZMTP 3.1 peer, else the legacy message of
     * 01/00 followed by the topic, in the peer's framing.
     */
    private void putSubscription(ByteBuffer out, byte[] topic, boolean subscribe) {
        if (version.takesSubscriptionCommands()) {
            byte[] body = subscribe ? Commands.subscribeBody(topic) : Commands.cancelBody(topic);
            if (wrapping != null) {
                putWrapped(out, body, ZmtpLayout.FLAG_COMMAND);
            } else {
                FrameEncoder.writeHeader(out, ZmtpLayout.FLAG_COMMAND, body.length);
                carry.put(out, body);
            }
            return;
        }
        byte[] legacy = new byte[topic.length + 1];
        legacy[0] = (byte) (subscribe ? 1 : 0);
        System.arraycopy(topic, 0, legacy, 1, topic.length);
        if (wrapping != null) {
            putWrapped(out, legacy, 0);
        } else {
            writeDataHeader(out, false, legacy.length);
            carry.put(out, legacy);
        }
    }

    /**
     * A DISH's JOIN or LEAVE: a command for every ZMTP 3.x peer (libzmq sends it to 3.0 peers
     * too); ZMTP 2.0 and 1.0 have no commands, so an old peer never hears of it.
     */
    private void putGroupCommand(ByteBuffer out, byte[] group, boolean join) {
        if (version.isLegacy()) {
            return;
        }
        byte[] body = join ? Commands.joinBody(group) : Commands.leaveBody(group);
        if (wrapping != null) {
            putWrapped(out, body, ZmtpLayout.FLAG_COMMAND);
        } else {
            FrameEncoder.writeHeader(out, ZmtpLayout.FLAG_COMMAND, body.length);
            carry.put(out, body);
        }
    }

    /** A message frame's header in the peer's framing (ZMTP 3.x and 2.0 share theirs). */
    private void writeDataHeader(ByteBuffer out, boolean more, int length) {
        if (version.usesZmtp10Framing()) {
            FrameEncoder.writeZmtp10Header(out, more, length);
        } else {
            FrameEncoder.writeHeader(out, more ? ZmtpLayout.FLAG_MORE : 0, length);
        }
    }

    /**
     * A frame wrapped by the mechanism goes in an ordinary frame with no flags (spec 3.8). It is
     * wrapped into the mechanism's reused array, which stays safe while carried: the next socket frame
     * is only pulled once the carry is drained, and queued commands use {@link Mechanism#encode}.
     */
    private void putWrapped(ByteBuffer out, byte[] frame, int flags) {
        int length = wrapping.wrap(frame, flags);
        FrameEncoder.writeHeader(out, 0, length);
        carry.put(out, wrapping.wrapped(), length);
    }
}
