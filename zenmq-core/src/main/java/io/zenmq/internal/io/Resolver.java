// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.io;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs host name lookups off the I/O threads: one daemon thread per context, started on the
 * first lookup, stopped when the context closes. A lookup that blocks on DNS blocks only this
 * thread. Thread-safe.
 */
public final class Resolver {
    private final String threadName;
    private final ReentrantLock lock = new ReentrantLock();
    private ExecutorService executor;
    private boolean closed;

    /**
     * Creates a resolver whose thread will carry the given name.
     *
     * @param threadName e.g. {@code zenmq-resolver-3}
     */
    public Resolver(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Runs a lookup on the resolver thread; dropped once the resolver is closed.
     *
     * @param lookup the task; it posts its result back to an I/O thread itself
     */
    public void execute(Runnable lookup) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (executor == null) {
                executor = Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, threadName);
                    thread.setDaemon(true);
                    return thread;
                });
            }
            executor.execute(lookup);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops the thread, waiting at most {@code millis} for a lookup in progress.
     *
     * @param millis the longest wait
     * @throws InterruptedException if the caller is interrupted
     */
    public void close(long millis) throws InterruptedException {
        ExecutorService running;
        lock.lock();
        try {
            closed = true;
            running = executor;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            running.shutdownNow();
            running.awaitTermination(millis, TimeUnit.MILLISECONDS);
        }
    }
}
