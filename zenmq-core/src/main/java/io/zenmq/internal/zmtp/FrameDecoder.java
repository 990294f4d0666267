// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.LegacyLayout.V1_FLAGS_LENGTH;
import static io.zenmq.internal.zmtp.LegacyLayout.V1_FLAG_MORE;
import static io.zenmq.internal.zmtp.LegacyLayout.V1_LONG_LENGTH_ESCAPE;
import static io.zenmq.internal.zmtp.LegacyLayout.V1_LONG_LENGTH_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.FLAG_COMMAND;
import static io.zenmq.internal.zmtp.ZmtpLayout.FLAG_LONG;
import static io.zenmq.internal.zmtp.ZmtpLayout.FLAG_MORE;
import static io.zenmq.internal.zmtp.ZmtpLayout.LONG_HEADER_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.LONG_SIZE_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.MAX_ARRAY_BODY;
import static io.zenmq.internal.zmtp.ZmtpLayout.SHORT_HEADER_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.SHORT_SIZE_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIZE_OFFSET;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntFunction;

/**
 * Incremental decoder of ZMTP 3.x and 2.0 frames (spec/zmtp.md section 4; 2.0 is the same layout and
 * never sets COMMAND), or, when made by {@link #zmtp10}, of ZMTP 1.0 frames (section 3.3, see
 * {@link LegacyLayout}). Input may be split at any byte; a partial header or body is kept until the next
 * {@link #decode} call. Owned by the IO thread of its connection; not thread-safe.
 *
 * <p>Leniency matches libzmq: reserved flag bits are ignored, LONG is accepted for small bodies, and a
 * COMMAND frame with MORE set is delivered as a command. Sizes are checked as soon as the header is
 * complete: top bit set, above the maximum message size, or too big for a Java array is a
 * {@link ProtocolException} ({@link ProtocolErrors#ZENMQ_MESSAGE_TOO_LARGE}) before any body byte.
 *
 * <p>Memory: a header alone allocates nothing. When the first byte of a body arrives, the body is
 * allocated once at its announced size (already checked against the maximum message size) and filled
 * as bytes arrive, never grown by copying, so a frame of N bytes needs N bytes of heap, not 1.5-2 N
 * (libzmq's decoder allocates at the header in the same way). The delivered array is that very array.
 * The array comes from {@link FrameSink#body}, which may hand out one the socket gave back
 * (recycling) instead of allocating.
 * If the heap cannot hold it and {@link FrameSink#waitForMemory()} says frames the socket has not
 * read yet may be what fills it, decoding stops ({@link Status#STOPPED}, the body's bytes left in
 * the input) and the next {@code decode} tries again. Otherwise the {@link OutOfMemoryError} becomes a {@link ProtocolException}
 * ({@link ProtocolErrors#ZENMQ_OUT_OF_MEMORY}), so only this peer's connection ends, as libzmq closes
 * a connection whose decoder fails with ENOMEM.
 */
public final class FrameDecoder {
    /** Outcome of one {@link #decode} call. */
    public enum Status {
        /** All input was consumed; call again when more bytes arrive. */
        NEED_MORE,
        /** The sink returned false; the bytes after the delivered frame are left in the input. */
        STOPPED
    }

    /**
     * Bodies up to this size are decoded on the fast path when wholly present; a larger body is
     * allocated at its announced size when its first byte arrives.
     */
    static final int EAGER_ALLOCATION_LIMIT = 64 * 1024;

    /** The last allocation failed and the sink asked to try again later: decoding is paused. */
    private boolean waitingForMemory;
    private static final byte[] EMPTY = new byte[0];
    private static final int STATE_FLAGS = 0;
    private static final int STATE_SIZE = 1;
    private static final int STATE_BODY = 2;
    /** ZMTP 1.0 only: the length is in, the flags byte comes next. */
    private static final int STATE_V1_FLAGS = 3;

    /** Largest accepted body, or negative for unlimited (libzmq ZMQ_MAXMSGSIZE, per frame). */
    private long maxMessageSize;
    /** ZMTP 1.0 layout: length (counting the flags byte) first, then flags. */
    private final boolean zmtp10;
    /** Allocates a body at its announced size in tests; null: the sink's {@link FrameSink#body}. */
    private final IntFunction<byte[]> allocator;

    private int state = STATE_FLAGS;
    private int flags;
    private int sizeBytesLeft;
    private long size;
    private int bodySize;
    /** Body under construction; null until its first byte arrives. */
    private byte[] body;
    private int filled;

    /**
     * Creates a decoder.
     *
     * @param maxMessageSize largest accepted frame body in bytes, or -1 (any negative value) for unlimited
     */
    public FrameDecoder(long maxMessageSize) {
        this(maxMessageSize, false);
    }

    private FrameDecoder(long maxMessageSize, boolean zmtp10) {
        this(maxMessageSize, zmtp10, null);
    }

    /** For tests: a decoder whose bodies come from {@code allocator} (e.g. one that runs out of memory). */
    FrameDecoder(long maxMessageSize, boolean zmtp10, IntFunction<byte[]> allocator) {
        this.maxMessageSize = maxMessageSize;
        this.zmtp10 = zmtp10;
        this.allocator = allocator;
    }

    /**
     * Creates a decoder of ZMTP 1.0 frames: a length of 1 byte, or 0xFF and 8 bytes, counting the flags
     * byte that follows it; then the body. Only the MORE flag is read; a length of 0 is a
     * {@link ProtocolException}. The size checks and memory rule are those of 3.x frames, on the body size.
     *
     * @param maxMessageSize largest accepted frame body in bytes, or -1 (any negative value) for unlimited
     * @return a new decoder
     */
    public static FrameDecoder zmtp10(long maxMessageSize) {
        return new FrameDecoder(maxMessageSize, true);
    }

    /**
     * Decodes as many frames from {@code in} as it holds, passing each complete one to {@code sink}.
     *
     * @param in bytes from the peer; consumed up to its limit, or up to the end of the frame after
     *        which the sink asked to stop
     * @param sink receives complete frames in order
     * @return {@link Status#NEED_MORE} if {@code in} is exhausted, {@link Status#STOPPED} if the sink
     *         returned false
     * @throws ProtocolException if a frame is too large or the sink rejects a command; the decoder is
     *         then unusable until {@link #reset()}
     */
    public Status decode(ByteBuffer in, FrameSink sink) throws ProtocolException {
        if (zmtp10) {
            return decodeZmtp10(in, sink);
        }
        for (;;) {
            if (state == STATE_FLAGS) {
                int remaining = in.remaining();
                if (remaining == 0) {
                    return Status.NEED_MORE;
                }
                int pos = in.position();
                int f = in.get(pos);
                // Hot path: a short frame wholly inside the input, no state kept across calls.
                if ((f & FLAG_LONG) == 0 && remaining >= SHORT_HEADER_LENGTH) {
                    int n = in.get(pos + SIZE_OFFSET) & 0xFF;
                    if (n <= remaining - SHORT_HEADER_LENGTH && (maxMessageSize < 0 || n <= maxMessageSize)) {
                        byte[] b = n == 0 ? EMPTY : sink.body(n);
                        in.position(pos + SHORT_HEADER_LENGTH);
                        in.get(b);
                        if (!deliver(f, b, sink)) {
                            return Status.STOPPED;
                        }
                        continue;
                    }
                }
                flags = f;
                if ((f & FLAG_LONG) != 0 && remaining >= LONG_HEADER_LENGTH) {
                    // a long header wholly inside the input: its size in one read, not a byte loop
                    // per frame (frames above 255 bytes all have one)
                    long announced = in.getLong(pos + SIZE_OFFSET);
                    size = in.order() == ByteOrder.BIG_ENDIAN ? announced : Long.reverseBytes(announced);
                    in.position(pos + LONG_HEADER_LENGTH);
                    checkSize();
                    startBody();
                } else {
                    in.get();
                    size = 0;
                    sizeBytesLeft = (f & FLAG_LONG) != 0 ? LONG_SIZE_LENGTH : SHORT_SIZE_LENGTH;
                    state = STATE_SIZE;
                }
            }
            if (state == STATE_SIZE) {
                while (sizeBytesLeft > 0) {
                    if (!in.hasRemaining()) {
                        return Status.NEED_MORE;
                    }
                    size = (size << Byte.SIZE) | (in.get() & 0xFF);
                    sizeBytesLeft--;
                }
                checkSize();
                startBody();
            }
            if (!readBody(in, sink)) {
                return waitingForMemory ? Status.STOPPED : Status.NEED_MORE;
            }
            if (!deliverBody(sink)) {
                return Status.STOPPED;
            }
        }
    }

    /** The ZMTP 1.0 loop; STATE_FLAGS stands for "between frames", where the length byte comes. */
    private Status decodeZmtp10(ByteBuffer in, FrameSink sink) throws ProtocolException {
        for (;;) {
            if (state == STATE_FLAGS) {
                if (!in.hasRemaining()) {
                    return Status.NEED_MORE;
                }
                int first = in.get() & 0xFF;
                boolean escaped = first == V1_LONG_LENGTH_ESCAPE;
                size = escaped ? 0 : first;
                sizeBytesLeft = escaped ? V1_LONG_LENGTH_LENGTH : 0;
                state = STATE_SIZE;
            }
            if (state == STATE_SIZE) {
                while (sizeBytesLeft > 0) {
                    if (!in.hasRemaining()) {
                        return Status.NEED_MORE;
                    }
                    size = (size << Byte.SIZE) | (in.get() & 0xFF);
                    sizeBytesLeft--;
                }
                if (size == 0) {
                    throw new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED,
                            "ZMTP/1.0 frame of length 0 (the length counts the flags byte)");
                }
                if (size > 0) {
                    size -= V1_FLAGS_LENGTH;
                }
                checkSize();
                state = STATE_V1_FLAGS;
            }
            if (state == STATE_V1_FLAGS) {
                if (!in.hasRemaining()) {
                    return Status.NEED_MORE;
                }
                flags = (in.get() & V1_FLAG_MORE) != 0 ? FLAG_MORE : 0;
                startBody();
            }
            if (!readBody(in, sink)) {
                return waitingForMemory ? Status.STOPPED : Status.NEED_MORE;
            }
            if (!deliverBody(sink)) {
                return Status.STOPPED;
            }
        }
    }

    /** Hands the completed body on and returns to a frame boundary; false if the sink asked to stop. */
    private boolean deliverBody(FrameSink sink) throws ProtocolException {
        byte[] b = body;
        body = null;
        state = STATE_FLAGS;
        return deliver(flags, b, sink);
    }

    /** Rejects the announced body size before any of it is read. */
    private void checkSize() throws ProtocolException {
        if (size < 0) {
            throw tooLarge("frame size has the top bit set: 0x" + Long.toHexString(size));
        }
        if (maxMessageSize >= 0 && size > maxMessageSize) {
            throw tooLarge("frame of " + size + " bytes exceeds the maximum message size " + maxMessageSize);
        }
        if (size > MAX_ARRAY_BODY) {
            throw tooLarge("frame of " + size + " bytes exceeds the largest supported frame " + MAX_ARRAY_BODY);
        }
    }

    private void startBody() {
        bodySize = (int) size;
        filled = 0;
        body = bodySize == 0 ? EMPTY : null;
        state = STATE_BODY;
    }

    /** Copies body bytes from {@code in}; returns true once the body is complete. */
    private boolean readBody(ByteBuffer in, FrameSink sink) throws ProtocolException {
        if (filled == bodySize) {
            return true;
        }
        int available = in.remaining();
        if (available == 0) {
            return false;
        }
        if (body == null) {
            body = allocate(bodySize, sink);
            if (body == null) {
                return false;
            }
        }
        int n = Math.min(available, bodySize - filled);
        in.get(body, filled, n);
        filled += n;
        return filled == bodySize;
    }

    /** The body's one allocation (or a recycled array); a heap too small for it ends this connection only. */
    private byte[] allocate(int n, FrameSink sink) throws ProtocolException {
        waitingForMemory = false;
        try {
            return allocator == null ? sink.body(n) : allocator.apply(n);
        } catch (OutOfMemoryError e) {
            if (sink.waitForMemory()) {
                // frames the socket has yet to read may be what fills the heap: try again later
                waitingForMemory = true;
                return null;
            }
            throw new ProtocolException(ProtocolErrors.ZENMQ_OUT_OF_MEMORY,
                    "no heap for a frame of " + n + " bytes: " + e.getMessage());
        }
    }

    private static boolean deliver(int f, byte[] b, FrameSink sink) throws ProtocolException {
        if ((f & FLAG_COMMAND) != 0) {
            return sink.onCommand(b);
        }
        return sink.onFrame(b, (f & FLAG_MORE) != 0);
    }

    private static ProtocolException tooLarge(String message) {
        return new ProtocolException(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE, message);
    }

    /**
     * Changes the largest accepted body for the frames that follow (e.g. a tighter limit while a
     * connection is not yet authenticated).
     *
     * @param limit largest accepted frame body in bytes, or -1 for unlimited
     */
    public void setMaxFrameSize(long limit) {
        this.maxMessageSize = limit;
    }

    /** Capacity of the partial-body buffer, for tests of the memory rule. */
    int bufferCapacity() {
        return body == null ? 0 : body.length;
    }
}
