// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.proxy;

import io.zenmq.SocketType;
import io.zenmq.internal.socket.SocketCore;

/**
 * One direction of a proxy (frontend to backend, or back): moves whole messages from one
 * socket to the other in bursts, copies each frame to the capture socket, and counts messages
 * and bytes for STATISTICS.
 *
 * <p>Never loses a message to a full destination: the first frame of a message is offered
 * without waiting, first to the capture socket (a copy), then to the destination, and if either
 * refuses it (at its high-water mark) the frame is held here, the rest of the message stays
 * queued in the source, and the direction reads nothing more until it is taken. So nothing here
 * ever waits, and the loop stays free to obey commands and {@code stop()}. A destination that drops instead (PUB, ROUTER without
 * ROUTER_MANDATORY) drops as it always does. Once a first frame is taken, the rest of the
 * message always follows without waiting, as in every socket.
 *
 * <p>Owner: the proxy's thread. Frames are handed on without copying, except for the capture's
 * copy.
 */
final class Direction {
    /** Messages moved before the loop looks at the other direction and the control socket. */
    static final int BURST = 1000;

    private final SocketCore from;
    private final SocketCore to;
    private final SocketCore capture;
    /** The first frame of a message the destination refused; null if none. */
    private byte[] held;
    private boolean heldMore;
    /** Whether the capture took its copy of the held frame (true without a capture). */
    private boolean captured;
    private long messages;
    private long bytes;
    /** False for a one-way pair (a PUSH backend never gives a reply to move). */
    private boolean enabled = true;

    Direction(SocketCore from, SocketCore to, SocketCore capture) {
        this.from = from;
        this.to = to;
        this.capture = capture;
    }

    /**
     * Moves up to {@link #BURST} whole messages.
     *
     * @return true if at least one message moved
     */
    boolean forward() {
        if (!enabled) {
            return false;
        }
        for (int moved = 0; moved < BURST; moved++) {
            byte[] first = held;
            boolean more = heldMore;
            if (first == null) {
                first = from.recv(0);
                if (first == null) {
                    return moved > 0;
                }
                more = from.rcvMore();
                captured = capture == null;
            }
            // a copy for the capture: on inproc the destination's reader gets this very array
            if (!captured && !capture.send(first.clone(), more, 0)) {
                return hold(first, more, moved);
            }
            captured = true;
            if (!to.send(first, more, 0)) {
                return hold(first, more, moved);
            }
            held = null;
            moveRest(first, more);
        }
        return true;
    }

    private boolean hold(byte[] first, boolean more, int moved) {
        held = first;
        heldMore = more;
        return moved > 0;
    }

    /**
     * Moves and captures the rest of a message whose first frame was taken by both: the rest of a
     * message never waits. Counts the message.
     */
    private void moveRest(byte[] first, boolean firstMore) {
        long size = first.length;
        boolean more = firstMore;
        while (more) {
            byte[] frame = from.recv(-1);
            more = from.rcvMore();
            if (capture != null) {
                capture.send(frame.clone(), more, -1);
            }
            to.send(frame, more, -1);
            size += frame.length;
        }
        messages++;
        bytes += size;
    }

    /**
     * Tells whether messages can flow from one socket type to another: the source receives and
     * the destination sends (a PUB, PUSH source or a SUB, PULL destination cannot).
     */
    static boolean canMove(SocketType from, SocketType to) {
        boolean receives = from != SocketType.PUB && from != SocketType.PUSH;
        boolean sends = to != SocketType.SUB && to != SocketType.PULL;
        return receives && sends;
    }

    void enabled(boolean canMove) {
        this.enabled = canMove;
    }

    /** True if this direction reads its source (see {@link #canMove}). */
    boolean enabled() {
        return enabled;
    }

    /** True while a message is held: its source is not read until it moves on. */
    boolean blocked() {
        return held != null;
    }

    /** True while the held message waits for the destination to become writable. */
    boolean waitsForDestination() {
        return held != null && captured;
    }

    /** True while the held message waits for the capture socket to become writable. */
    boolean waitsForCapture() {
        return held != null && !captured;
    }

    /** Whole messages moved so far. */
    long messages() {
        return messages;
    }

    /** Bytes of the messages moved so far, all frames counted. */
    long bytes() {
        return bytes;
    }
}
