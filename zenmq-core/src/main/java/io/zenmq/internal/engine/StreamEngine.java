// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.io.IoHandler;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.io.WrappingChannel;
import io.zenmq.internal.pipe.Pipe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The readiness, read, write and close loop both engines share over one stream connection; what
 * the bytes mean is the subclass's ({@link ZmtpEngine}: ZMTP, {@link RawEngine}: raw STREAM bytes).
 *
 * <p>Owner: its I/O thread. Reading: the channel fills a direct buffer, handed to
 * {@link #consume}; when the socket's queue is full the subclass pauses input until the socket
 * drains it. Whole messages are published once per batch of reads, not per read, so a reader that
 * keeps up is woken once for everything one readiness event brought. Writing: {@link #fill}
 * encodes back to back into a direct buffer, so many small messages go out per write call. Both
 * buffers come from the I/O thread's {@link BufferPool} and go back as soon as they are empty: an
 * idle connection holds none. Reads and writes stop after {@link #ROUNDS} rounds per readiness
 * event so one busy connection cannot starve the others.
 */
abstract class StreamEngine implements Engine, IoHandler {
    private static final System.Logger LOG = System.getLogger(StreamEngine.class.getName());
    /** Read and write rounds per readiness event before yielding to other connections. */
    private static final int ROUNDS = 16;
    /**
     * The most one write call hands a tcp connection. Over Linux loopback (MSS 65 483) a whole 64 KiB
     * buffer per write took about twice the kernel time per byte of two 32 KiB writes, and 4 KiB and
     * 64 KiB messages went at about half the rate; 16-byte messages did not change
     * (docs/bench/2026-12-07-tcp-write-size.md). Unix-domain connections write whole buffers: the
     * split made no difference there.
     */
    private static final int TCP_WRITE_BYTES = 32 * 1024;

    final IoThread io;
    final Session session;
    final SocketChannel channel;
    /** The socket's side of the connection, null until the session hands it over. */
    Pipe pipe;
    /**
     * Whether a read that leaves room in the buffer may end a round of reads. The JDK's selector
     * keeps reporting a peer's hang-up as readable until it is read; junixsocket's (channels behind
     * a {@link WrappingChannel}) did not report it again once the data before it had been read
     * (AbstractIpcInteropTest), so those connections read on until a read returns 0 or -1.
     */
    private final boolean shortReadDrains;
    /** The most one read may bring (RawEngine delivers each read as one message). */
    private final int readChunk;
    /** The most one write may take: {@link #TCP_WRITE_BYTES} on tcp, else a whole buffer. */
    private final int writeChunk;
    private SelectionKey key;
    /** Bytes read and not yet consumed, in read mode; a pooled buffer while it holds any, else null. */
    private ByteBuffer in;
    /** Bytes encoded and not yet written, in write mode; a pooled buffer while it holds any, else null. */
    private ByteBuffer out;
    private boolean closed;
    private boolean inputPaused;
    private boolean readingStopped;
    private boolean closeWhenFlushed;

    StreamEngine(IoThread io, Session session, SocketChannel channel, int readChunk) {
        this.io = io;
        this.session = session;
        this.channel = channel;
        this.readChunk = readChunk;
        this.writeChunk = overTcp(channel) ? TCP_WRITE_BYTES : BufferPool.BUFFER_SIZE;
        this.shortReadDrains = !(channel instanceof WrappingChannel);
    }

    private static boolean overTcp(SocketChannel channel) {
        try {
            return channel.getRemoteAddress() instanceof InetSocketAddress;
        } catch (IOException e) {
            return false;       // closed already: it will not write
        }
    }

    /** The channel is registered: start talking. */
    abstract void started();

    /**
     * Takes bytes from the peer.
     *
     * @param bytes the unconsumed bytes, in read mode
     * @param fresh true if a read just brought some, false when resuming after a pause
     */
    abstract void consume(ByteBuffer bytes, boolean fresh);

    /** Puts whatever is due to the peer into {@code buffer} (write mode) while it has room. */
    abstract void fill(ByteBuffer buffer);

    /** The connection broke (errno EPIPE or ECONNRESET, 0 if unexpected): close it. */
    abstract void lost(int errno);

    /** Everything was written after {@link #closeWhenFlushed()}: close now. */
    abstract void flushed();

    /** {@link #abort()} dropped the connection: let go of what the subclass holds. */
    abstract void aborted();

    @Override
    public final void start() {
        try {
            channel.configureBlocking(false);
            key = io.register(channel, SelectionKey.OP_READ, this);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot register connection: " + e);
            lost(0);
            return;
        }
        started();
    }

    @Override
    public final void ready(SelectionKey readyKey) {
        if (readyKey.isReadable()) {
            readInput();
        }
        if (!closed && readyKey.isValid() && readyKey.isWritable()) {
            writeOutput();
        }
    }

    @Override
    public final void failed(Throwable error) {
        // whatever one peer provoked (an OutOfMemoryError included) closes its connection only;
        // a single line by default, the stack trace only at DEBUG
        LOG.log(System.Logger.Level.WARNING, () -> "connection closed after an unexpected error: " + error);
        LOG.log(System.Logger.Level.DEBUG, "connection failed unexpectedly", error);
        lost(0);
    }

    @Override
    public final void inputReady() {
        if (closed || !inputPaused) {
            return;
        }
        inputPaused = false;
        if (in != null) {
            consume(in, false);
            publishInbound();
            releaseDrainedInput();
        }
        if (!closed && !inputPaused) {
            setInterest(SelectionKey.OP_READ, true);
            readInput();
        }
    }

    @Override
    public final void abort() {
        shutDown();
        aborted();
    }

    // ------------------------------------------------------------------ input

    final void readInput() {
        readRounds();
        publishInbound();
        releaseDrainedInput();
    }

    private void readRounds() {
        for (int round = 0; round < ROUNDS && !closed && !inputPaused && !readingStopped; round++) {
            int n;
            boolean drained;
            if (in == null) {
                in = BufferPool.borrow();
            } else {
                in.compact();
            }
            if (in.remaining() > readChunk) {
                in.limit(in.position() + readChunk);
            }
            try {
                n = channel.read(in);
                // room left means the kernel had no more: another read would only say so
                drained = shortReadDrains && in.hasRemaining();
                in.flip();
            } catch (IOException e) {
                in.flip();
                LOG.log(System.Logger.Level.DEBUG, () -> "read failed: " + e);
                lost(Session.ECONNRESET);
                return;
            }
            if (n < 0) {
                lost(Session.EPIPE);
                return;
            }
            if (n == 0) {
                return;
            }
            consume(in, true);
            if (drained) {
                return;
            }
        }
    }

    /** Makes the whole messages decoded so far visible to the socket, once per batch of reads. */
    private void publishInbound() {
        if (pipe != null && !closed) {
            pipe.flush();
        }
    }

    /** Gives the input buffer back once everything in it is consumed. */
    private void releaseDrainedInput() {
        if (in != null && !in.hasRemaining()) {
            BufferPool.release(in);
            in = null;
        }
    }

    /** The socket's queue is full: read nothing until {@link #inputReady()}. */
    final void pauseInput() {
        inputPaused = true;
        setInterest(SelectionKey.OP_READ, false);
    }

    /** Reads nothing more from the peer, for good. */
    final void stopReading() {
        readingStopped = true;
        setInterest(SelectionKey.OP_READ, false);
    }

    // ------------------------------------------------------------------ output

    /**
     * Fills the buffer and writes it, again and again, until nothing is left, the kernel takes no
     * more, or the round limit is hit; write interest is on exactly while something is left.
     */
    final void writeOutput() {
        if (closed) {
            return;
        }
        if (out == null) {
            out = BufferPool.borrow();
        }
        for (int round = 0; round < ROUNDS; round++) {
            fill(out);
            if (out.position() == 0) {
                BufferPool.release(out);
                out = null;
                setInterest(SelectionKey.OP_WRITE, false);
                if (closeWhenFlushed) {
                    flushed();
                }
                return;
            }
            out.flip();
            try {
                writeChunks(out);
            } catch (IOException e) {
                BufferPool.release(out);
                out = null;
                LOG.log(System.Logger.Level.DEBUG, () -> "write failed: " + e);
                lost(Session.ECONNRESET);
                return;
            }
            boolean blocked = out.hasRemaining();
            out.compact();
            if (blocked) {
                break;
            }
        }
        setInterest(SelectionKey.OP_WRITE, true);
    }

    /** Writes the buffer in pieces of at most {@link #writeChunk} bytes until the kernel takes less. */
    private void writeChunks(ByteBuffer buffer) throws IOException {
        int end = buffer.limit();
        while (buffer.hasRemaining()) {
            buffer.limit(buffer.remaining() > writeChunk ? buffer.position() + writeChunk : end);
            channel.write(buffer);
            boolean partial = buffer.hasRemaining();
            buffer.limit(end);
            if (partial) {
                return;
            }
        }
    }

    /** Closes (through {@link #flushed()}) once everything queued is written. */
    final void closeWhenFlushed() {
        closeWhenFlushed = true;
    }

    final boolean closingWhenFlushed() {
        return closeWhenFlushed;
    }

    // ------------------------------------------------------------------ closing

    final boolean isClosed() {
        return closed;
    }

    /**
     * Cancels the key, closes the channel and returns both buffers (what they still held is
     * dropped with the connection).
     *
     * @return false if it was closed already
     */
    final boolean shutDown() {
        if (closed) {
            return false;
        }
        closed = true;
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (ClosedChannelException e) {
            // already closed
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
        if (in != null) {
            BufferPool.release(in);
            in = null;
        }
        if (out != null) {
            BufferPool.release(out);
            out = null;
        }
        return true;
    }

    /** Turns one interest bit on or off, touching the key only if that changes it. */
    private void setInterest(int op, boolean on) {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = key.interestOps();
        int wanted = on ? ops | op : ops & ~op;
        if (wanted != ops) {
            key.interestOps(wanted);
        }
    }
}
