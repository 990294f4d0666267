// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.NumberedPeer;
import io.zenmq.internal.routing.NumberedPeers;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SERVER and PEER (RFC 41 and 51, patterns.md sections 7.1 and 7.4): every pipe gets a uint32
 * routing id, each message received carries the id of its peer, and a message is sent to the
 * peer its routing id names ({@link ErrorCode#EHOSTUNREACH} if none does; a full peer makes the
 * socket wait). Receiving is fair-queued. Single frames only: the socket refuses multipart sends
 * and drops multipart messages from the wire. Owned by the socket's thread (the socket's lock
 * makes it usable from many).
 */
final class Server implements Pattern {
    private final FairQueue<NumberedPeer> in;
    private final NumberedPeers peers = new NumberedPeers(ThreadLocalRandom.current().nextInt());
    private int lastRoutingId;

    Server(PatternHost host) {
        this.in = new FairQueue<>(host);
    }

    @Override
    public void attach(Pipe pipe) {
        in.attach(peers.add(pipe));
    }

    @Override
    public void terminated(Pipe pipe) {
        in.terminated(pipe);
        peers.remove(pipe);
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        in.activated(pipe);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // xsendRouted checks the addressed pipe's room on every message
    }

    @Override
    public boolean xsend(byte[] frame, boolean more) {
        return xsendRouted(frame, 0);
    }

    @Override
    public boolean xsendRouted(byte[] frame, int routingId) {
        NumberedPeer peer = peers.lookup(routingId);
        if (peer == null) {
            throw new ZmqException(ErrorCode.EHOSTUNREACH, "no peer with routing id " + Integer.toUnsignedString(routingId));
        }
        Pipe pipe = peer.pipe();
        if (!pipe.checkWritable()) {
            if (pipe.isTerminated()) {
                throw new ZmqException(ErrorCode.EHOSTUNREACH, "the peer with that routing id is leaving");
            }
            return false;
        }
        pipe.write(frame, false);
        pipe.flush();
        return true;
    }

    @Override
    public byte[] xrecv() {
        byte[] frame = in.recv();
        if (frame != null) {
            lastRoutingId = in.lastPeer().id();
        }
        return frame;
    }

    @Override
    public int lastRoutingId() {
        return lastRoutingId;
    }

    @Override
    public int routingIdOf(Pipe pipe) {
        NumberedPeer peer = peers.of(pipe);
        if (peer == null) {
            throw new ZmqException(ErrorCode.EHOSTUNREACH, "the pipe has no routing id");
        }
        return peer.id();
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
    public boolean hasOut() {
        // as libzmq: whether a send succeeds depends on the peer it names
        return true;
    }

    @Override
    public boolean hasIn() {
        return in.hasIn();
    }
}
