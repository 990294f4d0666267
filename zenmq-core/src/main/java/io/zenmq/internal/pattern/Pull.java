// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.Peer;

/** PULL (RFC 30), and GATHER (RFC 49): fair-queues messages from PUSH (SCATTER) peers; never sends. */
final class Pull implements Pattern {
    private final FairQueue<Peer> in;

    Pull(PatternHost host) {
        this.in = new FairQueue<>(host);
    }

    @Override
    public void attach(Pipe pipe) {
        in.attach(new Peer(pipe));
    }

    @Override
    public void terminated(Pipe pipe) {
        in.terminated(pipe);
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        in.activated(pipe);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // PULL never writes
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
}
