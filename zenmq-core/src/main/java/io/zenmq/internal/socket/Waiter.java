// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.queue.MpscWakeQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Parks a socket's thread until its {@link Mailbox} has something, and wakes it when a post makes
 * the mailbox non-empty. A waiter announces itself before it re-checks the mailbox, so only the
 * post that made the mailbox non-empty needs to unpark it: a busy socket makes no wake-up calls.
 * The same wake-up also reaches the socket's {@link SocketWatcher}s (its pollers), so a poller
 * learns of mail exactly as a blocked receiver would.
 *
 * <p>A thread-safe socket has many waiting threads instead of one: each waits in {@link
 * #awaitUnlocked} with the socket's lock released, and every wake-up unparks all of them (each
 * then retakes the lock and retries; see {@link #wakeShared()} for the other reason to wake them).
 *
 * <p>Owner: the socket's application thread waits (any thread holding the lock of a thread-safe
 * socket); any thread posts or wakes.
 */
final class Waiter {
    private final Mailbox mailbox;
    /** How long {@link #await} spins before parking; 0 (the default) parks at once. */
    private final long spinNanos;
    /** Throws if the socket may no longer wait (closed, or its context terminating). */
    private final Runnable checkOpen;
    private volatile Thread waiting;
    /** The threads waiting on a thread-safe socket; null for a classic one. */
    private final Set<Thread> sharedWaiting;
    /** Told of every wake-up too (pollers following this socket); null if none. */
    private volatile SocketWatcher[] watchers;

    Waiter(Mailbox mailbox, long spinNanos, Runnable checkOpen, boolean shared) {
        this.mailbox = mailbox;
        this.spinNanos = spinNanos;
        this.checkOpen = checkOpen;
        this.sharedWaiting = shared ? ConcurrentHashMap.newKeySet() : null;
    }

    /**
     * Returns the deadline of a wait that starts now.
     *
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return the {@link System#nanoTime()} deadline, or 0 if there is none
     */
    static long deadline(long timeoutNanos) {
        return timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
    }

    /**
     * Waits until the mailbox has something. Socket thread.
     *
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @param deadline from {@link #deadline(long)}
     * @return false if the timeout passed first
     * @throws ZmqException {@code EINTR} if interrupted, or what the open check throws
     */
    boolean await(long timeoutNanos, long deadline) {
        if (timeoutNanos == 0) {
            return false;
        }
        if (spinNanos > 0 && spinUntilMail(timeoutNanos, deadline)) {
            return true;
        }
        Thread self = Thread.currentThread();
        waiting = self;
        try {
            if (mailbox.isEmpty()) {
                checkOpen.run();
                if (timeoutNanos < 0) {
                    LockSupport.park(this);
                } else {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        return false;
                    }
                    LockSupport.parkNanos(this, remaining);
                }
                if (self.isInterrupted()) {
                    throw new ZmqException(ErrorCode.EINTR, "interrupted while waiting");
                }
                checkOpen.run();
            }
        } finally {
            waiting = null;
        }
        return true;
    }

    /**
     * Waits, with the lock of a thread-safe socket released, until the mailbox has something or
     * another thread used the socket ({@link #wakeShared()}); then takes the lock again. Called
     * with the lock held once. The waiter is announced before the lock is released, so a thread
     * that changes the socket under the lock afterwards always finds it to wake.
     *
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @param deadline from {@link #deadline(long)}
     * @param lock the socket's lock, held by the caller
     * @return false if the timeout passed first
     * @throws ZmqException {@code EINTR} if interrupted, or what the open check throws
     */
    boolean awaitUnlocked(long timeoutNanos, long deadline, ReentrantLock lock) {
        if (timeoutNanos == 0) {
            return false;
        }
        long remaining = timeoutNanos > 0 ? deadline - System.nanoTime() : -1;
        if (timeoutNanos > 0 && remaining <= 0) {
            return false;
        }
        Thread self = Thread.currentThread();
        sharedWaiting.add(self);
        lock.unlock();
        try {
            if (mailbox.isEmpty()) {
                if (remaining < 0) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, remaining);
                }
            }
        } finally {
            sharedWaiting.remove(self);
            lock.lock();
        }
        if (self.isInterrupted()) {
            throw new ZmqException(ErrorCode.EINTR, "interrupted while waiting");
        }
        checkOpen.run();
        return true;
    }

    /**
     * Tells whether threads wait on this thread-safe socket.
     *
     * @return true if {@link #wakeShared()} has someone to wake
     */
    boolean hasSharedWaiters() {
        return !sharedWaiting.isEmpty();
    }

    /**
     * Unparks every thread waiting on a thread-safe socket, after another thread used it: that
     * thread may have handled the very wake-up a waiter was parked for (and left the message
     * to it), or closed the socket. Any thread.
     */
    void wakeShared() {
        for (Thread thread : sharedWaiting) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Spins for at most {@code spinNanos} (and not past the deadline) while the mailbox is empty.
     * No waiter is announced meanwhile, so posters skip {@code unpark}.
     *
     * @return true if a command arrived
     */
    private boolean spinUntilMail(long timeoutNanos, long deadline) {
        long start = System.nanoTime();
        long end = start + (timeoutNanos < 0 ? spinNanos : Math.min(spinNanos, deadline - start));
        int spins = 0;
        while (mailbox.isEmpty()) {
            Thread.onSpinWait();
            // nanoTime costs about 20 ns: read it only every few spins
            if ((++spins & 63) == 0 && System.nanoTime() - end >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Posts to the mailbox and wakes the waiting thread if this post made it non-empty. Any thread.
     *
     * @param node the command or wake-up
     * @return false if the mailbox is closed and refused it
     */
    boolean post(MpscWakeQueue.Node node) {
        int result = mailbox.post(node);
        if (result == MpscWakeQueue.REFUSED) {
            return false;
        }
        if (result == MpscWakeQueue.QUEUED_FIRST) {
            wake();
        }
        return true;
    }

    /** Unparks the waiting thread, if any, and tells the watchers. Any thread. */
    void wake() {
        Thread thread = waiting;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        if (sharedWaiting != null) {
            wakeShared();
        }
        SocketWatcher[] told = watchers;
        if (told != null) {
            for (SocketWatcher watcher : told) {
                watcher.socketWoken();
            }
        }
    }

    /**
     * Publishes the watchers that every later wake-up tells. Socket thread.
     *
     * @param current the watchers, or null for none
     */
    void watchers(SocketWatcher[] current) {
        watchers = current;
    }
}
