// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.Peer;
import io.zenmq.internal.routing.TopicFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The half shared by SUB and XSUB: fair-queued receipt from publishers, and the subscriber's own
 * reference-counted subscriptions, sent upstream as they change and replayed in full on every
 * new pipe and after every reconnect (spec patterns.md section 4.1, zmtp.md section 7).
 *
 * <p>Subscriptions travel as frames flagged {@link FrameQueue#FLAG_SUBSCRIBE} or
 * {@link FrameQueue#FLAG_CANCEL} whose body is the topic; the connection turns them into commands
 * or legacy {@code 01}/{@code 00} messages by the peer's ZMTP version, and an inproc publisher
 * reads them as they are. A pipe that is full loses the
 * subscription, as in libzmq. A connecting pipe is attached before it has a connection, so the
 * replay queued at attach serves its first connection; later connections get a fresh replay.
 * Socket thread only.
 */
final class Subscriber {
    private final FairQueue<Peer> in;
    private final List<Pipe> pipes = new ArrayList<>();
    /** Connecting pipes whose first connection was reported. */
    private final Set<Pipe> connectedBefore = new HashSet<>();
    private final TopicFilter topics = new TopicFilter();

    Subscriber(PatternHost host) {
        this.in = new FairQueue<>(host);
    }

    FairQueue<Peer> in() {
        return in;
    }

    TopicFilter topics() {
        return topics;
    }

    void attach(Pipe pipe) {
        pipes.add(pipe);
        in.attach(new Peer(pipe));
        replay(pipe);
    }

    void pipeConnected(Pipe pipe) {
        if (!connectedBefore.add(pipe)) {
            replay(pipe);
        }
    }

    void terminated(Pipe pipe) {
        pipes.remove(pipe);
        connectedBefore.remove(pipe);
        in.terminated(pipe);
    }

    /** Counts a subscription and always sends it upstream. */
    void subscribe(byte[] topic) {
        topics.add(topic);
        sendToAll(topic, FrameQueue.FLAG_SUBSCRIBE);
    }

    /** Drops one count of a subscription; sends a cancel only when none is left. */
    void unsubscribe(byte[] topic) {
        if (topics.remove(topic)) {
            sendToAll(topic, FrameQueue.FLAG_CANCEL);
        }
    }

    /** The pipes own what is written to them, so each gets its own copy of the topic. */
    private void sendToAll(byte[] topic, int flag) {
        for (int i = 0; i < pipes.size(); i++) {
            Pipe pipe = pipes.get(i);
            if (pipe.checkWritable()) {
                pipe.write(topic.clone(), flag);
                pipe.flush();
            }
        }
    }

    private void replay(Pipe pipe) {
        topics.forEachTopic(topic -> {
            if (pipe.checkWritable()) {
                pipe.write(topic.clone(), FrameQueue.FLAG_SUBSCRIBE);
            }
        });
        pipe.flush();
    }
}
