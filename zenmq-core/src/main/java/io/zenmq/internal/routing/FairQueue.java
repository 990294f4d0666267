// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import io.zenmq.internal.pipe.Pipe;
import java.util.ArrayList;
import java.util.List;

/**
 * Round-robin receipt of whole messages from the peers that have one (libzmq's {@code fq}).
 *
 * <p>A peer found empty leaves the active set until its pipe is woken as readable; a pipe found
 * ended is reported to the {@link EndedPipeListener}. Once a message's first frame is taken, the
 * rest come from the same peer. Socket thread only.
 *
 * @param <P> the peer type, carrying the pattern's per-peer state if it has any
 */
public final class FairQueue<P extends Peer> {
    private final EndedPipeListener ends;
    private final List<P> active = new ArrayList<>();
    private final List<P> inactive = new ArrayList<>();
    private int current;
    private boolean more;
    private P lastPeer;

    /**
     * Creates an empty fair queue.
     *
     * @param ends told about each pipe whose end marker this queue reads
     */
    public FairQueue(EndedPipeListener ends) {
        this.ends = ends;
    }

    /**
     * Adds a peer, active until found empty.
     *
     * @param peer a peer not yet in this queue
     */
    public void attach(P peer) {
        active.add(peer);
    }

    /**
     * Reads a peer found empty again, now that its pipe has a message.
     *
     * @param pipe the socket's end
     */
    public void activated(Pipe pipe) {
        int index = indexOf(inactive, pipe);
        if (index >= 0) {
            active.add(inactive.remove(index));
        }
    }

    /**
     * Forgets the peer of a pipe that went away; a message half received from it ends there.
     *
     * @param pipe the socket's end
     */
    public void terminated(Pipe pipe) {
        int index = indexOf(active, pipe);
        if (index >= 0) {
            active.remove(index);
            if (current > index || current >= active.size()) {
                current = current > index ? current - 1 : 0;
            }
        } else {
            index = indexOf(inactive, pipe);
            if (index >= 0) {
                inactive.remove(index);
            }
        }
        if (lastPeer != null && lastPeer.pipe() == pipe) {
            more = false;
        }
    }

    private static int indexOf(List<? extends Peer> peers, Pipe pipe) {
        for (int i = 0; i < peers.size(); i++) {
            if (peers.get(i).pipe() == pipe) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Takes the next frame, of the message in progress or of the next peer in turn.
     *
     * @return the frame, or null if no peer has a message
     */
    public byte[] recv() {
        while (!active.isEmpty()) {
            if (current >= active.size()) {
                current = 0;
            }
            P peer = active.get(current);
            Pipe pipe = peer.pipe();
            byte[] frame = pipe.read();
            if (frame != null) {
                more = pipe.lastMore();
                lastPeer = peer;
                if (!more) {
                    current = (current + 1) % active.size();
                }
                return frame;
            }
            active.remove(current);
            if (pipe.isInEnded()) {
                ends.pipeEnded(pipe);
            } else {
                inactive.add(peer);
            }
        }
        return null;
    }

    /**
     * Tells whether the last frame taken has more after it.
     *
     * @return the MORE flag of the last frame {@link #recv()} returned
     */
    public boolean more() {
        return more;
    }

    /**
     * Returns the peer the last frame came from.
     *
     * @return the peer, or null before the first frame
     */
    public P lastPeer() {
        return lastPeer;
    }

    /**
     * Returns the pipe the last frame came from.
     *
     * @return the pipe, or null before the first frame
     */
    public Pipe lastPipe() {
        P peer = lastPeer;
        return peer == null ? null : peer.pipe();
    }

    /**
     * Tells whether {@link #recv()} would return a frame now.
     *
     * @return true if a message is in progress or an active peer has one
     */
    public boolean hasIn() {
        if (more) {
            return true;
        }
        for (int i = 0; i < active.size(); i++) {
            // an empty pipe stays asleep, so its next message wakes the socket (and its poller)
            if (active.get(i).pipe().checkReadable()) {
                return true;
            }
        }
        return false;
    }
}
