// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.Distributor;
import io.zenmq.internal.routing.SubscriptionTrie;
import java.util.function.Consumer;

/**
 * The sending half shared by PUB and XPUB: per-pipe subscriptions in a {@link SubscriptionTrie}
 * and fan-out of each message to the pipes whose subscriptions prefix its first frame (spec
 * patterns.md sections 4.2 and 4.3). Honours {@code ZMQ_INVERT_MATCHING} and
 * {@code ZMQ_XPUB_NODROP}, read when each message starts. The trie holds each pipe's
 * {@link Distributor.Target}, so matching a message selects its recipients without a lookup.
 * Socket thread only.
 */
final class Publisher {
    private final PatternOptions options;
    private final Distributor out = new Distributor();
    private final SubscriptionTrie<Distributor.Target> subscriptions = new SubscriptionTrie<>();
    private final Consumer<Distributor.Target> select = out::select;

    Publisher(PatternOptions options) {
        this.options = options;
    }

    void attach(Pipe pipe) {
        out.attach(pipe);
    }

    /**
     * Forgets a pipe that went away, with all its subscriptions.
     *
     * @param pipe the subscriber
     * @param onlyLast report only topics nobody else holds
     * @param removed told each removed topic (subject to {@code onlyLast})
     */
    void terminated(Pipe pipe, boolean onlyLast, Consumer<byte[]> removed) {
        Distributor.Target target = out.target(pipe);
        out.terminated(pipe);
        if (target != null) {
            subscriptions.removePipe(target, onlyLast, removed);
        }
    }

    /**
     * Subscribes an attached pipe to a topic.
     *
     * @param topic the prefix
     * @param pipe the subscriber
     * @return true if nobody held the topic before (false too for a pipe not attached)
     */
    boolean subscribe(byte[] topic, Pipe pipe) {
        Distributor.Target target = out.target(pipe);
        return target != null && subscriptions.add(topic, target);
    }

    /**
     * Cancels a pipe's subscription to a topic.
     *
     * @param topic the prefix
     * @param pipe the subscriber
     * @return what happened
     */
    SubscriptionTrie.Removal unsubscribe(byte[] topic, Pipe pipe) {
        Distributor.Target target = out.target(pipe);
        return target == null ? SubscriptionTrie.Removal.NOT_FOUND : subscriptions.remove(topic, target);
    }

    /**
     * Sends one frame; the first frame of a message picks its recipients.
     *
     * @return false only with {@code ZMQ_XPUB_NODROP} when a recipient is full (nothing taken)
     */
    boolean send(byte[] frame, boolean more) {
        boolean invert = false;
        boolean noDrop = false;
        if (!out.isMidMessage()) {
            out.beginSelection();
            subscriptions.match(frame, select);
            invert = options.invertMatching;
            noDrop = options.xpubNoDrop;
        }
        return out.send(frame, more ? FrameQueue.FLAG_MORE : 0, invert, noDrop);
    }
}
