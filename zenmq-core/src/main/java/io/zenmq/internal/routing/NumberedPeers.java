// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import io.zenmq.internal.pipe.Pipe;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The peers of a SERVER or PEER socket by their uint32 routing ids (patterns.md section 7.1): each
 * attached pipe gets the next id of a counter that starts at a random value, skipping 0 and the
 * ids still held, as libzmq numbers them. Ids are kept in a {@link RoutingTable} under their four
 * big-endian bytes; a lookup writes the id into one reused key, so routing a message allocates
 * nothing. Socket thread only.
 */
public final class NumberedPeers {
    private final RoutingTable<NumberedPeer> table = new RoutingTable<>();
    private final Map<Pipe, NumberedPeer> byPipe = new IdentityHashMap<>();
    private final byte[] probe = new byte[4];
    private int next;

    /**
     * Creates an empty set whose ids start at a given value.
     *
     * @param first the first id to hand out (0 is skipped)
     */
    public NumberedPeers(int first) {
        this.next = first;
    }

    /**
     * Numbers a new pipe.
     *
     * @param pipe the socket's end, not yet added
     * @return its peer, with a fresh id
     */
    public NumberedPeer add(Pipe pipe) {
        int id;
        do {
            id = next++;
        } while (id == 0 || lookup(id) != null);
        NumberedPeer peer = new NumberedPeer(pipe, id);
        table.put(key(id), peer);
        byPipe.put(pipe, peer);
        return peer;
    }

    /**
     * Forgets a pipe and frees its id.
     *
     * @param pipe the socket's end
     * @return its peer, or null if it was not numbered
     */
    public NumberedPeer remove(Pipe pipe) {
        NumberedPeer peer = byPipe.remove(pipe);
        if (peer != null) {
            table.remove(key(peer.id()), peer);
        }
        return peer;
    }

    /**
     * Returns the peer of a pipe.
     *
     * @param pipe the socket's end
     * @return the peer, or null
     */
    public NumberedPeer of(Pipe pipe) {
        return byPipe.get(pipe);
    }

    /**
     * Returns the peer holding an id.
     *
     * @param id the routing id
     * @return the peer, or null
     */
    public NumberedPeer lookup(int id) {
        write(id, probe);
        return table.lookup(probe);
    }

    private static byte[] key(int id) {
        byte[] key = new byte[4];
        write(id, key);
        return key;
    }

    private static void write(int id, byte[] into) {
        into[0] = (byte) (id >>> 24);
        into[1] = (byte) (id >>> 16);
        into[2] = (byte) (id >>> 8);
        into[3] = (byte) id;
    }
}
