// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import io.zenmq.internal.pipe.Pipe;

/**
 * One peer pipe as a routing helper holds it. A pattern that keeps state per peer extends this
 * class, so that a helper hands the typed state back with the pipe (for example the peer a
 * message was just received from) without any lookup. Owned by the socket's thread.
 */
public class Peer {
    private final Pipe pipe;
    /** Where a {@link FairQueue} keeps this peer, so that it moves the peer without a search. */
    int fairQueueSlot = -1;

    /**
     * Wraps the socket's end of a peer pipe.
     *
     * @param pipe the socket's end
     */
    public Peer(Pipe pipe) {
        this.pipe = pipe;
    }

    /**
     * Returns the peer's pipe.
     *
     * @return the socket's end
     */
    public final Pipe pipe() {
        return pipe;
    }
}
