// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jcstress;

import io.zenmq.internal.pipe.FrameQueue;

/** Shared set-up and result codes of the stress tests. */
final class Frames {
    /** Frames in one chunk of a {@link FrameQueue}. */
    static final int CHUNK_SIZE = 256;
    /** The code of the end marker in results. */
    static final int END = -2;
    /** The code of "no frame" (null) in results. */
    static final int NONE = -1;
    /** How long a receiving actor waits at most; a lost wake-up shows as this timeout. */
    static final long LONG_WAIT_NANOS = 10_000_000_000L;

    private Frames() {
    }

    /**
     * Returns the first byte of a frame read from a queue.
     *
     * @param frame what {@code read()} returned
     * @return the byte, {@link #NONE} for null, {@link #END} for the end marker
     */
    static int firstByte(byte[] frame) {
        if (frame == null) {
            return NONE;
        }
        if (FrameQueue.isEnd(frame)) {
            return END;
        }
        return frame[0];
    }

    /**
     * Makes a queue whose writer and reader both stand at the last slot of a chunk, with the
     * reader marked asleep (it found the queue empty), so the next frame written crosses into
     * a new chunk and wakes the reader.
     *
     * @param hwm the queue's high-water mark
     * @return the queue, empty
     */
    static FrameQueue queueAtChunkEnd(long hwm) {
        FrameQueue queue = new FrameQueue(hwm);
        byte[] filler = {0};
        for (int i = 0; i < CHUNK_SIZE - 1; i++) {
            queue.write(filler, false);
        }
        queue.flush();
        for (int i = 0; i < CHUNK_SIZE - 1; i++) {
            queue.read();
        }
        if (queue.read() != null) {
            throw new IllegalStateException("the queue should be empty");
        }
        return queue;
    }
}
