// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Spaces out sends for {@code --delay} (before the first) and {@code --interval} (between sends). */
final class Pacer {
    private final long intervalNanos;
    private long nextNanos;

    Pacer(long delayMs, long intervalMs) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMs);
        this.nextNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delayMs);
    }

    /** Nanoseconds until the next send may go; 0 or less when it may go now. */
    long remainingNanos() {
        return nextNanos - System.nanoTime();
    }

    /** Parks until the next send may go. */
    void await() {
        parkUntil(nextNanos);
    }

    /** Records a send, starting the interval before the next one. */
    void sent() {
        nextNanos = System.nanoTime() + intervalNanos;
    }

    /** Parks the calling thread until {@code System.nanoTime()} reaches the deadline. */
    static void parkUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        while (left > 0) {
            LockSupport.parkNanos(left);
            left = deadlineNanos - System.nanoTime();
        }
    }
}
