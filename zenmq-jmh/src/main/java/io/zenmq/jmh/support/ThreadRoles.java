// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.support;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which side of a benchmark each thread works for, as {@code <side>.<part>}: {@code send.app} is
 * the thread calling {@code send}, {@code send.io} the sender's I/O thread, and so on, plus each
 * thread's allocated-bytes counter. {@link SideAllocProfiler} sums the counters by side.
 *
 * <p>The JVM forgets the counter of a thread that has ended, and JMH runs the trial's
 * {@code @TearDown} (which closes the contexts and so ends their I/O threads) before the profiler
 * reads the last iteration. So {@link #freezeCounters()} is called just before closing: an ended
 * thread then keeps the count it had at that moment. Any thread may call these methods.
 */
public final class ThreadRoles {
    /** zenmq names its I/O threads {@code zenmq-io-<context>-<index>}. */
    private static final String IO_THREAD_PREFIX = "zenmq-io-";

    private static final Map<Thread, String> ROLES = new ConcurrentHashMap<>();
    private static final Map<Thread, Long> FROZEN = new ConcurrentHashMap<>();
    private static final com.sun.management.ThreadMXBean COUNTERS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private ThreadRoles() {
    }

    /**
     * Gives a thread its role, replacing any earlier one, and appends {@code " [role]"} to its name
     * so that flight recordings and thread dumps show it too ({@link JfrSummary} reads it).
     *
     * @param thread the thread
     * @param role {@code <side>.<part>}, e.g. {@code recv.app}
     */
    public static void assign(Thread thread, String role) {
        ROLES.put(thread, role);
        String name = thread.getName();
        int tag = name.lastIndexOf(" [");
        String base = tag >= 0 && name.endsWith("]") ? name.substring(0, tag) : name;
        thread.setName(base + " [" + role + "]");
    }

    /**
     * Returns the threads with a role and their roles, at this moment.
     *
     * @return a copy
     */
    public static Map<Thread, String> snapshot() {
        return new HashMap<>(ROLES);
    }

    /** Records every role thread's counter, to be used once the thread has ended. */
    public static void freezeCounters() {
        for (Thread thread : ROLES.keySet()) {
            long bytes = COUNTERS.getThreadAllocatedBytes(thread.getId());
            if (bytes >= 0) {
                FROZEN.put(thread, bytes);
            }
        }
    }

    /**
     * Returns the bytes a thread has allocated so far: its live counter, or for an ended thread
     * the count {@link #freezeCounters()} recorded.
     *
     * @param thread a thread with a role
     * @return the bytes, or -1 if unknown
     */
    static long allocatedBytes(Thread thread) {
        long bytes = COUNTERS.getThreadAllocatedBytes(thread.getId());
        if (bytes >= 0 && thread.isAlive()) {
            return bytes;
        }
        return FROZEN.getOrDefault(thread, -1L);
    }

    /**
     * Turns per-thread allocation counting on.
     *
     * @throws IllegalStateException if this JVM cannot count
     */
    static void enableCounters() {
        if (!COUNTERS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
        }
        COUNTERS.setThreadAllocatedMemoryEnabled(true);
    }

    /** Returns the live zenmq I/O threads of every context in this JVM. */
    static Set<Thread> ioThreads() {
        Set<Thread> threads = new HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(IO_THREAD_PREFIX)) {
                threads.add(thread);
            }
        }
        return threads;
    }
}
