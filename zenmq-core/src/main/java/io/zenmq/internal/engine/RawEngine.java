// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.zmtp.BodyCarry;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Moves raw bytes between one connection and a STREAM socket's pipe: no greeting, no framing
 * (spec patterns.md section 6, libzmq's raw engine).
 *
 * <p>Owner: its I/O thread. The connection is ready at once, so {@link #start()} asks the session
 * for its pipe straight away. Reading (the {@link StreamEngine} loop): each {@code read} of the
 * channel, at most {@link #READ_CHUNK} bytes, becomes one single-frame message in the pipe (chunks
 * are as arbitrary as TCP's); the STREAM pattern prepends the routing id. When the socket's queue
 * reaches its high-water mark the engine stops reading until the socket drains it. Writing: frames
 * taken from the pipe are copied back to back into the output buffer and written raw. With {@code STREAM_NOTIFY} an
 * empty message announces the connection and, when the peer closes it or it fails, its end. The
 * socket closes a connection by ending the pipe (STREAM's {@code [id][""]}): what it queued
 * before is written first, then the connection closes without a notice, as in libzmq.
 */
final class RawEngine extends StreamEngine {
    /** libzmq's default ZMQ_IN_BATCH_SIZE: the largest chunk delivered by one read. */
    private static final int READ_CHUNK = 8 * 1024;

    private final ConnectionOptions options;
    private final BodyCarry carry = new BodyCarry();

    RawEngine(IoThread io, Session session, SocketChannel channel, ConnectionOptions options) {
        super(io, session, channel, READ_CHUNK);
        this.options = options;
    }

    @Override
    void started() {
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

    @Override
    public void outputReady() {
        writeOutput();
    }

    @Override
    void consume(ByteBuffer bytes, boolean fresh) {
        byte[] chunk = new byte[bytes.remaining()];
        bytes.get(chunk);
        pipe.write(chunk, false);
        if (!pipe.checkWritable()) {
            pauseInput();
        }
    }

    /** Copies queued frames into the output buffer while it has room. */
    @Override
    void fill(ByteBuffer out) {
        while (out.hasRemaining()) {
            if (!carry.drain(out)) {
                return;
            }
            if (pipe == null || closingWhenFlushed()) {
                return;
            }
            byte[] frame = pipe.read();
            if (frame == null) {
                if (pipe.isInEnded() || session.isClosing()) {
                    closeWhenFlushed();
                }
                return;
            }
            if ((pipe.lastFlags() & FrameQueue.FLAGS_SUBSCRIPTION) == 0) {
                carry.put(out, frame);
            }
            // a raw peer understands no subscriptions: they are dropped
        }
    }

    @Override
    void lost(int errno) {
        close(true);
    }

    @Override
    void flushed() {
        close(false);
    }

    @Override
    void aborted() {
        // nothing beyond the channel and buffers
    }

    /**
     * Closes the connection and tells the session.
     *
     * @param lost true if the peer closed it or it failed (announced with STREAM_NOTIFY); false if
     *     the socket asked for it or never got the connection
     */
    private void close(boolean lost) {
        if (!shutDown()) {
            return;
        }
        if (pipe != null) {
            pipe.rollback();
            if (lost) {
                notifySocket();
            }
            pipe.flush();
        }
        session.engineClosed(false, false);
    }
}
