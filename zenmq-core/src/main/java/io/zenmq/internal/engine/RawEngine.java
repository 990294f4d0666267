// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.io.IoHandler;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Moves raw bytes between one connection and a STREAM socket's pipe: no greeting, no framing
 * (spec patterns.md section 6, libzmq's raw engine).
 *
 * <p>Owner: its I/O thread. The connection is ready at once, so {@link #start()} asks the session
 * for its pipe straight away. Reading: each {@code read} of the channel into a reusable direct
 * buffer becomes one single-frame message in the pipe (chunks are as arbitrary as TCP's); the
 * STREAM pattern prepends the routing id. When the socket's queue reaches its high-water mark the
 * engine stops reading until the socket drains it. Writing: frames taken from the pipe are copied
 * back to back into one reusable direct buffer and written raw. With {@code STREAM_NOTIFY} an
 * empty message announces the connection and, when the peer closes it or it fails, its end. The
 * socket closes a connection by ending the pipe (STREAM's {@code [id][""]}): what it queued
 * before is written first, then the connection closes without a notice, as in libzmq.
 */
final class RawEngine implements Engine, IoHandler {
    private static final System.Logger LOG = System.getLogger(RawEngine.class.getName());
    /** libzmq's default ZMQ_IN_BATCH_SIZE: the largest chunk delivered by one read. */
    private static final int READ_BUFFER_SIZE = 8 * 1024;
    private static final int WRITE_BUFFER_SIZE = 64 * 1024;
    /** Read and write rounds per readiness event before yielding to other connections. */
    private static final int ROUNDS = 16;

    private final IoThread io;
    private final Session session;
    private final SocketChannel channel;
    private final ConnectionOptions options;
    private final ByteBuffer in = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    private final ByteBuffer out = ByteBuffer.allocateDirect(WRITE_BUFFER_SIZE);
    private SelectionKey key;
    private final Runnable filler = this::fill;
    private Pipe pipe;
    private boolean closed;
    private boolean inputPaused;
    private boolean closeWhenFlushed;
    private byte[] pendingBody;
    private int pendingOffset;

    RawEngine(IoThread io, Session session, SocketChannel channel, ConnectionOptions options) {
        this.io = io;
        this.session = session;
        this.channel = channel;
        this.options = options;
    }

    @Override
    public void start() {
        try {
            channel.configureBlocking(false);
            key = io.register(channel, SelectionKey.OP_READ, this);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot register raw connection: " + e);
            close(false);
            return;
        }
        pipe = session.engineReady(peerProperties());
        if (pipe == null) {
            close(false);
            return;
        }
        // a raw stream has no multipart messages, so nothing can be left half sent
        session.takeSkipOutbound();
        notifySocket();
        writeOutput();
    }

    private Map<String, byte[]> peerProperties() {
        String host = PeerAddress.of(channel);
        return host.isEmpty() ? Map.of()
                : Map.of(ZmtpLayout.PROPERTY_PEER_ADDRESS, host.getBytes(StandardCharsets.US_ASCII));
    }

    /** Delivers the empty message STREAM_NOTIFY announces connections and disconnections with. */
    private void notifySocket() {
        if (options.streamNotify()) {
            pipe.write(new byte[0], false);
            pipe.flush();
        }
    }

    // ------------------------------------------------------------------ readiness

    @Override
    public void ready(SelectionKey readyKey) {
        if (readyKey.isReadable()) {
            readInput();
        }
        if (!closed && readyKey.isValid() && readyKey.isWritable()) {
            writeOutput();
        }
    }

    @Override
    public void failed(Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "raw connection failed unexpectedly", error);
        close(true);
    }

    @Override
    public void outputReady() {
        if (!closed) {
            writeOutput();
        }
    }

    @Override
    public void inputReady() {
        if (closed || !inputPaused) {
            return;
        }
        inputPaused = false;
        setInterest(SelectionKey.OP_READ, true);
        readInput();
    }

    @Override
    public void abort() {
        closed = true;
        closeChannel();
    }

    // ------------------------------------------------------------------ input

    private void readInput() {
        for (int round = 0; round < ROUNDS && !closed && !inputPaused; round++) {
            int n;
            try {
                in.clear();
                n = channel.read(in);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "raw read failed: " + e);
                close(true);
                return;
            }
            if (n < 0) {
                close(true);
                return;
            }
            if (n == 0) {
                break;
            }
            byte[] chunk = new byte[n];
            in.flip();
            in.get(chunk);
            pipe.write(chunk, false);
            if (!pipe.checkWritable()) {
                inputPaused = true;
                setInterest(SelectionKey.OP_READ, false);
            }
        }
        if (!closed) {
            pipe.flush();
        }
    }

    // ------------------------------------------------------------------ output

    private void writeOutput() {
        if (closed) {
            return;
        }
        switch (ChannelOutput.write(channel, key, out, filler, ROUNDS)) {
            case IDLE:
                if (closeWhenFlushed) {
                    close(false);
                }
                break;
            case FAILED:
                close(true);
                break;
            default:
                break;
        }
    }

    /** Copies queued frames into the output buffer while it has room. */
    private void fill() {
        while (out.hasRemaining()) {
            if (pendingBody != null) {
                put(pendingBody, pendingOffset);
                continue;
            }
            if (pipe == null || closeWhenFlushed) {
                return;
            }
            byte[] frame = pipe.read();
            if (frame == null) {
                if (pipe.isInEnded() || session.isClosing()) {
                    closeWhenFlushed = true;
                }
                return;
            }
            if ((pipe.lastFlags() & FrameQueue.FLAG_COMMAND) == 0) {
                put(frame, 0);
            }
            // a raw peer understands no commands: they are dropped
        }
    }

    /** Copies what fits of {@code body} from {@code offset}; the rest waits in pendingBody. */
    private void put(byte[] body, int offset) {
        int n = Math.min(out.remaining(), body.length - offset);
        out.put(body, offset, n);
        if (offset + n < body.length) {
            pendingBody = body;
            pendingOffset = offset + n;
        } else {
            pendingBody = null;
        }
    }

    // ------------------------------------------------------------------ closing

    private void setInterest(int op, boolean on) {
        ChannelOutput.setInterest(key, op, on);
    }

    /**
     * Closes the connection and tells the session.
     *
     * @param lost true if the peer closed it or it failed (announced with STREAM_NOTIFY); false if
     *     the socket asked for it or never got the connection
     */
    private void close(boolean lost) {
        if (closed) {
            return;
        }
        closed = true;
        closeChannel();
        if (pipe != null) {
            pipe.rollback();
            if (lost) {
                notifySocket();
            }
            pipe.flush();
        }
        session.engineClosed(false, false);
    }

    private void closeChannel() {
        ChannelOutput.close(key, channel);
    }
}
