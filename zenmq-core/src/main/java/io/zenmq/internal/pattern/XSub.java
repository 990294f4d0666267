// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.Distributor;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.Peer;
import java.util.Arrays;

/**
 * XSUB (spec patterns.md section 4.4): receives everything its publishers send, fair-queued and
 * unfiltered. A sent message whose first frame starts with {@code 01}/{@code 00} is a subscribe or
 * cancel: counted locally (for the replay on new pipes and reconnects) and passed to every
 * publisher as a SUBSCRIBE/CANCEL control frame, the cancel only when the topic's count reaches
 * zero. Later frames of such a message are treated the same way, or dropped if they are not
 * subscriptions. Any other message goes upstream to every publisher unchanged, and is dropped
 * for a publisher whose queue is full. Sends never wait. Socket thread only.
 */
final class XSub implements Pattern {
    private static final byte SUBSCRIBE = 1;
    private static final byte CANCEL = 0;

    private final Subscriber subscriber;
    private final FairQueue<Peer> in;
    private final Distributor upstream = new Distributor();
    private boolean inSubscription;

    XSub(PatternHost host) {
        this.subscriber = new Subscriber(host);
        this.in = subscriber.in();
    }

    @Override
    public void attach(Pipe pipe) {
        upstream.attach(pipe);
        subscriber.attach(pipe);
    }

    @Override
    public void pipeConnected(Pipe pipe) {
        subscriber.pipeConnected(pipe);
    }

    @Override
    public void terminated(Pipe pipe) {
        upstream.terminated(pipe);
        subscriber.terminated(pipe);
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        in.activated(pipe);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // upstream sends never wait: a full pipe loses the message
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
    public boolean xsend(byte[] frame, boolean more) {
        if (upstream.isMidMessage()) {
            return upstream.send(frame, more ? FrameQueue.FLAG_MORE : 0, false, false);
        }
        boolean subscription = frame.length > 0 && (frame[0] == SUBSCRIBE || frame[0] == CANCEL);
        if (!inSubscription && !subscription) {
            upstream.selectAll();
            return upstream.send(frame, more ? FrameQueue.FLAG_MORE : 0, false, false);
        }
        if (subscription) {
            byte[] topic = Arrays.copyOfRange(frame, 1, frame.length);
            if (frame[0] == SUBSCRIBE) {
                subscriber.subscribe(topic);
            } else {
                subscriber.unsubscribe(topic);
            }
        }
        inSubscription = more;
        return true;
    }

    @Override
    public byte[] xrecv() {
        return in.recv();
    }

    @Override
    public Pipe lastIn() {
        return in.lastPipe();
    }

    @Override
    public boolean xrecvMore() {
        return in.more();
    }

    @Override
    public boolean hasIn() {
        return in.hasIn();
    }

    @Override
    public boolean hasOut() {
        return true;
    }
}
