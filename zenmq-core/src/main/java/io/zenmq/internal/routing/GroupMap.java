// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * RADIO/DISH groups (exact byte strings) and who is in each: a RADIO's group to pipes, a DISH's
 * joined groups. Looking a group up allocates nothing (a reusable probe key), as it happens once
 * per message. Socket thread only; pure.
 *
 * @param <T> what a group holds
 */
public final class GroupMap<T> {
    /** A group's bytes with their hash; the probe's array is replaced, never changed. */
    private static final class Key {
        private byte[] bytes;
        private int hash;

        Key(byte[] bytes) {
            set(bytes);
        }

        void set(byte[] group) {
            bytes = group;
            hash = Arrays.hashCode(group);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(bytes, key.bytes);
        }
    }

    private final Map<Key, List<T>> groups = new HashMap<>();
    private final Key probe = new Key(new byte[0]);

    /**
     * Puts a member in a group.
     *
     * @param group the group's bytes, kept (the caller must not change them)
     * @param member who joins
     * @return false if the member was in the group already
     */
    public boolean add(byte[] group, T member) {
        List<T> members = groups.computeIfAbsent(new Key(group), k -> new ArrayList<>(2));
        if (members.contains(member)) {
            return false;
        }
        members.add(member);
        return true;
    }

    /**
     * Takes a member out of a group.
     *
     * @param group the group's bytes
     * @param member who leaves
     * @return false if the member was not in the group
     */
    public boolean remove(byte[] group, T member) {
        probe.set(group);
        List<T> members = groups.get(probe);
        if (members == null || !members.remove(member)) {
            return false;
        }
        if (members.isEmpty()) {
            groups.remove(probe);
        }
        return true;
    }

    /**
     * Takes a member out of every group (its pipe went away).
     *
     * @param member who is gone
     */
    public void removeMember(T member) {
        for (Iterator<List<T>> it = groups.values().iterator(); it.hasNext();) {
            List<T> members = it.next();
            members.remove(member);
            if (members.isEmpty()) {
                it.remove();
            }
        }
    }

    /**
     * Returns the members of a group.
     *
     * @param group the group's bytes
     * @return the members (do not change), or null if nobody is in the group
     */
    public List<T> get(byte[] group) {
        probe.set(group);
        return groups.get(probe);
    }

    /**
     * Tells whether anybody is in a group.
     *
     * @param group the group's bytes
     * @return true if the group has a member
     */
    public boolean contains(byte[] group) {
        return get(group) != null;
    }

    /**
     * Visits every group that has a member.
     *
     * @param visitor told each group's bytes (not to be changed)
     */
    public void forEachGroup(Consumer<byte[]> visitor) {
        for (Key key : groups.keySet()) {
            visitor.accept(key.bytes);
        }
    }
}
