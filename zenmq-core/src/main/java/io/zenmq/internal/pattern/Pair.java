// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.SendOnlyPeers;

/**
 * PAIR (RFC 31), and CHANNEL (RFC 52): exactly one peer. A second peer's pipe is ended at once, as libzmq does; once
 * the peer is gone the next one is taken. Sends block while the peer's queue is full or while
 * there is no peer.
 */
final class Pair implements Pattern {
    private final PatternHost host;
    private Pipe peer;
    private boolean more;
    private boolean sending;

    Pair(PatternHost host) {
        this.host = host;
    }

    @Override
    public void attach(Pipe pipe) {
        if (peer != null) {
            pipe.terminate();
            SendOnlyPeers.drain(pipe, host);
            return;
        }
        peer = pipe;
    }

    @Override
    public void terminated(Pipe pipe) {
        if (pipe == peer) {
            peer = null;
            more = false;
            sending = false;
        }
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        if (pipe != peer) {
            // a refused extra peer: discard what it sends and notice its end
            SendOnlyPeers.drain(pipe, host);
        }
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // xsend re-checks the peer's room on every message
    }

    @Override
    public boolean xsend(byte[] frame, boolean more) {
        if (!sending && (peer == null || !peer.checkWritable())) {
            return false;
        }
        if (peer == null) {
            sending = more;
            return true;
        }
        peer.write(frame, more);
        sending = more;
        if (!more) {
            peer.flush();
        }
        return true;
    }

    @Override
    public byte[] xrecv() {
        if (peer == null) {
            return null;
        }
        Pipe pipe = peer;
        byte[] frame = pipe.read();
        if (frame == null) {
            if (pipe.isInEnded()) {
                host.pipeEnded(pipe);
            }
            return null;
        }
        more = pipe.lastMore();
        return frame;
    }

    @Override
    public Pipe lastIn() {
        return peer;
    }

    @Override
    public boolean xrecvMore() {
        return more;
    }

    @Override
    public boolean hasOut() {
        return sending || (peer != null && peer.checkWritable());
    }

    @Override
    public boolean hasIn() {
        return peer != null && peer.checkReadable();
    }
}
