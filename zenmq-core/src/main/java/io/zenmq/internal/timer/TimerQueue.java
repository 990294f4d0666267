// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.timer;

import java.util.Arrays;

/**
 * Timers ordered by deadline in a binary heap whose entries know their own slot, so that
 * cancelling, resetting or changing the interval of a timer is one sift in place, with no
 * allocation and no stale copies left behind (a Paranoid Pirate resets a timer per message).
 * Deadlines are {@code System.nanoTime}-style values compared by subtraction, so they may wrap;
 * equal deadlines keep the order the timers were armed in. Time is always an argument.
 *
 * <p>Owner thread: the thread that uses the owning {@code Timers}; not thread-safe.
 *
 * @param <T> what each entry carries for its owner (the public timer handle)
 */
public final class TimerQueue<T> {
    /**
     * The longest interval taken as given; a longer one is cut to this (about 146 years), so that a
     * deadline stays comparable by subtraction with any time this process can reach.
     */
    public static final long MAX_INTERVAL_NANOS = Long.MAX_VALUE / 2;

    private Entry<?>[] heap = new Entry<?>[8];
    private int size;
    /** Stamped on an entry each time it is armed: orders equal deadlines, and bounds one {@link #pollDue} pass. */
    private long armed;

    /**
     * Arms a new timer.
     *
     * @param nowNanos the current time
     * @param intervalNanos the interval (at least 0; capped at {@link #MAX_INTERVAL_NANOS})
     * @param repeating whether it re-arms itself after it fires
     * @param payload what the entry carries
     * @return the armed entry
     */
    public Entry<T> add(long nowNanos, long intervalNanos, boolean repeating, T payload) {
        Entry<T> entry = new Entry<>(payload, checkedInterval(intervalNanos), repeating);
        arm(entry, nowNanos + entry.interval);
        return entry;
    }

    /**
     * Disarms a timer; harmless if it is not armed.
     *
     * @param entry an entry of this queue
     */
    public void cancel(Entry<T> entry) {
        if (entry.index >= 0) {
            removeAt(entry.index);
        }
    }

    /**
     * Re-arms a timer for one interval from now, whether it was armed or not.
     *
     * @param entry an entry of this queue
     * @param nowNanos the current time
     */
    public void reset(Entry<T> entry, long nowNanos) {
        cancel(entry);
        arm(entry, nowNanos + entry.interval);
    }

    /**
     * Changes a timer's interval and re-arms it for the new interval from now.
     *
     * @param entry an entry of this queue
     * @param intervalNanos the new interval (at least 0)
     * @param nowNanos the current time
     */
    public void changeInterval(Entry<T> entry, long intervalNanos, long nowNanos) {
        entry.interval = checkedInterval(intervalNanos);
        reset(entry, nowNanos);
    }

    /**
     * Returns the time until the earliest deadline.
     *
     * @param nowNanos the current time
     * @return nanoseconds until the next timer is due, 0 if one is overdue, -1 if none is armed
     */
    public long nanosUntilNext(long nowNanos) {
        return size == 0 ? -1 : Math.max(0, heap[0].deadline - nowNanos);
    }

    /**
     * Returns a stamp to pass to {@link #pollDue} for one pass over the due timers: a timer armed
     * after the stamp was taken (a repeating timer re-armed by the pass itself, or one its handlers
     * reset or added) waits for the next pass, so a zero interval cannot make a pass endless.
     *
     * @return the pass's stamp
     */
    public long passStamp() {
        return armed;
    }

    /**
     * Takes the earliest timer due at {@code nowNanos} that was armed before {@code stamp}: a
     * repeating one is re-armed for {@code nowNanos} plus its interval (as libzmq's timers do, so a
     * late pass does not fire a burst), a one-shot one is disarmed.
     *
     * @param nowNanos the pass's time
     * @param stamp from {@link #passStamp()} at the start of the pass
     * @return the entry to fire, or null when none is due
     */
    public Entry<T> pollDue(long nowNanos, long stamp) {
        if (size == 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Entry<T> first = (Entry<T>) heap[0];
        if (first.deadline - nowNanos > 0 || first.stamp - stamp >= 0) {
            return null;
        }
        removeAt(0);
        if (first.repeating) {
            arm(first, nowNanos + first.interval);
        }
        return first;
    }

    /**
     * Returns how many timers are armed.
     *
     * @return the count
     */
    public int size() {
        return size;
    }

    private void arm(Entry<?> entry, long deadline) {
        entry.deadline = deadline;
        entry.stamp = armed++;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        entry.index = size;
        heap[size++] = entry;
        siftUp(entry.index);
    }

    private void removeAt(int index) {
        Entry<?> removed = heap[index];
        removed.index = -1;
        size--;
        if (index == size) {
            heap[size] = null;
            return;
        }
        Entry<?> last = heap[size];
        heap[size] = null;
        place(last, index);
        siftDown(index);
        siftUp(last.index);
    }

    private void siftUp(int index) {
        Entry<?> entry = heap[index];
        int at = index;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!before(entry, heap[parent])) {
                break;
            }
            place(heap[parent], at);
            at = parent;
        }
        place(entry, at);
    }

    private void siftDown(int index) {
        Entry<?> entry = heap[index];
        int at = index;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], entry)) {
                break;
            }
            place(heap[child], at);
            at = child;
        }
        place(entry, at);
    }

    private void place(Entry<?> entry, int index) {
        heap[index] = entry;
        entry.index = index;
    }

    private static boolean before(Entry<?> a, Entry<?> b) {
        long byTime = a.deadline - b.deadline;
        return byTime != 0 ? byTime < 0 : a.stamp - b.stamp < 0;
    }

    private static long checkedInterval(long intervalNanos) {
        if (intervalNanos < 0) {
            throw new IllegalArgumentException("negative interval: " + intervalNanos + " ns");
        }
        return Math.min(intervalNanos, MAX_INTERVAL_NANOS);
    }

    /**
     * One timer of a {@link TimerQueue}: its interval, whether it repeats, and where it sits in the
     * heap ({@code index} -1 when it is not armed).
     *
     * @param <T> what it carries for its owner
     */
    public static final class Entry<T> {
        private final T payload;
        private final boolean repeating;
        private long interval;
        private long deadline;
        private long stamp;
        private int index = -1;

        Entry(T payload, long interval, boolean repeating) {
            this.payload = payload;
            this.interval = interval;
            this.repeating = repeating;
        }

        /**
         * Returns what the entry carries.
         *
         * @return the payload given to {@link TimerQueue#add}
         */
        public T payload() {
            return payload;
        }

        /**
         * Tells whether the timer is armed.
         *
         * @return true while it waits for its deadline
         */
        public boolean isArmed() {
            return index >= 0;
        }

        /**
         * Tells whether the timer re-arms itself after it fires.
         *
         * @return true for a repeating timer
         */
        public boolean isRepeating() {
            return repeating;
        }

        /**
         * Returns the interval.
         *
         * @return nanoseconds
         */
        public long intervalNanos() {
            return interval;
        }
    }
}
