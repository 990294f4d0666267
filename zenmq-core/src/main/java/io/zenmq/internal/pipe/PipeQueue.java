// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pipe;

/**
 * One direction of a {@link Pipe}: a single-producer single-consumer queue of frames that
 * publishes whole messages only. {@link FrameQueue} is the normal, HWM-bounded queue;
 * {@link ConflateQueue} keeps only the newest message ({@code ZMQ_CONFLATE}).
 *
 * <p>Owners: one writer thread (the {@code write}/{@code flush}/{@code rollback}/
 * {@code writeEnd} side) and one reader thread (the {@code read}/{@code has*}/{@code last*}
 * side). Both implementations follow the same sleep-and-wake protocol: a side that finds nothing
 * to do marks itself asleep and is woken through the {@link Runnable}s of {@link #setWakers}.
 */
sealed interface PipeQueue permits FrameQueue, ConflateQueue {
    /** Sets the wake-up callbacks; called once, before the queue is shared. */
    void setWakers(Runnable reader, Runnable writer);

    /** Writer: whether a new message may be started; if not, the writer is woken later. */
    boolean checkWritable();

    /**
     * Writer: whether the reader has read every whole message written so far. A queue that
     * cannot tell answers true.
     */
    default boolean writtenAllRead() {
        return true;
    }

    /**
     * Writer: whether the reader has looked for more since it last found a frame, and found none
     * (a receive or a poll that came back empty): it is then done with what it read, unless it
     * keeps it on purpose. A queue that cannot tell answers true.
     */
    default boolean readerLookedForMore() {
        return true;
    }

    /** Writer: appends a frame with {@link FrameQueue#FLAG_MORE}/{@link FrameQueue#FLAGS_SUBSCRIPTION} flags. */
    void write(byte[] frame, int flags);

    /** Writer: appends a frame. */
    void write(byte[] frame, boolean more);

    /** Writer: publishes the whole messages written so far and wakes a sleeping reader. */
    void flush();

    /** Writer: drops a message cut short. */
    void rollback();

    /** Writer: rolls back, then publishes the end marker after the last whole message. */
    void writeEnd();

    /** Writer: whether {@link #writeEnd()} was called. */
    boolean isEndWritten();

    /** Writer: whether a message is half written. */
    boolean hasUnflushed();

    /** Reader: the next frame, the end marker ({@link FrameQueue#isEnd}), or null (reader now asleep). */
    byte[] read();

    /** Reader: whether {@link #read()} would return a frame or the end marker. */
    boolean hasReadable();

    /**
     * Reader: as {@link #hasReadable()}, but when false the reader is left asleep, so the next
     * flush wakes it (what a poller needs to learn of the next message without reading).
     */
    boolean checkReadable();

    /** Reader: after {@link #hasReadable()} returned true, whether only the end marker is left. */
    boolean peekIsEnd();

    /** Reader: the MORE flag of the frame last read. */
    boolean lastMore();

    /** Reader: the flags of the frame last read. */
    int lastFlags();

    /**
     * Returns an array for a frame of exactly {@code length} bytes; only a {@link FrameQueue}
     * recycles. Writer thread only.
     *
     * @param length the frame's length
     * @return a new or recycled array, owned by the caller
     */
    default byte[] takeRecycled(int length) {
        return new byte[length];
    }

    /**
     * Drops the arrays waiting to be recycled; see {@link FrameQueue#dropRecycled}. Writer thread only.
     *
     * @return true if any was waiting
     */
    default boolean dropRecycled() {
        return false;
    }

    /**
     * Claims the array the last read returned for recycling; see {@link FrameQueue#claimLastRead}.
     * Reader thread only.
     *
     * @param frame the array
     * @return true if it may be recycled
     */
    default boolean claimLastRead(byte[] frame) {
        return false;
    }

    /**
     * Gives an array back to the writer; see {@link FrameQueue#recycle}. Reader thread only.
     *
     * @param frame an array nobody else refers to
     */
    default void recycle(byte[] frame) {
    }
}
