// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import java.util.function.Consumer;

/**
 * A subscriber's own subscriptions, reference-counted per topic (libzmq's {@code trie}, spec
 * patterns.md section 4.1): the list replayed to each new or reconnected publisher, and for SUB
 * the filter applied on receipt. Socket thread only.
 */
public final class TopicFilter {
    private final PrefixTrie<int[]> counts = new PrefixTrie<>();

    /**
     * Counts one more subscription to a topic.
     *
     * @param topic the prefix
     * @return true if this is the topic's first subscription
     */
    public boolean add(byte[] topic) {
        int[] count = counts.get(topic);
        if (count == null) {
            counts.put(topic, new int[] {1});
            return true;
        }
        count[0]++;
        return false;
    }

    /**
     * Counts one subscription less; an unknown topic is ignored.
     *
     * @param topic the prefix
     * @return true if the count reached zero (the topic is gone and a cancel is due)
     */
    public boolean remove(byte[] topic) {
        int[] count = counts.get(topic);
        if (count == null) {
            return false;
        }
        if (--count[0] > 0) {
            return false;
        }
        counts.put(topic, null);
        return true;
    }

    /**
     * Tells whether a subscription prefixes the data (the empty topic matches everything).
     *
     * @param data a message's first frame
     * @return true on a match
     */
    public boolean matches(byte[] data) {
        return counts.hasPrefixOf(data);
    }

    /**
     * Visits every subscribed topic once, whatever its count.
     *
     * @param visitor given a fresh copy of each topic
     */
    public void forEachTopic(Consumer<byte[]> visitor) {
        counts.forEach((topic, count) -> visitor.accept(topic));
    }
}
