// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A ROUTER's routing ids (patterns.md section 3.5): which pipe answers to which id, and the ids
 * made up for peers that bring none: 5 bytes, {@code 00} then a uint32 big-endian that starts
 * at a random value and counts up per connection, as libzmq makes them. Ids are compared by
 * content; lookups reuse one probe key, so routing a message allocates nothing. Socket thread
 * only.
 */
final class RoutingTable {
    private static final int GENERATED_LENGTH = 5;

    private final Map<Key, Pipe> pipes = new HashMap<>();
    private final Key probe = new Key(new byte[0]);
    private int nextGenerated = ThreadLocalRandom.current().nextInt();

    /** Returns the pipe with this id, or null. */
    Pipe lookup(byte[] id) {
        probe.reset(id);
        return pipes.get(probe);
    }

    /** Gives an id to a pipe; the caller checked that the id is free. */
    void put(byte[] id, Pipe pipe) {
        pipes.put(new Key(id), pipe);
    }

    /** Forgets an id, if it still belongs to this pipe. */
    void remove(byte[] id, Pipe pipe) {
        probe.reset(id);
        pipes.remove(probe, pipe);
    }

    /** Every pipe that has an id. */
    Collection<Pipe> pipes() {
        return pipes.values();
    }

    /** Makes up the next free id: {@code 00} and four counter bytes, big-endian. */
    byte[] generate() {
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
