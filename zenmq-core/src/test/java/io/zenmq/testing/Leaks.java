// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import java.io.File;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** Counts what a context may leak: zenmq threads and this process's open file descriptors. */
public final class Leaks {
    static {
        // The JDK opens one socketpair for good the first time a selectable channel is closed
        // (its pre-close descriptor; on newer JDKs the first socket channel close). Run a context
        // over tcp and ipc once so that such descriptors exist before any test takes its baseline.
        // The abstract-namespace run loads junixsocket's native library (once per JVM) and starts
        // its cleaner thread, which is not zenmq's; the I/O thread and the descriptors of that
        // context are closed with it like any other and still counted by every test.
        warmUp();
    }

    private static void warmUp() {
        try (io.zenmq.Context ctx = io.zenmq.Context.create()) {
            for (Transport transport : new Transport[] {Transport.TCP, Transport.IPC, Transport.IPC_ABSTRACT}) {
                io.zenmq.Socket pull = ctx.socket(io.zenmq.SocketType.PULL);
                io.zenmq.Socket push = ctx.socket(io.zenmq.SocketType.PUSH);
                push.connect(pull.bind(transport.bindable()));
                push.send("warm-up");
                pull.recv(Duration.ofSeconds(10));
                push.close();
                pull.close();
            }
        }
    }

    private Leaks() {
    }

    /** @return names of live zenmq threads */
    public static Set<String> zenmqThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("zenmq-"))
                .collect(Collectors.toSet());
    }

    private static String describeFds() {
        StringBuilder sb = new StringBuilder();
        String[] fds = new File("/proc/self/fd").list();
        for (String fd : fds == null ? new String[0] : fds) {
            try {
                sb.append(fd).append("->").append(java.nio.file.Files.readSymbolicLink(
                        java.nio.file.Path.of("/proc/self/fd", fd))).append(' ');
            } catch (java.io.IOException e) {
                sb.append(fd).append("->? ");
            }
        }
        return sb.toString();
    }

    /**
     * Counts the descriptors zenmq could leak: sockets, pipes and anonymous inodes (epoll,
     * eventfd). Files the JDK opens lazily (random devices, jars) are not counted.
     *
     * @return the count, or -1 where /proc is missing
     */
    public static int openFds() {
        String[] fds = new File("/proc/self/fd").list();
        if (fds == null) {
            return -1;
        }
        int count = 0;
        for (String fd : fds) {
            try {
                String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd", fd))
                        .toString();
                if (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:")) {
                    count++;
                }
            } catch (java.io.IOException e) {
                // closed while listing
            }
        }
        return count;
    }

    /**
     * Asserts that no zenmq thread is alive and that the fd count came back to the baseline
     * (waiting briefly: a thread's end is asynchronous to its join in the JVM's bookkeeping).
     *
     * @param fdBaseline the count before the test
     */
    public static void assertNone(int fdBaseline) {
        Await.until("zenmq threads to end, alive: " + zenmqThreads(), Duration.ofSeconds(5),
                () -> zenmqThreads().isEmpty());
        if (fdBaseline >= 0) {
            Await.until("fds to return to " + fdBaseline + " (now " + openFds() + ": "
                    + describeFds() + ")", Duration.ofSeconds(5),
                    () -> openFds() <= fdBaseline);
        }
    }
}
