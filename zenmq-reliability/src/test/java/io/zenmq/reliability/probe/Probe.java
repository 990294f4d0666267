// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.probe;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the resources a process holds: descriptors from /proc, threads, heap after three
 * collections, direct memory from the "direct" {@link BufferPoolMXBean}. Stateless; any thread.
 */
public final class Probe {
    private Probe() {
    }

    /** @return this JVM's resources, after three garbage collections */
    public static Resources self() {
        long heap = heapAfterGc();
        BufferPoolMXBean direct = direct();
        return new Resources(fds(Path.of("/proc/self/fd")), liveThreads(), heap,
                direct == null ? -1 : direct.getMemoryUsed(), direct == null ? -1 : direct.getCount());
    }

    /**
     * Reads another process's descriptors and threads (heap and direct memory are not visible
     * from outside: a child JVM reports those itself).
     *
     * @param pid the process
     * @return its resources, -1 where it is gone
     */
    public static Resources of(long pid) {
        int threads = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"),
                    StandardCharsets.US_ASCII)) {
                if (line.startsWith("Threads:")) {
                    threads = Integer.parseInt(line.substring(8).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return new Resources(fds(Path.of("/proc", Long.toString(pid), "fd")), threads, -1, -1, -1);
    }

    /**
     * Counts the descriptors a messaging library could leak: sockets, pipes and anonymous inodes.
     * Jars and random devices the JDK opens lazily are not counted.
     *
     * @param dir a /proc/PID/fd directory
     * @return the count, or -1 where it cannot be read
     */
    public static int fds(Path dir) {
        String[] names = dir.toFile().list();
        if (names == null) {
            return -1;
        }
        int count = 0;
        for (String name : names) {
            try {
                String target = Files.readSymbolicLink(dir.resolve(name)).toString();
                if (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:")) {
                    count++;
                }
            } catch (IOException e) {
                // closed while listing
            }
        }
        return count;
    }

    /** @return live threads of this JVM */
    public static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** @return heap bytes in use after three collections a moment apart */
    public static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            LockSupport.parkNanos(20_000_000L); // lets reference processing and cleaners run
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static BufferPoolMXBean direct() {
        List<BufferPoolMXBean> pools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
        for (BufferPoolMXBean pool : pools) {
            if ("direct".equals(pool.getName())) {
                return pool;
            }
        }
        return null;
    }
}
