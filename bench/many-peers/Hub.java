// SPDX-License-Identifier: MPL-2.0
import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The zenmq hub of bench/many-peers, doing what hub.c does with libzmq, plus what only a JVM can tell
 * about itself: bytes allocated (all threads), collections and heap.
 *
 * <pre>
 * pub SIZE SECONDS   binds a PUB, prints "endpoint EP", waits for a line on stdin, publishes SIZE-byte
 *                    messages for SECONDS, prints "sent N S" and a "jvm ..." line, closes
 * push SIZE SECONDS  the same with a PUSH, whose sends wait while every peer's queue is full
 * router             binds a ROUTER, prints "endpoint EP", echoes every message to its sender; each line
 *                    on stdin prints a "jvm ..." line for the time since the previous line
 * </pre>
 */
public final class Hub {
    private static final AtomicLong MESSAGES = new AtomicLong();

    public static void main(String[] args) throws IOException {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Context ctx = Context.builder().build()) {
            boolean pub = args[0].equals("pub");
            boolean push = args[0].equals("push");
            Socket socket = ctx.socket(pub ? SocketType.PUB : push ? SocketType.PUSH : SocketType.ROUTER);
            System.out.println("endpoint " + socket.bind("tcp://127.0.0.1:*"));
            System.out.flush();
            if (pub || push) {
                byte[] body = new byte[Integer.parseInt(args[1])];
                // the payload never changes, so it is handed over as it is, without a copy per send
                Msg out = new Msg();
                long nanos = (long) (Double.parseDouble(args[2]) * 1e9);
                stdin.readLine();
                Snapshot before = new Snapshot(0);
                long start = System.nanoTime();
                long end = start + nanos;
                long t = start;
                long sent = 0;
                while (t < end) {
                    for (int i = 0; i < 256; i++) {
                        socket.send(out.add(body));
                    }
                    sent += 256;
                    t = System.nanoTime();
                }
                System.out.printf(Locale.ROOT, "sent %d %.3f%n", sent, (t - start) / 1e9);
                System.out.println(new Snapshot(sent).since(before));
                System.out.flush();
            } else {
                Thread reporter = new Thread(() -> report(stdin), "hub-report");
                reporter.setDaemon(true);
                reporter.start();
                // as hub.c: each message received whole and sent back as it is, without copying
                Msg msg = new Msg();
                long echoed = 0;
                while (true) {
                    socket.recvMsg(msg);
                    socket.send(msg);
                    MESSAGES.setRelease(++echoed);
                }
            }
            socket.close();
        }
    }

    /** Prints, for every line read, what happened since the previous one. */
    private static void report(BufferedReader stdin) {
        Snapshot last = new Snapshot(MESSAGES.getAcquire());
        try {
            while (stdin.readLine() != null) {
                Snapshot now = new Snapshot(MESSAGES.getAcquire());
                System.out.println(now.since(last));
                System.out.flush();
                last = now;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The process's counters at one moment. */
    private record Snapshot(long messages, long allocatedBytes, long collections, long gcMillis, long heapUsed,
            long cpuNanos) {
        Snapshot(long messages) {
            this(messages, allocated(), gc(false), gc(true),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                    ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime());
        }

        /** Also the process's CPU time per message (all threads): on a shared machine it moves less than the rate. */
        String since(Snapshot before) {
            long n = messages - before.messages;
            return String.format(Locale.ROOT, "jvm messages=%d alloc_bytes=%d alloc_per_msg=%.2f gcs=%d gc_ms=%d heap_used_mb=%d cpu_ns_per_msg=%.0f",
                    n, allocatedBytes - before.allocatedBytes, n == 0 ? 0.0 : (allocatedBytes - before.allocatedBytes) / (double) n,
                    collections - before.collections, gcMillis - before.gcMillis, heapUsed >> 20,
                    n == 0 ? 0.0 : (cpuNanos - before.cpuNanos) / (double) n);
        }

        private static long allocated() {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
                sum += Math.max(0, bytes);
            }
            return sum;
        }

        private static long gc(boolean millis) {
            long sum = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                sum += millis ? gc.getCollectionTime() : gc.getCollectionCount();
            }
            return sum;
        }
    }
}
