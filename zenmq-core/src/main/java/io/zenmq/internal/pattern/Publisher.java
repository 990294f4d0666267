// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.SocketOptions;
import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import java.util.function.Consumer;

/**
 * The sending half shared by PUB and XPUB: per-pipe subscriptions in a {@link SubscriptionTrie}
 * and fan-out of each message to the pipes whose subscriptions prefix its first frame (spec
 * patterns.md sections 4.2 and 4.3). Honours {@code ZMQ_INVERT_MATCHING} and
 * {@code ZMQ_XPUB_NODROP}, read when each message starts. Socket thread only.
 */
final class Publisher {
    private final PatternHost host;
    private final Distributor out = new Distributor();
    private final SubscriptionTrie subscriptions = new SubscriptionTrie();
    private final Consumer<Pipe> select = out::select;

    Publisher(PatternHost host) {
        this.host = host;
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
        out.terminated(pipe);
        subscriptions.removePipe(pipe, onlyLast, removed);
    }

    SubscriptionTrie subscriptions() {
        return subscriptions;
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
            invert = host.option(SocketOptions.INVERT_MATCHING);
            noDrop = host.option(SocketOptions.XPUB_NODROP);
        }
        return out.send(frame, more ? FrameQueue.FLAG_MORE : 0, invert, noDrop);
    }
}
