// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pipe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A single-producer single-consumer queue that holds only the newest whole message
 * ({@code ZMQ_CONFLATE}, libzmq's {@code ypipe_conflate}): the writer never blocks, and a message
 * published before the reader took the previous one replaces it.
 *
 * <p>Owners: one writer thread and one reader thread. The writer builds a message privately;
 * its last frame makes it the pending whole message (replacing an older pending one), and
 * {@link #flush()} hands it to the reader by swapping it into {@link #published}. The reader
 * takes the published message with an atomic swap, so every message belongs to exactly one side
 * at any time; a consumed message goes back to the writer through {@link #spare} for reuse.
 * Wake-ups follow {@link FrameQueue}'s rule: the reader marks itself asleep and re-checks, the
 * writer wakes it after publishing only if it finds that mark. The writer is never woken: the
 * queue is never full. After {@link #writeEnd()} the reader sees the last published message, if
 * it had not taken it yet, then the end marker (libzmq instead lets the end replace the message).
 */
public final class ConflateQueue implements PipeQueue {
    private static final VarHandle READER_ASLEEP;
    private static final VarHandle ENDED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            READER_ASLEEP = lookup.findVarHandle(ConflateQueue.class, "readerAsleep", boolean.class);
            ENDED = lookup.findVarHandle(ConflateQueue.class, "ended", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The frames of one message; owned by whichever side holds the reference. */
    private static final class Message {
        byte[][] frames = new byte[2][];
        byte[] flags = new byte[2];
        int count;

        void add(byte[] frame, int flag) {
            if (count == frames.length) {
                frames = Arrays.copyOf(frames, count * 2);
                flags = Arrays.copyOf(flags, count * 2);
            }
            frames[count] = frame;
            flags[count] = (byte) flag;
            count++;
        }

        void clear() {
            Arrays.fill(frames, 0, count, null);
            count = 0;
        }
    }

    private final AtomicReference<Message> published = new AtomicReference<>();
    private final AtomicReference<Message> spare = new AtomicReference<>();

    // Shared, accessed through the VarHandles above.
    @SuppressWarnings("unused")
    private boolean readerAsleep;
    @SuppressWarnings("unused")
    private boolean ended;

    private Runnable wakeReader = () -> { };

    // Writer-owned.
    private Message building;
    private Message pending;
    private boolean endWritten;

    // Reader-owned.
    private Message current;
    private int readIndex;
    private boolean endRead;
    private boolean lastMore;
    private int lastFlags;

    @Override
    public void setWakers(Runnable reader, Runnable writer) {
        this.wakeReader = reader;
        // the writer never waits, so it is never woken
    }

    // ------------------------------------------------------------------ writer side

    @Override
    public boolean checkWritable() {
        return true;
    }

    @Override
    public void write(byte[] frame, boolean more) {
        write(frame, more ? FrameQueue.FLAG_MORE : 0);
    }

    @Override
    public void write(byte[] frame, int flags) {
        if (building == null) {
            building = obtain();
        }
        building.add(frame, flags);
        if ((flags & FrameQueue.FLAG_MORE) == 0) {
            Message older = pending;
            pending = building;
            building = older;
            if (building != null) {
                building.clear();
            }
        }
    }

    private Message obtain() {
        Message message = spare.getAndSet(null);
        return message != null ? message : new Message();
    }

    @Override
    public void flush() {
        if (pending == null) {
            return;
        }
        Message replaced = published.getAndSet(pending);
        pending = null;
        if (replaced != null) {
            // the reader never saw it: conflated away, and ours to reuse
            replaced.clear();
            if (building == null) {
                building = replaced;
            }
        }
        wakeReaderIfAsleep();
    }

    private void wakeReaderIfAsleep() {
        if ((boolean) READER_ASLEEP.getVolatile(this) && READER_ASLEEP.compareAndSet(this, true, false)) {
            wakeReader.run();
        }
    }

    @Override
    public void rollback() {
        if (building != null) {
            building.clear();
        }
    }

    @Override
    public void writeEnd() {
        if (endWritten) {
            return;
        }
        endWritten = true;
        rollback();
        flush();
        ENDED.setVolatile(this, true);
        wakeReaderIfAsleep();
    }

    @Override
    public boolean isEndWritten() {
        return endWritten;
    }

    @Override
    public boolean hasUnflushed() {
        return building != null && building.count > 0;
    }

    // ------------------------------------------------------------------ reader side

    @Override
    public byte[] read() {
        if (current == null && !take()) {
            READER_ASLEEP.setVolatile(this, true);
            if (!take()) {
                return null;
            }
            READER_ASLEEP.compareAndSet(this, true, false);
        }
        if (current == null) {
            endRead = true;
            lastMore = false;
            lastFlags = 0;
            return FrameQueue.END;
        }
        Message message = current;
        int index = readIndex++;
        byte[] frame = message.frames[index];
        lastFlags = message.flags[index];
        lastMore = (lastFlags & FrameQueue.FLAG_MORE) != 0;
        if (readIndex == message.count) {
            message.clear();
            current = null;
            readIndex = 0;
            spare.set(message);
        }
        return frame;
    }

    /**
     * Takes the published message into {@link #current}; true if there was one or if only the
     * end marker is left (then {@link #current} stays null).
     */
    private boolean take() {
        if (endRead) {
            return false;
        }
        Message message = published.getAndSet(null);
        if (message == null && (boolean) ENDED.getVolatile(this)) {
            // the writer publishes its last message before it sets the end flag
            message = published.getAndSet(null);
            if (message == null) {
                return true;
            }
        }
        current = message;
        return message != null;
    }

    @Override
    public boolean hasReadable() {
        if (current != null || published.get() != null) {
            return true;
        }
        return !endRead && (boolean) ENDED.getVolatile(this);
    }

    @Override
    public boolean checkReadable() {
        if (hasReadable()) {
            return true;
        }
        READER_ASLEEP.setVolatile(this, true);
        if (!hasReadable()) {
            return false;
        }
        READER_ASLEEP.compareAndSet(this, true, false);
        return true;
    }

    @Override
    public boolean peekIsEnd() {
        return current == null && published.get() == null;
    }

    @Override
    public boolean lastMore() {
        return lastMore;
    }

    @Override
    public int lastFlags() {
        return lastFlags;
    }
}
