// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

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
    private final PatternHost host;
    private final FairQueue in;
    /** Live connections by routing id; each pipe's id is also its {@link Pipe#attachment}. */
    private final Map<ByteBuffer, Pipe> routes = new HashMap<>();
    private int nextId = ThreadLocalRandom.current().nextInt();
    private byte[] pendingData;
    private boolean moreIn;
    private boolean moreOut;
    private Pipe currentOut;

    Stream(PatternHost host) {
        this.host = host;
        this.in = new FairQueue(host);
    }

    @Override
    public void attach(Pipe pipe) {
        byte[] id = pipe.connectRoutingId();
        if (id == null || routes.containsKey(ByteBuffer.wrap(id))) {
            id = newId();
        }
        pipe.attachment = id;
        routes.put(ByteBuffer.wrap(id), pipe);
        in.attach(pipe);
    }

    private byte[] newId() {
        while (true) {
            int value = nextId++;
            byte[] id = {0, (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
            if (!routes.containsKey(ByteBuffer.wrap(id))) {
                return id;
            }
        }
    }

    @Override
    public void terminated(Pipe pipe) {
        in.terminated(pipe);
        forget(pipe);
    }

    private void forget(Pipe pipe) {
        if (pipe.attachment instanceof byte[]) {
            routes.remove(ByteBuffer.wrap((byte[]) pipe.attachment), pipe);
            pipe.attachment = null;
        }
        if (pipe == currentOut) {
            currentOut = null;
        }
    }

    @Override
    public void readActivated(Pipe pipe) {
        if (pipe.attachment == null) {
            // a connection this socket closed: drop what it still delivers, notice its end
            SendOnlyPeers.drain(pipe, host);
        } else {
            in.activated(pipe);
        }
    }

    @Override
    public void writeActivated(Pipe pipe) {
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
            Pipe pipe = routes.get(ByteBuffer.wrap(id));
            if (pipe == null) {
                throw new ZmqException(ErrorCode.EHOSTUNREACH, "no STREAM connection has this routing id");
            }
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
        return ((byte[]) in.lastPipe().attachment).clone();
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
