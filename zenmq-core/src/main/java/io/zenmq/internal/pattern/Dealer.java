// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;

/**
 * DEALER (RFC 28, patterns.md section 3.4): messages go round-robin to the peers with room and
 * arrive fair-queued, with no envelope added or removed. A send waits while no peer has room.
 * With {@code ZMQ_PROBE_ROUTER} each new peer first gets an empty message, and again after each
 * reconnect. Owned by the socket's thread.
 */
final class Dealer implements Pattern {
    /** Marks, in {@link Pipe#attachment}, a pipe that had a live connection already. */
    private static final Object CONNECTED = Boolean.TRUE;

    private final PatternHost host;
    /** Round-robin out; REQ, a DEALER underneath as in libzmq, sends through it too. */
    final LoadBalancer out = new LoadBalancer();
    /** Fair-queue in; also read by REQ. */
    final FairQueue in;
    private boolean more;

    Dealer(PatternHost host) {
        this.host = host;
        this.in = new FairQueue(host);
    }

    @Override
    public void attach(Pipe pipe) {
        if (pipe.hasPeerProperties()) {
            pipe.attachment = CONNECTED;
        }
        RouterProbe.attached(host, pipe);
        out.attach(pipe);
        in.attach(pipe);
    }

    @Override
    public void pipeConnected(Pipe pipe) {
        RouterProbe.connected(host, pipe, pipe.attachment == CONNECTED);
        pipe.attachment = CONNECTED;
    }

    @Override
    public void terminated(Pipe pipe) {
        out.terminated(pipe);
        in.terminated(pipe);
    }

    @Override
    public void readActivated(Pipe pipe) {
        in.activated(pipe);
    }

    @Override
    public void writeActivated(Pipe pipe) {
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
