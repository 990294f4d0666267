// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.LoadBalancer;
import io.zenmq.internal.routing.SendOnlyPeers;

/**
 * PUSH (RFC 30), and SCATTER (RFC 49): round-robin to PULL (GATHER) peers, blocking when none has
 * room; never receives.
 */
final class Push implements Pattern {
    private final PatternHost host;
    private final LoadBalancer out = new LoadBalancer();

    Push(PatternHost host) {
        this.host = host;
    }

    @Override
    public void attach(Pipe pipe) {
        out.attach(pipe);
        SendOnlyPeers.drain(pipe, host);
    }

    @Override
    public void terminated(Pipe pipe) {
        out.terminated(pipe);
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        SendOnlyPeers.drain(pipe, host);
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
    public boolean hasOut() {
        return out.hasOut();
    }
}
