// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import io.zenmq.internal.pipe.Pipe;
import java.util.IdentityHashMap;
import java.util.Map;

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
    /** Every peer, the active ones (which may have a message) first; each knows its slot. */
    private final ActiveSplit<P> peers = new ActiveSplit<>((peer, slot) -> peer.fairQueueSlot = slot);
    private final Map<Pipe, P> byPipe = new IdentityHashMap<>();
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
        byPipe.put(peer.pipe(), peer);
        peers.addActive(peer);
    }

    /**
     * Reads a peer found empty again, now that its pipe has a message.
     *
     * @param pipe the socket's end
     */
    public void activated(Pipe pipe) {
        P peer = byPipe.get(pipe);
        if (peer != null) {
            peers.activate(peer.fairQueueSlot);
        }
    }

    /**
     * Forgets the peer of a pipe that went away; a message half received from it ends there.
     *
     * @param pipe the socket's end
     */
    public void terminated(Pipe pipe) {
        P peer = byPipe.get(pipe);
        if (peer != null) {
            if (peer.fairQueueSlot < peers.activeCount()) {
                deactivate(peer.fairQueueSlot);
            }
            remove(peer);
        }
        if (lastPeer != null && lastPeer.pipe() == pipe) {
            more = false;
        }
    }

    /** Moves the active peer in {@code slot} behind the active ones, keeping {@link #current} on its peer. */
    private void deactivate(int slot) {
        if (current == peers.deactivate(slot)) {
            current = slot;
        }
    }

    /** Takes an inactive peer out for good. */
    private void remove(P peer) {
        byPipe.remove(peer.pipe());
        peers.removeInactive(peer.fairQueueSlot);
        peer.fairQueueSlot = -1;
    }

    /**
     * Takes the next frame, of the message in progress or of the next peer in turn.
     *
     * @return the frame, or null if no peer has a message
     */
    public byte[] recv() {
        while (peers.activeCount() > 0) {
            if (current >= peers.activeCount()) {
                current = 0;
            }
            P peer = peers.get(current);
            Pipe pipe = peer.pipe();
            byte[] frame = pipe.read();
            if (frame != null) {
                more = pipe.lastMore();
                lastPeer = peer;
                if (!more) {
                    current++;
                }
                return frame;
            }
            int slot = current;
            deactivate(slot);
            current = slot; // the peer swapped in from the end takes its turn now
            if (pipe.isInEnded()) {
                remove(peer);
                ends.pipeEnded(pipe);
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
        for (int i = 0; i < peers.activeCount(); i++) {
            // an empty pipe stays asleep, so its next message wakes the socket (and its poller)
            if (peers.get(i).pipe().checkReadable()) {
                return true;
            }
        }
        return false;
    }
}
