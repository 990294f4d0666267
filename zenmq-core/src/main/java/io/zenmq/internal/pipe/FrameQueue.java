// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A single-producer single-consumer queue of frames, bounded in whole messages.
 *
 * <p>Owners: one writer thread and one reader thread. Frames are appended into chunks of
 * {@link #CHUNK_SIZE} slots and published only at message boundaries ({@link #flush()}), so the
 * reader sees whole messages or nothing. The writer may roll back an unpublished tail.
 *
 * <p>Wake-ups follow libzmq's signaler rule: a side that finds nothing to do marks itself asleep,
 * re-checks, and the other side wakes it (through a {@link Runnable}) only when it finds that mark.
 * A busy pipeline therefore signals nothing. The reader reports progress to a writer blocked at
 * the high-water mark every low-water step ({@code (hwm + 1) / 2} messages), with a full fence
 * at each step so that a writer that fell asleep is always seen.
 *
 * <p>Chunks the reader is done with go back to the writer through a small single-producer
 * single-consumer ring sized to the high-water mark, so a steady stream allocates no chunks.
 *
 * <p>Frame arrays can go back the same way, for a writer that fills arrays itself (a connection's
 * decoder): the reader {@linkplain #recycle gives back} an array whose bytes it has copied out, and
 * the writer {@linkplain #takeRecycled takes} the oldest one for its next frame if the length
 * matches (a stream mostly repeats its sizes), else drops it and allocates. The ring exists only
 * once the writer has asked for an array and the reader has given one back, so an idle or inproc
 * queue holds none. It is sized from what can be in flight: the writer runs at most {@code hwm}
 * messages ahead of the reader, so the ring has room for every array of a full queue (two frames
 * per message, plus the ones the writer and the reader hold; at most {@link #MAX_RECYCLED_ARRAYS}),
 * and holds at most {@link #MAX_RECYCLED_BYTES} bytes and no array over
 * {@link #MAX_RECYCLED_ARRAY_BYTES}. In steady state every array in flight therefore comes back
 * even when the reader is descheduled and the writer fills the queue meanwhile (a 4 MiB ring did
 * not: a burst of 500 64 KiB frames found it empty). What the ring holds is never more than the
 * queue itself held at its fullest; it goes back to the writer's next frames, is dropped by the
 * writer under heap pressure ({@link #dropRecycled}), and goes with the queue. An array is in the
 * ring, or with the writer, or in the queue, or with the reader: never in two places, so nobody
 * else can see it being refilled.
 */
public final class FrameQueue extends FrameQueueFields.PadAfterReader implements PipeQueue {
    /** More frames of the same message follow. */
    public static final int FLAG_MORE = 1;
    /**
     * A subscription between a socket and its peer, never delivered as data: the frame's body is
     * the topic prefix to add. The connection translates it at the wire (command or 01 message).
     */
    public static final int FLAG_SUBSCRIBE = 2;
    /** Like {@link #FLAG_SUBSCRIBE}, for a topic prefix to remove. */
    public static final int FLAG_CANCEL = 4;
    /** Either subscription flag: the frame is a subscription, not data. */
    public static final int FLAGS_SUBSCRIPTION = FLAG_SUBSCRIBE | FLAG_CANCEL;
    /**
     * A DISH joining a group, never delivered as data: the frame's body is the group. The
     * connection translates it at the wire (a JOIN command).
     */
    public static final int FLAG_JOIN = 8;
    /** Like {@link #FLAG_JOIN}, for a group the DISH leaves (a LEAVE command). */
    public static final int FLAG_LEAVE = 16;
    /** Either group flag: the frame is a join or leave, not data. */
    public static final int FLAGS_GROUP = FLAG_JOIN | FLAG_LEAVE;
    /** The end marker, shared with {@link ConflateQueue}. */
    static final byte[] END = new byte[0];
    /** The most arrays waiting in a queue's recycling ring (the ring of an unbounded queue). */
    public static final int MAX_RECYCLED_ARRAYS = 4096;
    /**
     * The most bytes waiting in a queue's recycling ring: a default high-water mark (1000) of 64 KiB
     * frames fits, and a connection's ring never holds more than this however large its frames.
     */
    public static final long MAX_RECYCLED_BYTES = 64L * 1024 * 1024;
    /** The longest array ever kept (or claimed) for recycling: keeping a larger one would pin the heap. */
    public static final int MAX_RECYCLED_ARRAY_BYTES = 4 * 1024 * 1024;
    /** The smallest ring, for a queue with a tiny high-water mark: a burst still fits. */
    private static final int MIN_RECYCLED_ARRAYS = 16;

    private static final VarHandle PUBLISHED;
    private static final VarHandle MESSAGES_READ;
    private static final VarHandle READER_ASLEEP;
    private static final VarHandle WRITER_ASLEEP;
    private static final VarHandle POOL_SLOT = MethodHandles.arrayElementVarHandle(Chunk[].class);
    private static final VarHandle RING_SLOT = MethodHandles.arrayElementVarHandle(byte[][].class);
    private static final VarHandle RECYCLED_BYTES_TAKEN;
    private static final VarHandle WRITER_RECYCLES;
    private static final VarHandle SHARED_RING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PUBLISHED = lookup.findVarHandle(FrameQueueFields.Published.class, "published", long.class);
            MESSAGES_READ = lookup.findVarHandle(FrameQueueFields.Consumed.class, "messagesRead", long.class);
            READER_ASLEEP = lookup.findVarHandle(FrameQueueFields.Published.class, "readerAsleep", boolean.class);
            WRITER_ASLEEP = lookup.findVarHandle(FrameQueueFields.Consumed.class, "writerAsleep", boolean.class);
            RECYCLED_BYTES_TAKEN = lookup.findVarHandle(FrameQueueFields.Published.class, "recycledBytesTaken",
                    long.class);
            WRITER_RECYCLES = lookup.findVarHandle(FrameQueueFields.Published.class, "writerRecycles", boolean.class);
            SHARED_RING = lookup.findVarHandle(FrameQueueFields.Consumed.class, "sharedRing", byte[][].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A run of {@link #CHUNK_SIZE} frame slots; chunks are linked in writing order. */
    static final class Chunk {
        final byte[][] frames = new byte[CHUNK_SIZE][];
        final byte[] flags = new byte[CHUNK_SIZE];
        Chunk next;
    }

    /**
     * Creates an empty queue.
     *
     * @param hwm the most whole messages it holds; 0 for no limit
     */
    public FrameQueue(long hwm) {
        super(hwm);
        Chunk first = newChunk();
        writeChunk = first;
        completeChunk = first;
        readChunk = first;
    }

    /**
     * Sets the callbacks that wake the reader and the writer. Called once, before the queue is
     * shared between threads.
     *
     * @param reader wakes the reader after a flush found it asleep
     * @param writer wakes the writer after the reader freed room it was waiting for
     */
    public void setWakers(Runnable reader, Runnable writer) {
        this.wakeReader = reader;
        this.wakeWriter = writer;
    }

    // ------------------------------------------------------------------ writer side

    /**
     * Tells the writer whether a new message fits. If not, marks the writer asleep so that the
     * reader wakes it once room is freed. Writer thread only.
     *
     * @return true if a message may be started now
     */
    public boolean checkWritable() {
        if (!isFull()) {
            return true;
        }
        WRITER_ASLEEP.setVolatile(this, true);
        if (isFullVolatile()) {
            return false;
        }
        WRITER_ASLEEP.compareAndSet(this, true, false);
        return true;
    }

    private boolean isFull() {
        if (hwm == 0 || messagesWritten - knownMessagesRead < hwm) {
            return false;
        }
        knownMessagesRead = (long) MESSAGES_READ.getAcquire(this);
        return messagesWritten - knownMessagesRead >= hwm;
    }

    /**
     * Tells whether the reader has read every whole message written so far. Writer thread only.
     *
     * @return true if no whole message is left unread
     */
    @Override
    public boolean writtenAllRead() {
        knownMessagesRead = (long) MESSAGES_READ.getVolatile(this);
        return messagesWritten == knownMessagesRead;
    }

    /**
     * Tells whether the reader found the queue empty since it last read a frame (it marks itself
     * asleep then, and the next flush wakes it). Writer thread only.
     *
     * @return true if the reader is waiting for more
     */
    @Override
    public boolean readerLookedForMore() {
        return (boolean) READER_ASLEEP.getVolatile(this);
    }

    private boolean isFullVolatile() {
        if (hwm == 0) {
            return false;
        }
        knownMessagesRead = (long) MESSAGES_READ.getVolatile(this);
        return messagesWritten - knownMessagesRead >= hwm;
    }

    /**
     * Appends a frame; it becomes visible at the next {@link #flush()}. Writer thread only.
     *
     * @param frame the frame's bytes, now owned by the queue
     * @param more whether more frames of the same message follow
     */
    public void write(byte[] frame, boolean more) {
        write(frame, more ? FLAG_MORE : 0);
    }

    /**
     * Appends a frame with flags ({@link #FLAG_MORE}, {@link #FLAG_SUBSCRIBE}, {@link #FLAG_CANCEL}). Writer thread only.
     *
     * @param frame the frame's bytes, now owned by the queue
     * @param flags the frame's flags
     */
    public void write(byte[] frame, int flags) {
        boolean more = (flags & FLAG_MORE) != 0;
        Chunk chunk = writeChunk;
        int index = writeIndex;
        chunk.frames[index] = frame;
        chunk.flags[index] = (byte) flags;
        written++;
        if (!more) {
            messagesWritten++;
        }
        if (++index == CHUNK_SIZE) {
            Chunk next = takeSpare();
            next.next = null;
            chunk.next = next;
            writeChunk = next;
            index = 0;
        }
        writeIndex = index;
        if (!more) {
            completeFrames = written;
            // a reference store costs a GC barrier; the chunk changes once per CHUNK_SIZE frames
            if (completeChunk != writeChunk) {
                completeChunk = writeChunk;
            }
            completeIndex = index;
        }
    }

    /** Takes a chunk the reader gave back, or makes one. Writer thread only. */
    private Chunk takeSpare() {
        int slot = poolTake & poolMask;
        Chunk chunk = (Chunk) POOL_SLOT.getAcquire(pool, slot);
        if (chunk == null) {
            return newChunk();
        }
        POOL_SLOT.setRelease(pool, slot, (Chunk) null);
        poolTake++;
        return chunk;
    }

    private Chunk newChunk() {
        chunksAllocated++;
        return new Chunk();
    }

    /** Gives an emptied chunk back to the writer; dropped if the ring is full. Reader thread only. */
    private void giveSpare(Chunk chunk) {
        int slot = poolGive & poolMask;
        if (POOL_SLOT.getAcquire(pool, slot) == null) {
            POOL_SLOT.setRelease(pool, slot, chunk);
            poolGive++;
        }
    }

    /**
     * Counts the chunks this queue has made, the first one included. Writer thread only.
     *
     * @return how many chunks were allocated
     */
    long chunksAllocated() {
        return chunksAllocated;
    }

    /**
     * Returns an array for a frame of exactly {@code length} bytes that the caller will fill
     * entirely: one the reader gave back if the oldest has that length, else a new one. Writer
     * thread only.
     *
     * @param length the frame's length, above 0
     * @return an array of that length, owned by the caller
     */
    @Override
    public byte[] takeRecycled(int length) {
        byte[][] ring = takeRing;
        if (ring == null) {
            ring = writerRing();
            if (ring == null) {
                return new byte[length];
            }
        }
        byte[] array = pollRing(ring);
        // a length that does not fit is dropped, so a stream that changed sizes empties the ring
        return array != null && array.length == length ? array : new byte[length];
    }

    /** Takes the oldest array out of the ring, its bytes counted as taken; null if the ring is empty. */
    private byte[] pollRing(byte[][] ring) {
        int slot = recycleTake & (ring.length - 1);
        byte[] array = (byte[]) RING_SLOT.getAcquire(ring, slot);
        if (array != null) {
            RING_SLOT.setRelease(ring, slot, (byte[]) null);
            recycleTake++;
            RECYCLED_BYTES_TAKEN.setRelease(this, recycledBytesTaken + array.length);
        }
        return array;
    }

    /** Tells the reader this writer recycles (once), and looks for the ring it may have made. */
    private byte[][] writerRing() {
        if (!recyclingAnnounced) {
            recyclingAnnounced = true;
            WRITER_RECYCLES.setRelease(this, true);
        }
        byte[][] ring = (byte[][]) SHARED_RING.getAcquire(this);
        takeRing = ring;
        return ring;
    }

    /**
     * Drops every array waiting in the recycling ring, so that the collector may take them: for a
     * writer that could not allocate a frame (the heap is short, and arrays of the wrong length may
     * be what fills it). Writer thread only.
     *
     * @return true if the ring held any array
     */
    public boolean dropRecycled() {
        byte[][] ring = takeRing != null ? takeRing : (byte[][]) SHARED_RING.getAcquire(this);
        if (ring == null) {
            return false;
        }
        takeRing = ring;
        boolean dropped = false;
        while (pollRing(ring) != null) {
            dropped = true;
        }
        return dropped;
    }

    /**
     * Publishes every whole message written so far (a message still being written stays
     * private) and wakes the reader if it sleeps. Writer thread only.
     */
    public void flush() {
        if (completeFrames == flushedFrames) {
            return;
        }
        flushedFrames = completeFrames;
        PUBLISHED.setVolatile(this, flushedFrames);
        if ((boolean) READER_ASLEEP.getVolatile(this) && READER_ASLEEP.compareAndSet(this, true, false)) {
            wakeReader.run();
        }
    }

    /** Drops the frames of a message cut short (whole messages stay). Writer thread only. */
    public void rollback() {
        Chunk chunk = completeChunk;
        int index = completeIndex;
        long frames = completeFrames;
        while (frames < written) {
            chunk.frames[index] = null;
            frames++;
            if (++index == CHUNK_SIZE) {
                chunk = chunk.next;
                index = 0;
            }
        }
        written = completeFrames;
        writeChunk = completeChunk;
        writeIndex = completeIndex;
    }

    /**
     * Rolls back any partial message, then writes and publishes the end marker: the reader will
     * see {@link #isEnd(byte[])} after the last whole message. Idempotent. Writer thread only.
     */
    public void writeEnd() {
        if (endWritten) {
            return;
        }
        endWritten = true;
        rollback();
        write(END, false);
        messagesWritten--;
        flush();
    }

    /**
     * Tells whether the writer already ended this queue.
     *
     * @return true after {@link #writeEnd()}
     */
    public boolean isEndWritten() {
        return endWritten;
    }

    /**
     * Tells whether a message is half written (frames written after the last whole message).
     *
     * @return true while a multipart message is being written
     */
    public boolean hasUnflushed() {
        return written != completeFrames;
    }

    // ------------------------------------------------------------------ reader side

    /**
     * Takes the next published frame. When there is none, marks the reader asleep so that the
     * next flush wakes it. Reader thread only.
     *
     * @return the frame (owned by the caller), the end marker, or null if nothing is published
     */
    public byte[] read() {
        if (readFrames == visibleFrames) {
            visibleFrames = (long) PUBLISHED.getAcquire(this);
            if (readFrames == visibleFrames) {
                READER_ASLEEP.setVolatile(this, true);
                visibleFrames = (long) PUBLISHED.getVolatile(this);
                if (readFrames == visibleFrames) {
                    return null;
                }
                READER_ASLEEP.compareAndSet(this, true, false);
            }
        }
        Chunk chunk = readChunk;
        int index = readIndex;
        byte[] frame = chunk.frames[index];
        int flags = chunk.flags[index];
        boolean more = (flags & FLAG_MORE) != 0;
        chunk.frames[index] = null;
        readFrames++;
        if (++index == CHUNK_SIZE) {
            readChunk = chunk.next;
            index = 0;
            giveSpare(chunk);
        }
        readIndex = index;
        lastMore = more;
        lastFlags = flags;
        // an array too big to recycle is never claimed: holding it would pin it in the heap
        lastFrame = frame.length <= MAX_RECYCLED_ARRAY_BYTES ? frame : null;
        if (!more && frame != END) {
            messageRead();
        }
        return frame;
    }

    /**
     * Tells whether {@code frame} is the very array the last {@link #read()} returned, and if so
     * forgets it, so that the same array can be claimed only once. What a socket hands out from
     * elsewhere (a stored routing id, a copy) is never claimed. Reader thread only.
     *
     * @param frame a frame the socket is about to give out or copy out
     * @return true if it came straight from this queue and may be {@linkplain #recycle recycled}
     *     once its reader is done with it
     */
    @Override
    public boolean claimLastRead(byte[] frame) {
        if (frame != lastFrame || frame.length == 0) {
            return false;
        }
        lastFrame = null;
        return true;
    }

    /**
     * Gives an array back to the writer, to be filled with a later frame; dropped if the writer
     * does not recycle (inproc), the ring is full, it would hold more than {@link #MAX_RECYCLED_BYTES},
     * or the array is longer than {@link #MAX_RECYCLED_ARRAY_BYTES}. The caller must hold no other
     * reference to it. Reader thread only.
     *
     * @param frame an array that came from a queue whose reader is this thread
     */
    @Override
    public void recycle(byte[] frame) {
        byte[][] ring = recycleRing;
        if (ring == null) {
            ring = readerRing();
            if (ring == null) {
                return;
            }
        }
        int length = frame.length;
        long held = recycledBytesGiven - (long) RECYCLED_BYTES_TAKEN.getAcquire(this);
        if (length == 0 || length > MAX_RECYCLED_ARRAY_BYTES || held + length > MAX_RECYCLED_BYTES) {
            return;
        }
        int slot = recycleGive & (ring.length - 1);
        if (RING_SLOT.getAcquire(ring, slot) != null) {
            return;
        }
        RING_SLOT.setRelease(ring, slot, frame);
        recycleGive++;
        recycledBytesGiven += length;
    }

    /** Makes the ring once the writer has said it recycles; null until then. */
    private byte[][] readerRing() {
        if (!(boolean) WRITER_RECYCLES.getAcquire(this)) {
            return null;
        }
        byte[][] ring = new byte[ringSlots(hwm)][];
        recycleRing = ring;
        SHARED_RING.setRelease(this, ring);
        return ring;
    }

    /**
     * The slots of the recycling ring of a queue of {@code hwm} messages: room for every array that
     * can be in flight, a power of two. The writer stops at {@code hwm} whole messages in the queue;
     * two frames per message (an envelope and a body), plus the frames the writer is filling and the
     * reader still holds (a reused message keeps its frames until the next one is read).
     *
     * @param hwm the queue's high-water mark; 0 for none
     * @return the ring's length
     */
    static int ringSlots(long hwm) {
        long inFlight = hwm == 0 ? MAX_RECYCLED_ARRAYS : 2 * hwm + 4;
        int wanted = (int) Math.max(MIN_RECYCLED_ARRAYS, Math.min(inFlight, MAX_RECYCLED_ARRAYS));
        return Integer.highestOneBit(wanted * 2 - 1);
    }

    private void messageRead() {
        long count = ++readerMessages;
        MESSAGES_READ.setRelease(this, count);
        if (--untilLowWater == 0) {
            untilLowWater = lowWaterStep;
            VarHandle.fullFence();
            if ((boolean) WRITER_ASLEEP.getVolatile(this) && WRITER_ASLEEP.compareAndSet(this, true, false)) {
                wakeWriter.run();
            }
        }
    }

    /**
     * Tells whether a whole message is ready to read, without taking it or marking the reader
     * asleep. Reader thread only.
     *
     * @return true if {@link #read()} would return a frame or the end marker
     */
    public boolean hasReadable() {
        if (readFrames != visibleFrames) {
            return true;
        }
        visibleFrames = (long) PUBLISHED.getAcquire(this);
        return readFrames != visibleFrames;
    }

    /**
     * Tells whether a frame is ready to read, without taking it; when none is, marks the reader
     * asleep (as {@link #read()} does) so that the next flush wakes it. Reader thread only.
     *
     * @return true if {@link #read()} would return a frame or the end marker
     */
    @Override
    public boolean checkReadable() {
        if (hasReadable()) {
            return true;
        }
        READER_ASLEEP.setVolatile(this, true);
        visibleFrames = (long) PUBLISHED.getVolatile(this);
        if (readFrames == visibleFrames) {
            return false;
        }
        READER_ASLEEP.compareAndSet(this, true, false);
        return true;
    }

    /**
     * Tells whether the next readable frame is the end marker. Call only after
     * {@link #hasReadable()} returned true. Reader thread only.
     *
     * @return true if only the end marker is left
     */
    public boolean peekIsEnd() {
        return readChunk.frames[readIndex] == END;
    }

    /**
     * Tells whether the frame last read has more frames after it. Reader thread only.
     *
     * @return the MORE flag of the last frame read
     */
    public boolean lastMore() {
        return lastMore;
    }

    /**
     * Returns the flags of the frame last read. Reader thread only.
     *
     * @return {@link #FLAG_MORE}, {@link #FLAG_SUBSCRIBE} and {@link #FLAG_CANCEL} bits
     */
    public int lastFlags() {
        return lastFlags;
    }

    /**
     * Tells whether a frame returned by {@link #read()} is the end marker.
     *
     * @param frame a frame from this queue
     * @return true for the end marker
     */
    public static boolean isEnd(byte[] frame) {
        return frame == END;
    }
}
