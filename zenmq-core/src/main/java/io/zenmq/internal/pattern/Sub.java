// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.Peer;

/**
 * SUB (RFC 29, spec patterns.md section 4.1): receives, fair-queued, the messages whose first
 * frame one of its subscriptions prefixes (or, with {@code ZMQ_INVERT_MATCHING}, none does),
 * filtering again on receipt though publishers filter too. With no subscription nothing is
 * received. Never sends. Socket thread only.
 */
final class Sub implements Pattern {
    private final PatternOptions options;
    private final Subscriber subscriber;
    private final FairQueue<Peer> in;
    /** A matching first frame taken by {@link #hasIn()}, not yet handed out. */
    private byte[] prefetched;
    private boolean prefetchedMore;
    private boolean more;

    Sub(PatternHost host, PatternOptions options) {
        this.options = options;
        this.subscriber = new Subscriber(host);
        this.in = subscriber.in();
    }

    @Override
    public void attach(Pipe pipe) {
        subscriber.attach(pipe);
    }

    @Override
    public void pipeConnected(Pipe pipe) {
        subscriber.pipeConnected(pipe);
    }

    @Override
    public void terminated(Pipe pipe) {
        subscriber.terminated(pipe);
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        in.activated(pipe);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // subscriptions never wait: a full pipe loses them
    }

    @Override
    public void subscribe(byte[] topic) {
        subscriber.subscribe(topic);
    }

    @Override
    public void unsubscribe(byte[] topic) {
        subscriber.unsubscribe(topic);
    }

    @Override
    public byte[] xrecv() {
        if (more) {
            byte[] frame = in.recv();
            if (frame != null) {
                more = in.more();
            }
            return frame;
        }
        byte[] frame = prefetched;
        if (frame != null) {
            prefetched = null;
            more = prefetchedMore;
            return frame;
        }
        frame = nextMatching();
        if (frame != null) {
            more = in.more();
        }
        return frame;
    }

    /** Takes first frames until one matches, dropping the messages that do not. */
    private byte[] nextMatching() {
        boolean invert = options.invertMatching;
        byte[] frame;
        while ((frame = in.recv()) != null) {
            if (subscriber.topics().matches(frame) != invert) {
                return frame;
            }
            while (in.more() && in.recv() != null) {
                // the rest of a message nobody subscribed to
            }
        }
        return null;
    }

    @Override
    public Pipe lastIn() {
        return in.lastPipe();
    }

    @Override
    public boolean xrecvMore() {
        return more;
    }

    @Override
    public boolean hasIn() {
        if (more || prefetched != null) {
            return true;
        }
        prefetched = nextMatching();
        prefetchedMore = prefetched != null && in.more();
        return prefetched != null;
    }
}
