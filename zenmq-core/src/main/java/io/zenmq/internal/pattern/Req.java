// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;

/**
 * REQ (RFC 28): strict send, receive, send... Each request gets an empty delimiter frame in
 * front and goes round-robin; the reply is taken only from the pipe the request went to, and
 * replies without the delimiter are discarded. Out of turn calls fail with {@link ErrorCode#EFSM}.
 */
final class Req implements Pattern {
    private static final byte[] DELIMITER = new byte[0];

    private final LoadBalancer out = new LoadBalancer();
    private final FairQueue in;
    private boolean awaitingReply;
    private boolean requestStarted;
    private boolean replyStarted;
    private boolean more;
    private Pipe requestPipe;

    Req(PatternHost host) {
        this.in = new FairQueue(host);
    }

    @Override
    public void attach(Pipe pipe) {
        out.attach(pipe);
        in.attach(pipe);
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
        if (awaitingReply) {
            throw new ZmqException(ErrorCode.EFSM, "REQ must receive the reply before sending again");
        }
        if (!requestStarted) {
            if (!out.send(DELIMITER, true)) {
                return false;
            }
            requestPipe = out.lastPipe();
            requestStarted = true;
        }
        out.send(frame, more);
        if (!more) {
            requestStarted = false;
            awaitingReply = true;
            replyStarted = false;
        }
        return true;
    }

    @Override
    public byte[] xrecv() {
        if (!awaitingReply) {
            throw new ZmqException(ErrorCode.EFSM, "REQ must send a request before receiving");
        }
        while (true) {
            if (replyStarted) {
                byte[] frame = in.recv();
                if (frame == null) {
                    return null;
                }
                finishFrame();
                return frame;
            }
            byte[] first = in.recv();
            if (first == null) {
                return null;
            }
            if (in.lastPipe() == requestPipe && first.length == 0 && in.more()) {
                replyStarted = true;
                continue;
            }
            discardRest();
        }
    }

    private void finishFrame() {
        more = in.more();
        if (!more) {
            awaitingReply = false;
            replyStarted = false;
        }
    }

    private void discardRest() {
        while (in.more()) {
            if (in.recv() == null) {
                return;
            }
        }
    }

    @Override
    public boolean xrecvMore() {
        return more;
    }

    @Override
    public boolean hasOut() {
        return !awaitingReply && (requestStarted || out.hasOut());
    }

    @Override
    public boolean hasIn() {
        return awaitingReply && in.hasIn();
    }
}
