// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.support;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import java.time.Duration;

/**
 * A daemon thread that drives the far end of an end-to-end benchmark (the PUSH sender, the REP
 * echo) for the whole trial, while the JMH thread measures the near end. It repeats one step until
 * {@link #stop()}; a step blocked in the socket when the benchmark ends is released by closing the
 * context, whose {@code ETERM} counts as a normal end. Any other failure is rethrown by
 * {@link #join(Duration)}, so a broken run fails instead of measuring nothing.
 */
public final class Background {
    private final Thread thread;
    private final Runnable step;
    private volatile boolean stopped;
    private volatile RuntimeException failure;

    private Background(String role, Runnable step) {
        this.step = step;
        this.thread = new Thread(this::loop, "zenmq-jmh-driver");
        thread.setDaemon(true);
        ThreadRoles.assign(thread, role);
    }

    /**
     * Starts the thread.
     *
     * @param role its role for {@link ThreadRoles}, e.g. {@code send.app}
     * @param step one unit of work, repeated: one send, or one receive and its reply
     * @return the running thread's handle
     */
    public static Background start(String role, Runnable step) {
        Background background = new Background(role, step);
        background.thread.start();
        return background;
    }

    private void loop() {
        try {
            while (!stopped) {
                step.run();
            }
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.ETERM) {
                failure = e;
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /**
     * Asks the loop to end after its current step (which may still need the context closed).
     * Freezes the allocation counters first ({@link ThreadRoles#freezeCounters()}): the thread may
     * end at once, and the profiler reads the last iteration only after the trial's tear-down.
     */
    public void stop() {
        ThreadRoles.freezeCounters();
        stopped = true;
    }

    /**
     * Waits for the thread to end.
     *
     * @param timeout the longest wait
     * @throws IllegalStateException if the thread failed or is still running after the timeout
     */
    public void join(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException(thread.getName() + " did not end within " + timeout);
        }
        if (failure != null) {
            throw new IllegalStateException(thread.getName() + " failed", failure);
        }
    }
}
