// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Direct I/O buffers lent to engines for as long as they hold bytes, pooled per I/O thread. An idle
 * connection then holds no buffer, so ten thousand mostly idle connections cost a few pooled buffers
 * instead of 128 KiB each; a busy one borrows and returns a buffer per readiness round.
 *
 * <p>Owner: each I/O thread has its own pool (a thread-local), and a buffer is returned on the thread
 * that borrowed it, so pooled buffers never leave their I/O thread (architecture section 4).
 */
final class BufferPool {
    /** Capacity of every pooled buffer: the most one read or one write call moves. */
    static final int BUFFER_SIZE = 64 * 1024;
    /** Buffers kept per thread beyond those lent out; more are left to the garbage collector. */
    private static final int MAX_IDLE = 32;
    private static final ThreadLocal<ArrayDeque<ByteBuffer>> IDLE = ThreadLocal.withInitial(ArrayDeque::new);

    private BufferPool() {
    }

    /**
     * Lends a cleared buffer of {@link #BUFFER_SIZE} bytes to the calling I/O thread.
     *
     * @return a direct buffer in write mode, owned by the caller until {@link #release}
     */
    static ByteBuffer borrow() {
        ByteBuffer buffer = IDLE.get().pollFirst();
        return buffer != null ? buffer.clear() : ByteBuffer.allocateDirect(BUFFER_SIZE);
    }

    /**
     * Takes a buffer back; the caller must not touch it afterwards. Called on the thread that borrowed it.
     *
     * @param buffer a buffer from {@link #borrow}
     */
    static void release(ByteBuffer buffer) {
        ArrayDeque<ByteBuffer> idle = IDLE.get();
        if (idle.size() < MAX_IDLE) {
            idle.addFirst(buffer);
        }
    }
}
