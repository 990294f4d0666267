// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.SubscriptionTrie;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * XPUB (spec patterns.md section 4.3): a PUB whose application also receives the subscriptions,
 * always as {@code 01}+topic / {@code 00}+topic, and any other message subscribers send upstream.
 *
 * <p>By default only a topic's first subscribe (across all subscribers) and its last cancel are
 * reported; {@code ZMQ_XPUB_VERBOSE} reports every subscribe, {@code ZMQ_XPUB_VERBOSER} every
 * cancel too. A subscriber that goes away is reported as cancels of the topics nobody else
 * holds. With {@code ZMQ_XPUB_MANUAL} every subscription is reported but none is applied: the
 * application applies them with subscribe/unsubscribe to the pipe of the subscription it last
 * received. {@code ZMQ_XPUB_WELCOME_MSG} is sent to each new pipe. Socket thread only.
 */
final class XPub implements Pattern, SubscriptionReader.Upstream {
    /** A frame waiting for the application; {@code from} is set for manual subscriptions. */
    private static final class Pending {
        final byte[] frame;
        final boolean more;
        Pipe from;

        Pending(byte[] frame, boolean more, Pipe from) {
            this.frame = frame;
            this.more = more;
            this.from = from;
        }
    }

    private final PatternHost host;
    private final PatternOptions options;
    private final Publisher out;
    /** Manual mode: what each pipe asked for, to report cancels when it goes away. */
    private final SubscriptionTrie<Pipe> requested = new SubscriptionTrie<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private Pipe lastPipe;
    private boolean more;

    XPub(PatternHost host, PatternOptions options) {
        this.host = host;
        this.options = options;
        this.out = new Publisher(options);
    }

    @Override
    public void attach(Pipe pipe) {
        out.attach(pipe);
        byte[] welcome = options.xpubWelcomeMessage;
        if (welcome.length > 0) {
            pipe.write(welcome.clone(), false);
            pipe.flush();
        }
        SubscriptionReader.drain(pipe, host, this);
    }

    @Override
    public void terminated(Pipe pipe) {
        if (manual()) {
            out.terminated(pipe, false, topic -> { });
            requested.removePipe(pipe, false, topic -> notify(false, topic, null));
        } else {
            out.terminated(pipe, !options.xpubVerboser, topic -> notify(false, topic, null));
        }
        for (Pending p : pending) {
            if (p.from == pipe) {
                p.from = null;
            }
        }
        if (lastPipe == pipe) {
            lastPipe = null;
        }
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        SubscriptionReader.drain(pipe, host, this);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // a NODROP sender retries on every socket command, this one included
    }

    @Override
    public void subscription(Pipe pipe, boolean subscribe, byte[] topic) {
        if (manual()) {
            if (subscribe) {
                requested.add(topic, pipe);
            } else {
                requested.remove(topic, pipe);
            }
            notify(subscribe, topic, pipe);
            return;
        }
        boolean report;
        if (subscribe) {
            report = out.subscribe(topic, pipe) || verbose();
        } else {
            report = out.unsubscribe(topic, pipe) != SubscriptionTrie.Removal.OTHERS_REMAIN || options.xpubVerboser;
        }
        if (report) {
            notify(subscribe, topic, null);
        }
    }

    private void notify(boolean subscribe, byte[] topic, Pipe from) {
        byte[] legacy = new byte[topic.length + 1];
        legacy[0] = (byte) (subscribe ? 1 : 0);
        System.arraycopy(topic, 0, legacy, 1, topic.length);
        pending.add(new Pending(legacy, false, from));
    }

    @Override
    public void message(Pipe pipe, byte[] frame, boolean more) {
        pending.add(new Pending(frame, more, null));
    }

    @Override
    public byte[] xrecv() {
        Pending next = pending.poll();
        if (next == null) {
            return null;
        }
        if (next.from != null) {
            lastPipe = next.from;
        }
        more = next.more;
        return next.frame;
    }

    @Override
    public Pipe lastIn() {
        return lastPipe;
    }

    @Override
    public boolean xrecvMore() {
        return more;
    }

    @Override
    public boolean hasIn() {
        return !pending.isEmpty();
    }

    @Override
    public boolean xsend(byte[] frame, boolean more) {
        return out.send(frame, more);
    }

    @Override
    public boolean hasOut() {
        return true;
    }

    @Override
    public void subscribe(byte[] topic) {
        requireManual();
        if (lastPipe != null) {
            out.subscribe(topic, lastPipe);
        }
    }

    @Override
    public void unsubscribe(byte[] topic) {
        requireManual();
        if (lastPipe != null) {
            out.unsubscribe(topic, lastPipe);
        }
    }

    private void requireManual() {
        if (!manual()) {
            throw new ZmqException(ErrorCode.EINVAL, "XPUB takes subscribe/unsubscribe only with XPUB_MANUAL");
        }
    }

    private boolean manual() {
        return options.xpubManual;
    }

    private boolean verbose() {
        return options.xpubVerbose || options.xpubVerboser;
    }
}
