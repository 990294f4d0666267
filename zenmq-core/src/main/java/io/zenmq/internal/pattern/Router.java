// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.RoutingTable;
import java.util.ArrayList;
import java.util.List;

/**
 * ROUTER (RFC 28, patterns.md section 3.5): every message arrives as {@code [routing id][frames]}
 * and is sent to the peer named by its first frame. Peers get their ids from a
 * {@link RoutingIdAssigner}. Unknown ids and full peers lose the message, or with
 * {@code ZMQ_ROUTER_MANDATORY} fail with {@link ErrorCode#EHOSTUNREACH} and wait respectively; a
 * lone id frame is ignored. Owned by the socket's thread.
 */
final class Router implements Pattern {
    private final PatternOptions options;
    private final FairQueue<RouterPeer> in;
    private final RoutingTable<RouterPeer> table = new RoutingTable<>();
    private final RoutingIdAssigner ids;
    /** The message being handed out, read whole so routing changes cannot split it. */
    private final List<byte[]> inbound = new ArrayList<>();
    private int nextInbound;
    private boolean more;
    private boolean sending;
    private Pipe currentOut;

    Router(PatternHost host, PatternOptions options) {
        this.options = options;
        this.in = new FairQueue<>(host);
        this.ids = new RoutingIdAssigner(host, options, table, in);
    }

    @Override
    public void attach(Pipe pipe) {
        HelloMessage.greet(options, pipe);
        ids.attach(pipe);
        stopIfEnded();
    }

    @Override
    public void pipeConnected(Pipe pipe) {
        ids.connected(pipe);
        stopIfEnded();
    }

    @Override
    public void terminated(Pipe pipe) {
        ids.terminated(pipe);
        if (pipe == currentOut) {
            currentOut = null;
        }
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        ids.pipeReadable(pipe);
    }

    /** A pipe ended while a message to it was half sent: the rest of the message is dropped. */
    private void stopIfEnded() {
        if (currentOut != null && currentOut.isTerminated()) {
            currentOut = null;
        }
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // xsend checks the addressed pipe's room on every message
    }

    @Override
    public boolean xsend(byte[] frame, boolean more) {
        if (sending) {
            if (currentOut != null) {
                currentOut.write(frame, more);
                if (!more) {
                    currentOut.flush();
                }
            }
            if (!more) {
                sending = false;
                currentOut = null;
            }
            return true;
        }
        if (!more) {
            return true; // a routing id with nothing after it is ignored, as in libzmq
        }
        RouterPeer peer = table.lookup(frame);
        Pipe pipe = peer == null ? null : peer.pipe();
        boolean mandatory = options.routerMandatory;
        if (pipe == null && mandatory) {
            throw new ZmqException(ErrorCode.EHOSTUNREACH, "no peer with that routing id");
        }
        if (pipe != null && !pipe.checkWritable()) {
            if (mandatory) {
                if (pipe.isTerminated()) {
                    throw new ZmqException(ErrorCode.EHOSTUNREACH, "the peer with that routing id is leaving");
                }
                return false;
            }
            pipe = null;
        }
        currentOut = pipe;
        sending = true;
        return true;
    }

    @Override
    public byte[] xrecv() {
        if (nextInbound < inbound.size()) {
            byte[] frame = inbound.get(nextInbound++);
            more = nextInbound < inbound.size();
            if (!more) {
                inbound.clear();
                nextInbound = 0;
            }
            return frame;
        }
        byte[] first = in.recv();
        if (first == null) {
            return null;
        }
        RouterPeer peer = in.lastPeer();
        inbound.add(first);
        while (in.more()) {
            byte[] frame = in.recv();
            if (frame == null) {
                break; // cannot happen: pipes publish whole messages
            }
            inbound.add(frame);
        }
        more = true;
        return peer.id.clone();
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
        if (sending || !options.routerMandatory) {
            return true;
        }
        for (RouterPeer peer : table.peers()) {
            if (peer.pipe().checkWritable()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasIn() {
        return nextInbound < inbound.size() || in.hasIn();
    }
}
