// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.Peer;
import java.util.ArrayList;
import java.util.List;

/**
 * REP (RFC 28): strict receive, send, receive... A request's leading frames up to and including
 * the first empty frame are its envelope, kept and put back in front of the reply, which goes to
 * the pipe the request came from. A reply to a peer that is gone or full is dropped silently.
 * Out of turn calls fail with {@link ErrorCode#EFSM}.
 */
final class Rep implements Pattern {
    private final FairQueue<Peer> in;
    private final List<byte[]> envelope = new ArrayList<>();
    private boolean replying;
    private boolean bodyStarted;
    private boolean more;
    private Pipe requestPipe;
    private boolean replyStarted;
    private boolean replyDropped;

    Rep(PatternHost host) {
        this.in = new FairQueue<>(host);
    }

    @Override
    public void attach(Pipe pipe) {
        in.attach(new Peer(pipe));
    }

    @Override
    public void terminated(Pipe pipe) {
        in.terminated(pipe);
        if (pipe == requestPipe) {
            requestPipe = null;
            replyDropped = true;
        }
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        in.activated(pipe);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // replies never wait: a full peer loses the reply
    }

    @Override
    public byte[] xrecv() {
        if (replying) {
            throw new ZmqException(ErrorCode.EFSM, "REP must send the reply before receiving again");
        }
        while (!bodyStarted) {
            if (!readEnvelope()) {
                return null;
            }
        }
        byte[] frame = in.recv();
        if (frame == null) {
            return null;
        }
        more = in.more();
        if (!more) {
            bodyStarted = false;
            replying = true;
            replyStarted = false;
        }
        return frame;
    }

    /** Reads one frame of the envelope; returns false if nothing is there. */
    private boolean readEnvelope() {
        byte[] frame = in.recv();
        if (frame == null) {
            return false;
        }
        if (!in.more()) {
            // the message ended before any body: not a request, discard it
            envelope.clear();
            return true;
        }
        envelope.add(frame);
        if (frame.length == 0) {
            requestPipe = in.lastPipe();
            bodyStarted = true;
        }
        return true;
    }

    @Override
    public boolean xsend(byte[] frame, boolean more) {
        if (!replying) {
            throw new ZmqException(ErrorCode.EFSM, "REP must receive a request before replying");
        }
        if (!replyStarted) {
            replyStarted = true;
            Pipe pipe = requestPipe;
            replyDropped = pipe == null || !pipe.checkWritable();
            if (!replyDropped) {
                // indexed: an iterator here allocates until escape analysis removes it (seen while warming up)
                for (int i = 0; i < envelope.size(); i++) {
                    pipe.write(envelope.get(i), true);
                }
            }
            envelope.clear();
        }
        if (!replyDropped) {
            requestPipe.write(frame, more);
            if (!more) {
                requestPipe.flush();
            }
        }
        if (!more) {
            replying = false;
            replyStarted = false;
        }
        return true;
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
        return replying;
    }

    @Override
    public boolean hasIn() {
        return !replying && in.hasIn();
    }
}
