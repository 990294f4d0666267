// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import io.zenmq.internal.pipe.Pipe;

/**
 * A peer known by a uint32 routing id that the socket made up for it (SERVER, PEER), never sent on
 * the wire. Owned by the socket's thread.
 */
public final class NumberedPeer extends Peer {
    private final int id;

    NumberedPeer(Pipe pipe, int id) {
        super(pipe);
        this.id = id;
    }

    /**
     * Returns the peer's routing id.
     *
     * @return the uint32 id, never 0
     */
    public int id() {
        return id;
    }
}
