// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;

/**
 * PUB (RFC 29, spec patterns.md section 4.2): fans each message out to the subscribers whose
 * subscriptions prefix its first frame; a subscriber whose queue is full misses the message, so
 * a send never waits (unless {@code ZMQ_XPUB_NODROP}). Subscriptions are read from every pipe as
 * they arrive; anything else a subscriber sends is dropped. Never receives. Socket thread only.
 */
final class Pub implements Pattern, SubscriptionReader.Upstream {
    private final PatternHost host;
    private final Publisher out;

    Pub(PatternHost host, PatternOptions options) {
        this.host = host;
        this.out = new Publisher(options);
    }

    @Override
    public void attach(Pipe pipe) {
        out.attach(pipe);
        SubscriptionReader.drain(pipe, host, this);
    }

    @Override
    public void terminated(Pipe pipe) {
        out.terminated(pipe, true, topic -> { });
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        SubscriptionReader.drain(pipe, host, this);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // recipients are chosen per message; a full pipe is simply skipped
    }

    @Override
    public void subscription(Pipe pipe, boolean subscribe, byte[] topic) {
        if (subscribe) {
            out.subscribe(topic, pipe);
        } else {
            out.unsubscribe(topic, pipe);
        }
    }

    @Override
    public void message(Pipe pipe, byte[] frame, boolean more) {
        // PUB has no use for upstream messages
    }

    @Override
    public boolean xsend(byte[] frame, boolean more) {
        return out.send(frame, more);
    }

    @Override
    public boolean hasOut() {
        return true;
    }
}
