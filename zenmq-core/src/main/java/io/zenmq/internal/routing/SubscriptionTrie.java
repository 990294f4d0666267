// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The publisher's subscriptions: topic prefix to the set of subscribers holding it (libzmq's
 * {@code mtrie}, spec patterns.md section 4.1).
 *
 * <p>Per subscriber a topic is a set member, not a count: a second subscribe from the same
 * subscriber changes nothing and one cancel removes it. Subscribers are compared by identity.
 * Socket thread only.
 *
 * @param <H> what stands for a subscriber: its pipe, or the per-pipe state a matching message
 *     needs (a {@link Distributor.Target})
 */
public final class SubscriptionTrie<H> {
    /** What a {@link #remove} did. */
    public enum Removal {
        /** The subscriber did not hold the topic. */
        NOT_FOUND,
        /** The subscriber was the last holder; nobody holds the topic now. */
        LAST_REMOVED,
        /** Other subscribers still hold the topic. */
        OTHERS_REMAIN
    }

    private final PrefixTrie<List<H>> trie = new PrefixTrie<>();
    private final Consumer<List<H>> visitHolders = this::visitHolders;
    private Consumer<? super H> matchVisitor;

    /**
     * Adds a subscriber to a topic.
     *
     * @param topic the prefix
     * @param holder the subscriber
     * @return true if nobody held the topic before
     */
    public boolean add(byte[] topic, H holder) {
        List<H> holders = trie.get(topic);
        if (holders == null) {
            holders = new ArrayList<>(2);
            holders.add(holder);
            trie.put(topic, holders);
            return true;
        }
        if (!holders.contains(holder)) {
            holders.add(holder);
        }
        return false;
    }

    /**
     * Removes a subscriber from a topic.
     *
     * @param topic the prefix
     * @param holder the subscriber
     * @return what happened
     */
    public Removal remove(byte[] topic, H holder) {
        List<H> holders = trie.get(topic);
        if (holders == null || !holders.remove(holder)) {
            return Removal.NOT_FOUND;
        }
        if (holders.isEmpty()) {
            trie.put(topic, null);
            return Removal.LAST_REMOVED;
        }
        return Removal.OTHERS_REMAIN;
    }

    /**
     * Removes every subscription of a subscriber that went away.
     *
     * @param holder the subscriber
     * @param onlyLast report only the topics nobody else holds
     * @param removed told each removed topic (subject to {@code onlyLast})
     */
    public void removePipe(H holder, boolean onlyLast, Consumer<byte[]> removed) {
        List<byte[]> topics = new ArrayList<>();
        trie.forEach((topic, holders) -> {
            if (holders.contains(holder)) {
                topics.add(topic);
            }
        });
        for (byte[] topic : topics) {
            if (remove(topic, holder) == Removal.LAST_REMOVED || !onlyLast) {
                removed.accept(topic);
            }
        }
    }

    /**
     * Visits the holders of every topic that prefixes {@code data}; a subscriber holding several
     * such topics is visited once per topic. Allocation-free.
     *
     * @param data a message's first frame
     * @param visitor called with each matching subscriber
     */
    public void match(byte[] data, Consumer<? super H> visitor) {
        matchVisitor = visitor;
        try {
            trie.forEachPrefixOf(data, visitHolders);
        } finally {
            matchVisitor = null;
        }
    }

    private void visitHolders(List<H> holders) {
        for (int i = 0; i < holders.size(); i++) {
            matchVisitor.accept(holders.get(i));
        }
    }
}
