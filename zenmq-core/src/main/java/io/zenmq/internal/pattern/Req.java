// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.LoadBalancer;
import io.zenmq.internal.routing.Peer;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * REQ (RFC 28, patterns.md section 3.2): strict send, receive, send... Each request gets an
 * empty delimiter frame in front and goes round-robin; replies still queued are dropped first.
 * The reply is taken only from the pipe the request went to, and replies without the delimiter
 * are discarded. Out of turn calls fail with {@link ErrorCode#EFSM}, except that with
 * {@code ZMQ_REQ_RELAXED} a send abandons the pending request. With {@code ZMQ_REQ_CORRELATE}
 * a 4-byte request id (host order, little-endian as on x86 libzmq) goes before the delimiter
 * and replies must echo the current one. Owned by the socket's thread.
 */
final class Req implements Pattern {
    private static final byte[] DELIMITER = new byte[0];
    private static final int REQUEST_ID_LENGTH = 4;
    private final PatternOptions options;
    /** The peers are handled as a DEALER does (probe included); REQ adds the strict turns. */
    private final Dealer dealer;
    private final LoadBalancer out;
    private final FairQueue<Peer> in;
    private int requestId = ThreadLocalRandom.current().nextInt();
    private boolean correlating;
    private boolean awaitingReply;
    private boolean requestStarted;
    private boolean replyStarted;
    private boolean more;
    private Pipe requestPipe;

    Req(PatternHost host, PatternOptions options) {
        this.options = options;
        this.dealer = new Dealer(host, options);
        this.out = dealer.out;
        this.in = dealer.in;
    }

    @Override
    public void attach(Pipe pipe) {
        dealer.attach(pipe);
    }

    @Override
    public void pipeConnected(Pipe pipe) {
        dealer.pipeConnected(pipe);
    }

    @Override
    public void terminated(Pipe pipe) {
        dealer.terminated(pipe);
        if (pipe == requestPipe) {
            requestPipe = null;
        }
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        dealer.pipeReadable(pipe);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        dealer.pipeWritable(pipe);
    }

    @Override
    public boolean xsend(byte[] frame, boolean more) {
        if (awaitingReply) {
            if (!options.reqRelaxed) {
                throw new ZmqException(ErrorCode.EFSM, "REQ must receive the reply before sending again");
            }
            awaitingReply = false; // the pending request is abandoned
        }
        if (!requestStarted && !startRequest()) {
            return false;
        }
        out.send(frame, more);
        if (!more) {
            requestStarted = false;
            awaitingReply = true;
            replyStarted = false;
        }
        return true;
    }

    /** Sends the envelope of a new request; false if no peer has room. */
    private boolean startRequest() {
        while (in.recv() != null) {
            // a reply that arrives now would answer an older request: drop what is queued
        }
        correlating = options.reqCorrelate;
        if (correlating) {
            if (!out.send(requestIdFrame(requestId + 1), true)) {
                return false;
            }
            requestId++;
            out.send(DELIMITER, true);
        } else if (!out.send(DELIMITER, true)) {
            return false;
        }
        requestPipe = out.lastPipe();
        requestStarted = true;
        return true;
    }

    private static byte[] requestIdFrame(int id) {
        return new byte[] {(byte) id, (byte) (id >>> 8), (byte) (id >>> 16), (byte) (id >>> 24)};
    }

    @Override
    public byte[] xrecv() {
        if (!awaitingReply) {
            throw new ZmqException(ErrorCode.EFSM, "REQ must send a request before receiving");
        }
        while (true) {
            byte[] frame = in.recv();
            if (frame == null) {
                return null;
            }
            if (replyStarted) {
                finishFrame();
                return frame;
            }
            if (acceptsEnvelope(frame)) {
                replyStarted = true;
            } else {
                discardRest();
            }
        }
    }

    /** Reads the reply envelope from its first frame on; false if the reply is not ours. */
    private boolean acceptsEnvelope(byte[] first) {
        if (in.lastPipe() != requestPipe || !in.more()) {
            return false;
        }
        byte[] delimiter = first;
        if (correlating) {
            if (first.length != REQUEST_ID_LENGTH || !Arrays.equals(first, requestIdFrame(requestId))) {
                return false;
            }
            delimiter = in.recv();
        }
        return delimiter != null && delimiter.length == 0 && in.more();
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
    public Pipe lastIn() {
        return in.lastPipe();
    }

    @Override
    public boolean xrecvMore() {
        return more;
    }

    @Override
    public boolean hasOut() {
        return (!awaitingReply || options.reqRelaxed) && (requestStarted || out.hasOut());
    }

    @Override
    public boolean hasIn() {
        return awaitingReply && in.hasIn();
    }
}
