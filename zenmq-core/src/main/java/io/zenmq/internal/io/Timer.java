// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.io;

/** A one-shot action at a deadline on an {@link IoThread}. IO thread only. */
public final class Timer implements Comparable<Timer> {
    final long deadline;
    final Runnable action;
    private final long sequence;
    boolean cancelled;

    Timer(long deadline, long sequence, Runnable action) {
        this.deadline = deadline;
        this.sequence = sequence;
        this.action = action;
    }

    /** Stops the action from running; harmless after it ran. */
    public void cancel() {
        cancelled = true;
    }

    @Override
    public int compareTo(Timer other) {
        int byTime = Long.compare(deadline - other.deadline, 0);
        return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
}
