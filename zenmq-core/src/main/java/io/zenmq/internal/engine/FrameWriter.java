// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.FrameEncoder;
import io.zenmq.internal.zmtp.Mechanism;
import io.zenmq.internal.zmtp.ZmtpLayout;
import io.zenmq.internal.zmtp.ZmtpVersion;
import java.nio.ByteBuffer;

/**
 * Puts one connection's outgoing frames into its output buffer in the peer's framing: ZMTP 3.x
 * frames and commands, legacy 01/00 subscriptions and 1.0 headers for older peers, and frames
 * wrapped by an encrypting mechanism (CURVE MESSAGE). A body longer than the room left is carried
 * over and finished by {@link #drainPending} on the next buffer.
 *
 * <p>Owner: the engine's I/O thread.
 */
final class FrameWriter {
    private ZmtpVersion version = ZmtpVersion.ZMTP_3_1;
    private Mechanism wrapping;
    private byte[] pendingBody;
    private int pendingOffset;

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

    /**
     * Frames a command to queue whole: a plain command frame, or after an encrypting handshake a
     * wrapped one in an ordinary frame (spec security.md 3.8).
     *
     * @param body the command body
     * @return the complete frame, header included
     */
    byte[] commandFrame(byte[] body) {
        if (wrapping != null) {
            return FrameEncoder.frame(0, wrapping.encode(body, ZmtpLayout.FLAG_COMMAND));
        }
        return FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, body);
    }

    /**
     * Continues a body cut by the end of the previous buffer.
     *
     * @param out the output buffer
     * @return true if nothing is pending any more
     */
    boolean drainPending(ByteBuffer out) {
        if (pendingBody == null) {
            return true;
        }
        putBody(out, pendingBody, pendingOffset);
        return pendingBody == null;
    }

    /**
     * Puts bytes that are already a whole frame (e.g. a queued command frame).
     *
     * @param out the output buffer
     * @param bytes the frame, header included
     */
    void putRaw(ByteBuffer out, byte[] bytes) {
        putBody(out, bytes, 0);
    }

    /**
     * Puts one frame the socket queued; the buffer must have room for the longest header.
     *
     * @param out the output buffer
     * @param frame the frame's body (a command body if {@code command})
     * @param more whether more frames of the message follow
     * @param command whether the frame is a command (SUBSCRIBE, CANCEL...)
     */
    void put(ByteBuffer out, byte[] frame, boolean more, boolean command) {
        if (wrapping != null) {
            putWrapped(out, frame, more, command);
        } else if (command) {
            putCommand(out, frame);
        } else {
            writeDataHeader(out, more, frame.length);
            putBody(out, frame, 0);
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

    /** A frame wrapped by the mechanism goes in an ordinary frame with no flags (spec 3.8). */
    private void putWrapped(ByteBuffer out, byte[] frame, boolean more, boolean command) {
        byte[] legacy = command ? legacySubscription(frame) : null;
        int flags = more ? ZmtpLayout.FLAG_MORE : 0;
        byte[] wrapped = legacy != null ? wrapping.encode(legacy, flags)
                : wrapping.encode(frame, command ? flags | ZmtpLayout.FLAG_COMMAND : flags);
        FrameEncoder.writeHeader(out, 0, wrapped.length);
        putBody(out, wrapped, 0);
    }

    /**
     * Sends a command the socket queued (a command body). SUBSCRIBE and CANCEL go to ZMTP 3.0, 2.0
     * and 1.0 peers in the legacy form, a message of 01/00 followed by the topic (spec zmtp.md
     * section 7); other commands cannot reach a 2.0/1.0 peer and are dropped.
     */
    private void putCommand(ByteBuffer out, byte[] body) {
        byte[] legacy = legacySubscription(body);
        if (legacy != null) {
            writeDataHeader(out, false, legacy.length);
            putBody(out, legacy, 0);
            return;
        }
        if (version.isLegacy()) {
            return;
        }
        FrameEncoder.writeHeader(out, ZmtpLayout.FLAG_COMMAND, body.length);
        putBody(out, body, 0);
    }

    /** SUBSCRIBE/CANCEL as the 01/00 message a peer before ZMTP 3.1 expects; null if not needed. */
    private byte[] legacySubscription(byte[] body) {
        boolean subscribe = Commands.is(body, "SUBSCRIBE");
        if (!(subscribe || Commands.is(body, "CANCEL")) || version.takesSubscriptionCommands()) {
            return null;
        }
        int offset = Commands.dataOffset(body);
        byte[] legacy = new byte[body.length - offset + 1];
        legacy[0] = (byte) (subscribe ? 1 : 0);
        System.arraycopy(body, offset, legacy, 1, body.length - offset);
        return legacy;
    }

    private void putBody(ByteBuffer out, byte[] body, int offset) {
        int n = Math.min(out.remaining(), body.length - offset);
        out.put(body, offset, n);
        if (offset + n < body.length) {
            pendingBody = body;
            pendingOffset = offset + n;
        } else {
            pendingBody = null;
        }
    }
}
