// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.Peer;
import io.zenmq.internal.routing.RoutingTable;

/**
 * What a {@link Router} knows of one peer pipe: its routing id, if it has one yet, and where the
 * pipe stands. Socket thread only.
 */
final class RouterPeer extends Peer {
    /** The routing id; null while the pipe is anonymous (connecting, or refused). */
    byte[] id;
    /** Whether {@link #id} was made up by the ROUTER rather than asked for. */
    boolean generated;
    /** Whether the pipe had a handshaken connection at least once. */
    boolean connected;
    /** Whether the fair queue reads the pipe. */
    boolean queued;
    /** Whether the pipe was refused or handed over: it only ends now. */
    boolean dropped;

    RouterPeer(Pipe pipe) {
        super(pipe);
    }

    /**
     * Chooses the id for the pipe's current connection (patterns.md section 3.5): the
     * {@code ZMQ_CONNECT_ROUTING_ID} it was connected with, else the {@code Identity} the peer
     * announced if not empty, else a made-up id, kept across reconnects.
     */
    byte[] chooseId(RoutingTable<RouterPeer> table) {
        Pipe pipe = pipe();
        byte[] wanted = pipe.connectRoutingId();
        if (wanted == null) {
            byte[] identity = pipe.peerIdentity();
            if (identity != null && identity.length > 0) {
                wanted = identity;
            }
        }
        if (wanted != null) {
            generated = false;
            return wanted;
        }
        if (!generated || id == null) {
            generated = true;
            return table.generate();
        }
        return id;
    }
}
