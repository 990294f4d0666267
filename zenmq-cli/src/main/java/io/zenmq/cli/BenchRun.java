// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the single measurements of {@code bench}: each in a fresh context, with the receiving or
 * replying socket bound on the calling thread and its peer on a worker thread. A run that fails
 * or stalls (no message for {@link #IDLE}) is reported as -1.
 */
final class BenchRun {
    private static final Duration IDLE = Duration.ofSeconds(5);
    private static final long MAX_COUNT = 50_000_000;

    private final Path tempDir;
    private final double targetSeconds;
    private final PrintStream err;
    private int ipcCounter;

    BenchRun(Path tempDir, double targetSeconds, PrintStream err) {
        this.tempDir = tempDir;
        this.targetSeconds = targetSeconds;
        this.err = err;
    }

    /** Calibrates and runs PUSH→PULL; returns msg/s or -1. */
    long throughput(String transport, int size) {
        try {
            long count = calibrate(size <= 4096 ? 2_000 : 500, n -> throughputRun(transport, size, n));
            long nanos = throughputRun(transport, size, count);
            long rate = PerfRuns.messagesPerSecond(count, nanos);
            progress(String.format(Locale.ROOT, "%s %d B throughput: %d msg/s, %.3f Mb/s (%d messages)",
                    transport, size, rate, PerfRuns.megabitsPerSecond(rate, size), count));
            return rate;
        } catch (RuntimeException e) {
            progress(transport + " " + size + " B throughput: failed: " + Main.describe(e));
            return -1;
        }
    }

    /** Calibrates and runs REQ↔REP; returns the one-way latency in µs or -1. */
    double latency(String transport, int size) {
        try {
            long count = calibrate(200, n -> latencyRun(transport, size, n));
            long nanos = latencyRun(transport, size, count);
            double latency = PerfRuns.latencyMicros(nanos, count);
            progress(String.format(Locale.ROOT, "%s %d B latency: %.3f us (%d roundtrips)",
                    transport, size, latency, count));
            return latency;
        } catch (RuntimeException e) {
            progress(transport + " " + size + " B latency: failed: " + Main.describe(e));
            return -1;
        }
    }

    private interface Measure {
        long nanos(long count);
    }

    /** Grows a pilot count until a pilot takes a tenth of the target, then scales it to the target. */
    private long calibrate(long start, Measure measure) {
        long count = start;
        long pilotNanos = (long) (targetSeconds * 1e9 / 10);
        for (int round = 0; round < 6; round++) {
            long nanos = Math.max(1, measure.nanos(count));
            if (nanos >= pilotNanos || count >= MAX_COUNT) {
                return clamp((long) (count * (targetSeconds * 1e9) / nanos));
            }
            count = clamp(nanos < pilotNanos / 10 ? count * 10 : count * 3);
        }
        return count;
    }

    private static long clamp(long count) {
        return Math.max(100, Math.min(MAX_COUNT, count));
    }

    private long throughputRun(String transport, int size, long count) {
        try (Context ctx = Context.create(); Socket pull = ctx.socket(SocketType.PULL)) {
            String endpoint = PerfCommand.bind(pull, endpoint(transport));
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Thread sender = PerfCommand.start("zenmq-bench-push", failure, () -> {
                try (Socket push = ctx.socket(SocketType.PUSH)) {
                    push.connect(endpoint);
                    PerfRuns.sendAll(push, size, count);
                } catch (ZmqException e) {
                    if (!ctx.isClosed()) {
                        throw e;
                    }
                }
            });
            long nanos = PerfRuns.receiveAll(pull, size, count, IDLE);
            PerfCommand.join(sender, failure);
            return nanos;
        }
    }

    private long latencyRun(String transport, int size, long count) {
        try (Context ctx = Context.create()) {
            Socket rep = ctx.socket(SocketType.REP);
            String endpoint = PerfCommand.bind(rep, endpoint(transport));
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Thread echo = PerfCommand.start("zenmq-bench-rep", failure, () -> {
                try (rep) {
                    PerfRuns.echo(rep, size, count, IDLE);
                } catch (ZmqException e) {
                    if (!ctx.isClosed()) {
                        throw e;
                    }
                }
            });
            long nanos;
            try (Socket req = ctx.socket(SocketType.REQ)) {
                req.connect(endpoint);
                nanos = PerfRuns.roundtrips(req, size, count, IDLE);
            }
            PerfCommand.join(echo, failure);
            return nanos;
        }
    }

    private String endpoint(String transport) {
        return switch (transport) {
            case "inproc" -> "inproc://zenmq-bench-" + (++ipcCounter);
            case "ipc" -> "ipc://" + tempDir.resolve("bench-" + (++ipcCounter) + ".ipc");
            default -> "tcp://127.0.0.1:*";
        };
    }

    private void progress(String line) {
        err.println("bench: " + line);
        err.flush();
    }
}
