// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pipe;

/**
 * The fields of {@link FrameQueue}, laid out so that what only the writer changes, what only the
 * reader changes, and each counter one of them publishes to the other sit on cache lines of their
 * own. The JVM places a superclass's fields before its subclass's, so each group is a class in a
 * chain with a padding class between groups. Without this, the writer's and the reader's counters
 * shared a line that moved between their cores on every message.
 */
final class FrameQueueFields {
    private FrameQueueFields() {
    }

    /** Fixed after construction; read by both threads, written by neither. */
    abstract static class Constants {
        static final int CHUNK_SIZE = 256;
        /** The most spare chunks kept per queue (about 85 KiB), whatever the high-water mark. */
        private static final int MAX_POOL = 64;
        /** Spare chunks kept for an unbounded queue. */
        private static final int UNBOUNDED_POOL = 8;

        final long hwm;
        final long lowWaterStep;
        /**
         * Spare chunks: the reader stores into an empty slot (release), the writer takes from a full
         * one (acquire). A slot's null/non-null state is the only shared state, as in FastFlow's SPSC.
         */
        final FrameQueue.Chunk[] pool;
        final int poolMask;
        /** Set once by {@link FrameQueue#setWakers}, before the queue is shared. */
        Runnable wakeReader = () -> { };
        Runnable wakeWriter = () -> { };

        Constants(long hwm) {
            this.hwm = hwm;
            this.lowWaterStep = Math.max(1, (hwm + 1) / 2);
            // Chunks alive at once: those holding hwm messages, plus the ones being written and read;
            // doubled for two-frame messages (envelopes), since hwm counts messages, not frames.
            long needed = hwm > 0 ? 2 * ((hwm + CHUNK_SIZE - 1) / CHUNK_SIZE + 2) : UNBOUNDED_POOL;
            int size = Integer.highestOneBit((int) Math.min(MAX_POOL, needed) * 2 - 1);
            this.pool = new FrameQueue.Chunk[size];
            this.poolMask = size - 1;
        }
    }

    /** Writer-owned. */
    abstract static class WriterSide extends Constants {
        FrameQueue.Chunk writeChunk;
        int writeIndex;
        long written;
        long messagesWritten;
        FrameQueue.Chunk completeChunk;
        int completeIndex;
        long completeFrames;
        long flushedFrames;
        boolean endWritten;
        /** The reader's count as last seen; re-read only when it says full (libzmq's ypipe credit). */
        long knownMessagesRead;
        int poolTake;
        long chunksAllocated;
        /** The recycling ring as the writer last saw it; null until the reader made one. */
        byte[][] takeRing;
        int recycleTake;
        /** The writer has told the reader it takes recycled arrays. */
        boolean recyclingAnnounced;

        WriterSide(long hwm) {
            super(hwm);
        }
    }

    /** 128 bytes: two lines, so the adjacent-line prefetcher does not pair the groups either. */
    @SuppressWarnings("unused")
    abstract static class PadAfterWriter extends WriterSide {
        long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

        PadAfterWriter(long hwm) {
            super(hwm);
        }
    }

    /** What the writer publishes on every flush, and the reader's sleep mark the writer checks then. */
    abstract static class Published extends PadAfterWriter {
        /** Accessed through VarHandles only. */
        long published;
        boolean readerAsleep;
        /** Bytes of the recycled arrays the writer took (or dropped); accessed through VarHandles only. */
        long recycledBytesTaken;
        /** Set once by the writer: it fills recycled arrays, so the reader may give some back. VarHandles only. */
        boolean writerRecycles;

        Published(long hwm) {
            super(hwm);
        }
    }

    @SuppressWarnings("unused")
    abstract static class PadAfterPublished extends Published {
        long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

        PadAfterPublished(long hwm) {
            super(hwm);
        }
    }

    /** What the reader publishes every low-water step, and the writer's sleep mark. */
    abstract static class Consumed extends PadAfterPublished {
        /** Accessed through VarHandles only. */
        long messagesRead;
        boolean writerAsleep;
        /** The recycling ring, published once by the reader; accessed through VarHandles only. */
        byte[][] sharedRing;

        Consumed(long hwm) {
            super(hwm);
        }
    }

    @SuppressWarnings("unused")
    abstract static class PadAfterConsumed extends Consumed {
        long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;

        PadAfterConsumed(long hwm) {
            super(hwm);
        }
    }

    /** Reader-owned. */
    abstract static class ReaderSide extends PadAfterConsumed {
        FrameQueue.Chunk readChunk;
        int readIndex;
        long readFrames;
        long visibleFrames;
        long readerMessages;
        boolean lastMore;
        int lastFlags;
        int poolGive;
        /** The frame {@link FrameQueue#read()} returned last, until claimed for recycling. */
        byte[] lastFrame;
        /** The recycling ring; null until the first array is given back to a writer that recycles. */
        byte[][] recycleRing;
        int recycleGive;
        /** Bytes of every array given back so far. */
        long recycledBytesGiven;
        /** Messages left before the next low-water report: a countdown, not a division per message. */
        long untilLowWater;

        ReaderSide(long hwm) {
            super(hwm);
            untilLowWater = lowWaterStep;
        }
    }

    /** 64 bytes after the reader's fields, for whatever object the heap puts next. */
    @SuppressWarnings("unused")
    abstract static class PadAfterReader extends ReaderSide {
        long p00, p01, p02, p03, p04, p05, p06, p07;

        PadAfterReader(long hwm) {
            super(hwm);
        }
    }
}
