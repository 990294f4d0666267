// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.proxy;

import io.zenmq.internal.socket.SocketCore;

/**
 * One direction of a proxy (frontend to backend, or back): moves whole messages from one
 * socket to the other in bursts, copies each frame to the capture socket, and counts messages
 * and bytes for STATISTICS. The capture gets each frame as soon as it is read, so a message the
 * destination holds back is captured once, in order.
 *
 * <p>Never loses a message to a full destination: the first frame of a message is offered
 * without waiting, and if the destination refuses it (at its high-water mark) the frame is held
 * here, the rest of the message stays queued in the source, and the direction reads nothing more
 * until the destination takes it. A destination that drops instead (PUB, ROUTER without
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
    private long messages;
    private long bytes;

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
        for (int moved = 0; moved < BURST; moved++) {
            byte[] first = held;
            boolean more;
            if (first != null) {
                more = heldMore;
            } else {
                first = from.recv(0);
                if (first == null) {
                    return moved > 0;
                }
                more = from.rcvMore();
                capture(first, more);
            }
            if (!to.send(first, more, 0)) {
                held = first;
                heldMore = more;
                return moved > 0;
            }
            held = null;
            moveRest(first, more);
        }
        return true;
    }

    /** Moves and captures the rest of a message whose first frame was sent (and captured); counts it. */
    private void moveRest(byte[] first, boolean firstMore) {
        long size = first.length;
        boolean more = firstMore;
        while (more) {
            byte[] frame = from.recv(-1);
            more = from.rcvMore();
            capture(frame, more);
            to.send(frame, more, -1);
            size += frame.length;
        }
        messages++;
        bytes += size;
    }

    /** Sends the capture socket a copy, before the frame itself goes anywhere. */
    private void capture(byte[] frame, boolean more) {
        if (capture != null) {
            // a copy: on inproc the destination's reader gets this very array and may change it
            capture.send(frame.clone(), more, -1);
        }
    }

    /** True while a refused message waits for the destination: wait for it to become writable. */
    boolean blocked() {
        return held != null;
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
