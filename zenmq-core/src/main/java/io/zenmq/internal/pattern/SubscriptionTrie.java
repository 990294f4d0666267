// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The publisher's subscriptions: topic prefix to the set of pipes holding it (libzmq's
 * {@code mtrie}, spec patterns.md section 4.1).
 *
 * <p>Per pipe a topic is a set member, not a count: a second subscribe from the same pipe changes
 * nothing and one cancel removes it. Socket thread only.
 */
final class SubscriptionTrie {
    /** What a {@link #remove} did. */
    enum Removal {
        /** The pipe did not hold the topic. */
        NOT_FOUND,
        /** The pipe was the last holder; nobody holds the topic now. */
        LAST_REMOVED,
        /** Other pipes still hold the topic. */
        OTHERS_REMAIN
    }

    private final PrefixTrie<List<Pipe>> trie = new PrefixTrie<>();
    private final Consumer<List<Pipe>> visitHolders = this::visitHolders;
    private Consumer<Pipe> matchVisitor;

    /**
     * Adds a pipe to a topic.
     *
     * @param topic the prefix
     * @param pipe the subscriber
     * @return true if nobody held the topic before
     */
    boolean add(byte[] topic, Pipe pipe) {
        List<Pipe> holders = trie.get(topic);
        if (holders == null) {
            holders = new ArrayList<>(2);
            holders.add(pipe);
            trie.put(topic, holders);
            return true;
        }
        if (!holders.contains(pipe)) {
            holders.add(pipe);
        }
        return false;
    }

    /**
     * Removes a pipe from a topic.
     *
     * @param topic the prefix
     * @param pipe the subscriber
     * @return what happened
     */
    Removal remove(byte[] topic, Pipe pipe) {
        List<Pipe> holders = trie.get(topic);
        if (holders == null || !holders.remove(pipe)) {
            return Removal.NOT_FOUND;
        }
        if (holders.isEmpty()) {
            trie.put(topic, null);
            return Removal.LAST_REMOVED;
        }
        return Removal.OTHERS_REMAIN;
    }

    /**
     * Removes every subscription of a pipe that went away.
     *
     * @param pipe the subscriber
     * @param onlyLast report only the topics nobody else holds
     * @param removed told each removed topic (subject to {@code onlyLast})
     */
    void removePipe(Pipe pipe, boolean onlyLast, Consumer<byte[]> removed) {
        List<byte[]> topics = new ArrayList<>();
        trie.forEach((topic, holders) -> {
            if (holders.contains(pipe)) {
                topics.add(topic);
            }
        });
        for (byte[] topic : topics) {
            if (remove(topic, pipe) == Removal.LAST_REMOVED || !onlyLast) {
                removed.accept(topic);
            }
        }
    }

    /**
     * Visits the holders of every topic that prefixes {@code data}; a pipe holding several such
     * topics is visited once per topic. Allocation-free.
     *
     * @param data a message's first frame
     * @param visitor called with each matching pipe
     */
    void match(byte[] data, Consumer<Pipe> visitor) {
        matchVisitor = visitor;
        try {
            trie.forEachPrefixOf(data, visitHolders);
        } finally {
            matchVisitor = null;
        }
    }

    private void visitHolders(List<Pipe> holders) {
        for (int i = 0; i < holders.size(); i++) {
            matchVisitor.accept(holders.get(i));
        }
    }
}
