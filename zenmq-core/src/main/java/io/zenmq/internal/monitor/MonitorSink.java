// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.monitor;

import io.zenmq.EventType;
import io.zenmq.SocketEvent;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where a socket's events go: a bounded queue filled by any thread (mostly I/O threads) and
 * drained by one reader. A producer never waits for the reader: when the queue is full the
 * oldest event is dropped and counted. {@link #stop()} queues {@link EventType#MONITOR_STOPPED}
 * last; later events are ignored.
 *
 * <p>Thread-safe. The lock is held only to add or take one event.
 */
public final class MonitorSink {
    /** Events kept for a reader that does not keep up. */
    public static final int DEFAULT_CAPACITY = 4096;
    private static final AtomicLong HANDLES = new AtomicLong(100);

    private final Set<EventType> wanted;
    private final int capacity;
    private final ArrayDeque<SocketEvent> queue = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private long dropped;
    private boolean stopped;

    /**
     * Creates a sink.
     *
     * @param events the events to keep; others are ignored
     * @param capacity how many events to keep for the reader, at least 1
     */
    public MonitorSink(Set<EventType> events, int capacity) {
        this.wanted = events.isEmpty() ? EnumSet.noneOf(EventType.class) : EnumSet.copyOf(events);
        this.capacity = Math.max(1, capacity);
    }

    /**
     * Returns a new number standing in for a file descriptor in event values (libzmq reports fds).
     *
     * @return a number unique in this JVM
     */
    public static long nextHandle() {
        return HANDLES.incrementAndGet();
    }

    /**
     * Records an event if it is wanted. Any thread; never waits for the reader.
     *
     * @param type what happened
     * @param endpoint where
     * @param value the event's value
     */
    public void event(EventType type, String endpoint, long value) {
        if (!wanted.contains(type)) {
            return;
        }
        offer(new SocketEvent(type, endpoint, value));
    }

    private void offer(SocketEvent event) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped++;
            }
            queue.addLast(event);
            available.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends monitoring: queues {@link EventType#MONITOR_STOPPED} (if wanted) after the events
     * already queued; later events are ignored. Idempotent. Any thread.
     */
    public void stop() {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            if (wanted.contains(EventType.MONITOR_STOPPED)) {
                if (queue.size() >= capacity) {
                    queue.pollFirst();
                    dropped++;
                }
                queue.addLast(new SocketEvent(EventType.MONITOR_STOPPED, "", 0));
            }
            stopped = true;
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the next event, waiting up to a timeout.
     *
     * @param timeoutNanos the longest wait, -1 for no limit, 0 for none
     * @return the event, or null if the time passed, or at once if the sink is stopped and empty
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public SocketEvent next(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (queue.isEmpty()) {
                if (stopped || timeoutNanos == 0) {
                    return null;
                }
                if (timeoutNanos < 0) {
                    available.await();
                } else {
                    if (remaining <= 0) {
                        return null;
                    }
                    remaining = available.awaitNanos(remaining);
                }
            }
            return queue.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tells whether {@link #stop()} was called and every event was taken.
     *
     * @return true once nothing more will come
     */
    public boolean isFinished() {
        lock.lock();
        try {
            return stopped && queue.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Tells whether {@link #stop()} was called (events may still be queued).
     *
     * @return true once monitoring has ended
     */
    public boolean isStopped() {
        lock.lock();
        try {
            return stopped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns how many events were dropped because the reader did not keep up.
     *
     * @return the count since the sink was created
     */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
