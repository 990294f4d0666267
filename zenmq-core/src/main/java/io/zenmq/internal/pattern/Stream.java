// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.Peer;
import io.zenmq.internal.routing.RoutingTable;
import io.zenmq.internal.routing.SendOnlyPeers;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * STREAM (spec patterns.md section 6): raw TCP connections addressed by routing id. Owned by the
 * socket's thread.
 *
 * <p>Each pipe is one connection, whose raw engine writes every chunk it reads (and, with
 * STREAM_NOTIFY, an empty message when the connection starts and ends) as a single-frame message.
 * Receiving fair-queues those and returns {@code [id][chunk]}. The id of a pipe is its
 * {@code CONNECT_ROUTING_ID}, or else 5 bytes: a zero, then a 32-bit counter (big-endian) that
 * starts at a random value. Sending takes {@code [id][data]}: an unknown id throws
 * {@link ErrorCode#EHOSTUNREACH}, a full pipe makes the socket wait; MORE on the data frame is
 * ignored, and empty data closes that connection: the pipe is ended after what was queued, the id
 * is forgotten at once, and whatever the connection still delivers is dropped.
 */
final class Stream implements Pattern {
    /** One connection and its routing id. */
    private static final class Connection extends Peer {
        final byte[] id;

        Connection(Pipe pipe, byte[] id) {
            super(pipe);
            this.id = id;
        }
    }

    private final PatternHost host;
    private final FairQueue<Connection> in;
    /** Live connections by routing id. */
    private final RoutingTable<Connection> routes = new RoutingTable<>();
    /** Live connections by pipe, for the pipes the socket hands back; a closed one is absent. */
    private final Map<Pipe, Connection> connections = new IdentityHashMap<>();
    private byte[] pendingData;
    private boolean moreIn;
    private boolean moreOut;
    private Pipe currentOut;

    Stream(PatternHost host) {
        this.host = host;
        this.in = new FairQueue<>(host);
    }

    @Override
    public void attach(Pipe pipe) {
        byte[] id = pipe.connectRoutingId();
        if (id == null || routes.lookup(id) != null) {
            id = routes.generate();
        }
        Connection connection = new Connection(pipe, id);
        routes.put(id, connection);
        connections.put(pipe, connection);
        in.attach(connection);
    }

    @Override
    public void terminated(Pipe pipe) {
        in.terminated(pipe);
        forget(pipe);
    }

    private void forget(Pipe pipe) {
        Connection connection = connections.remove(pipe);
        if (connection != null) {
            routes.remove(connection.id, connection);
        }
        if (pipe == currentOut) {
            currentOut = null;
        }
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        if (!connections.containsKey(pipe)) {
            // a connection this socket closed: drop what it still delivers, notice its end
            SendOnlyPeers.drain(pipe, host);
        } else {
            in.activated(pipe);
        }
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // xsend re-checks the connection's room on every message
    }

    @Override
    public boolean xsend(byte[] frame, boolean more) {
        if (!moreOut) {
            return routingIdFrame(frame, more);
        }
        moreOut = false;
        Pipe pipe = currentOut;
        currentOut = null;
        if (pipe == null) {
            // the id frame came without MORE, or the connection went meanwhile: drop, as libzmq
            return true;
        }
        if (frame.length == 0) {
            closeConnection(pipe);
            return true;
        }
        pipe.write(frame, false);
        pipe.flush();
        return true;
    }

    private boolean routingIdFrame(byte[] id, boolean more) {
        if (more) {
            Connection connection = routes.lookup(id);
            if (connection == null) {
                throw new ZmqException(ErrorCode.EHOSTUNREACH, "no STREAM connection has this routing id");
            }
            Pipe pipe = connection.pipe();
            if (!pipe.checkWritable()) {
                return false;
            }
            currentOut = pipe;
        }
        moreOut = true;
        return true;
    }

    private void closeConnection(Pipe pipe) {
        in.terminated(pipe);
        forget(pipe);
        pipe.terminate();
        SendOnlyPeers.drain(pipe, host);
    }

    @Override
    public byte[] xrecv() {
        if (pendingData != null) {
            byte[] data = pendingData;
            pendingData = null;
            moreIn = false;
            return data;
        }
        byte[] frame = in.recv();
        if (frame == null) {
            return null;
        }
        pendingData = frame;
        moreIn = true;
        return in.lastPeer().id.clone();
    }

    @Override
    public Pipe lastIn() {
        return in.lastPipe();
    }

    @Override
    public boolean xrecvMore() {
        return moreIn;
    }

    @Override
    public boolean hasOut() {
        return true;
    }

    @Override
    public boolean hasIn() {
        return pendingData != null || in.hasIn();
    }
}
