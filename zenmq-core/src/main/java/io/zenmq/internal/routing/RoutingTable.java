// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Peers by routing id (patterns.md sections 3.5 and 6): which peer answers to which id, and the
 * ids made up for peers that bring none: 5 bytes, {@code 00} then a uint32 big-endian that starts
 * at a random value and counts up per connection, as libzmq makes them. Ids are compared by
 * content; lookups reuse one probe key, so routing a message allocates nothing. Socket thread
 * only.
 *
 * @param <P> the peer type
 */
public final class RoutingTable<P> {
    private static final int GENERATED_LENGTH = 5;

    private final Map<Key, P> peers = new HashMap<>();
    private final Key probe = new Key(new byte[0]);
    private int nextGenerated;

    /** Creates an empty table whose made-up ids start at a random value. */
    public RoutingTable() {
        this(ThreadLocalRandom.current().nextInt());
    }

    /**
     * Creates an empty table whose made-up ids start at a given value (for tests).
     *
     * @param firstGenerated the counter of the first made-up id
     */
    public RoutingTable(int firstGenerated) {
        this.nextGenerated = firstGenerated;
    }

    /**
     * Returns the peer with this id.
     *
     * @param id the routing id, compared by content
     * @return the peer, or null
     */
    public P lookup(byte[] id) {
        probe.reset(id);
        return peers.get(probe);
    }

    /**
     * Gives an id to a peer; the caller checked that the id is free.
     *
     * @param id the routing id, not changed afterwards
     * @param peer its peer
     */
    public void put(byte[] id, P peer) {
        peers.put(new Key(id), peer);
    }

    /**
     * Forgets an id, if it still belongs to this peer.
     *
     * @param id the routing id
     * @param peer the peer expected to hold it
     */
    public void remove(byte[] id, P peer) {
        probe.reset(id);
        peers.remove(probe, peer);
    }

    /**
     * Returns every peer that has an id.
     *
     * @return a live view
     */
    public Collection<P> peers() {
        return peers.values();
    }

    /**
     * Makes up the next free id: {@code 00} and four counter bytes, big-endian.
     *
     * @return a new id no peer holds
     */
    public byte[] generate() {
        while (true) {
            int value = nextGenerated++;
            byte[] id = new byte[GENERATED_LENGTH];
            id[1] = (byte) (value >>> 24);
            id[2] = (byte) (value >>> 16);
            id[3] = (byte) (value >>> 8);
            id[4] = (byte) value;
            if (lookup(id) == null) {
                return id;
            }
        }
    }

    /** An id compared by content; the probe instance is re-pointed for lookups. */
    private static final class Key {
        private byte[] bytes;
        private int hash;

        Key(byte[] bytes) {
            reset(bytes);
        }

        void reset(byte[] id) {
            this.bytes = id;
            this.hash = Arrays.hashCode(id);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && Arrays.equals(bytes, ((Key) other).bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
