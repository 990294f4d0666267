// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code zenmq bench [--quick]}: a PUSH→PULL throughput run and a REQ↔REP latency run per
 * transport and message size, in one process, each calibrated by short pilots to last about a
 * second; a progress line per run on stderr, then the markdown table of cli.md on stdout.
 */
final class BenchCommand {
    private static final List<String> TRANSPORTS = List.of("inproc", "ipc", "tcp");
    private static final int[] SIZES = {16, 256, 4096, 65536};
    private static final int[] QUICK_SIZES = {256};

    private BenchCommand() {
    }

    /** One table row; a null or negative figure is a failed run. */
    record Row(String transport, int size, long messagesPerSecond, double latencyMicros) {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        boolean quick = false;
        for (String arg : argv) {
            if (!arg.equals("--quick")) {
                throw CliException.usage("bench: unexpected argument '" + arg + "' (only --quick)");
            }
            quick = true;
        }
        double targetSeconds = quick ? 0.25 : 1.0;
        Path tempDir;
        try {
            tempDir = Files.createTempDirectory("zenmq-bench-");
        } catch (IOException e) {
            throw CliException.failure("cannot create a temporary directory: " + e.getMessage());
        }
        List<Row> rows = new ArrayList<>();
        try {
            BenchRun runner = new BenchRun(tempDir, targetSeconds, err);
            for (String transport : TRANSPORTS) {
                for (int size : quick ? QUICK_SIZES : SIZES) {
                    long rate = runner.throughput(transport, size);
                    double latency = runner.latency(transport, size);
                    rows.add(new Row(transport, size, rate, latency));
                }
            }
        } finally {
            deleteTree(tempDir);
        }
        out.print(table(rows));
        out.flush();
        return 0;
    }

    static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| transport | size [B] | throughput [msg/s] | throughput [Mb/s] | latency [us] |\n");
        sb.append("|-----------|---------:|-------------------:|------------------:|-------------:|\n");
        for (Row row : rows) {
            boolean thrOk = row.messagesPerSecond() >= 0;
            String rate = thrOk ? Long.toString(row.messagesPerSecond()) : "n/a";
            String mbps = thrOk ? String.format(Locale.ROOT, "%.3f",
                    PerfRuns.megabitsPerSecond(row.messagesPerSecond(), row.size())) : "n/a";
            String latency = row.latencyMicros() >= 0
                    ? String.format(Locale.ROOT, "%.3f", row.latencyMicros()) : "n/a";
            sb.append(String.format(Locale.ROOT, "| %-9s | %8d | %18s | %17s | %12s |%n",
                    row.transport(), row.size(), rate, mbps, latency).replace(System.lineSeparator(), "\n"));
        }
        return sb.toString();
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is in the temp area
        }
    }
}
