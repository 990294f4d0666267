// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.LoadBalancer;
import io.zenmq.internal.routing.Peer;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * DEALER (RFC 28, patterns.md section 3.4), and CLIENT (RFC 41, which takes no PROBE_ROUTER):
 * messages go round-robin to the peers with room and arrive fair-queued, with no envelope added
 * or removed. A send waits while no peer has room. {@code ZMQ_HELLO_MSG} goes to each new peer;
 * with {@code ZMQ_PROBE_ROUTER} each new peer then gets an empty message, and again after each
 * reconnect. Owned by the socket's thread.
 */
final class Dealer implements Pattern {
    private final PatternOptions options;
    /** Pipes that had a live connection already: a reconnect probes them again. */
    private final Set<Pipe> connected = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Round-robin out; REQ, a DEALER underneath as in libzmq, sends through it too. */
    final LoadBalancer out = new LoadBalancer();
    /** Fair-queue in; also read by REQ. */
    final FairQueue<Peer> in;
    private boolean more;

    Dealer(PatternHost host, PatternOptions options) {
        this.options = options;
        this.in = new FairQueue<>(host);
    }

    @Override
    public void attach(Pipe pipe) {
        if (pipe.hasPeerProperties()) {
            connected.add(pipe);
        }
        HelloMessage.greet(options, pipe);
        RouterProbe.attached(options, pipe);
        out.attach(pipe);
        in.attach(new Peer(pipe));
    }

    @Override
    public void pipeConnected(Pipe pipe) {
        RouterProbe.connected(options, pipe, !connected.add(pipe));
    }

    @Override
    public void terminated(Pipe pipe) {
        connected.remove(pipe);
        out.terminated(pipe);
        in.terminated(pipe);
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        in.activated(pipe);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        out.activated(pipe);
    }

    @Override
    public boolean xsend(byte[] frame, boolean more) {
        return out.send(frame, more);
    }

    @Override
    public byte[] xrecv() {
        byte[] frame = in.recv();
        if (frame != null) {
            more = in.more();
        }
        return frame;
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
    public boolean hasOut() {
        return out.hasOut();
    }

    @Override
    public boolean hasIn() {
        return in.hasIn();
    }
}
