// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class PerfTest {
    private static final String THROUGHPUT_REPORT = "message size: 16 \\[B\\]\nmessage count: 2000\n"
            + "mean throughput: \\d+ \\[msg/s\\]\nmean throughput: \\d+\\.\\d{3} \\[Mb/s\\]\n";
    private static final String LATENCY_REPORT =
            "message size: 8 \\[B\\]\nroundtrip count: 100\naverage latency: \\d+\\.\\d{3} \\[us\\]\n";

    @Test
    void shouldMeasureThroughputBetweenLocalAndRemote(@TempDir Path dir) throws Exception {
        String endpoint = "ipc://" + dir.resolve("thr.ipc");
        CompletableFuture<CliRun> local = CliRun.start("", "perf", "local-thr", endpoint, "16", "2000");
        CliRun remote = CliRun.run("", "perf", "remote-thr", endpoint, "16", "2000");
        remote.assertOk();
        assertThat(remote.out()).isEmpty();
        CliRun result = local.get(20, TimeUnit.SECONDS);
        result.assertOk();
        assertThat(result.out()).matches(THROUGHPUT_REPORT);
    }

    /** Above 4 KiB the receiver takes each message by reference in a reused Msg instead of copying it. */
    @ParameterizedTest
    @CsvSource({"4097", "10000", "65536"})
    void shouldMeasureThroughputOfMessagesTakenByReference(int size, @TempDir Path dir) throws Exception {
        String endpoint = "ipc://" + dir.resolve("big.ipc");
        CompletableFuture<CliRun> local = CliRun.start("", "perf", "local-thr", endpoint, Integer.toString(size), "300");
        CliRun remote = CliRun.run("", "perf", "remote-thr", endpoint, Integer.toString(size), "300");
        remote.assertOk();
        CliRun result = local.get(20, TimeUnit.SECONDS);
        result.assertOk();
        assertThat(result.out()).startsWith("message size: " + size + " [B]\nmessage count: 300\n");
    }

    @Test
    void shouldSendToLibraryPullOverTcp() {
        try (Context ctx = Context.create(); Socket pull = ctx.socket(SocketType.PULL)) {
            String endpoint = pull.bind("tcp://127.0.0.1:*");
            CompletableFuture<CliRun> remote = CliRun.start("", "perf", "remote-thr", endpoint, "100", "500");
            for (int i = 0; i < 500; i++) {
                assertThat(pull.recv(Duration.ofSeconds(10))).hasSize(100);
            }
            remote.join().assertOk();
        }
    }

    /** A copied message (up to 4 KiB) and one taken by reference in a reused Msg (above). */
    @ParameterizedTest
    @CsvSource({"16, 17", "8192, 8193"})
    void shouldFailOnMessageOfWrongSize(String expected, String sent, @TempDir Path dir) throws Exception {
        String endpoint = "ipc://" + dir.resolve("bad.ipc");
        CompletableFuture<CliRun> local = CliRun.start("", "perf", "local-thr", endpoint, expected, "10");
        CliRun remote = CliRun.run("", "perf", "remote-thr", endpoint, sent, "10");
        remote.assertOk();
        local.get(20, TimeUnit.SECONDS).assertFailure(1, "wrong size");
    }

    @Test
    void shouldMeasureLatencyAgainstLibraryRep() {
        try (Context ctx = Context.create(); Socket rep = ctx.socket(SocketType.REP)) {
            String endpoint = rep.bind("tcp://127.0.0.1:*");
            CompletableFuture<CliRun> remote = CliRun.start("", "perf", "remote-lat", endpoint, "8", "100");
            for (int i = 0; i < 100; i++) {
                rep.send(rep.recv(Duration.ofSeconds(10)));
            }
            CliRun result = remote.join();
            result.assertOk();
            assertThat(result.out()).matches(LATENCY_REPORT);
        }
    }

    @Test
    void shouldEchoOnLocalLat(@TempDir Path dir) throws Exception {
        String endpoint = "ipc://" + dir.resolve("lat.ipc");
        CompletableFuture<CliRun> local = CliRun.start("", "perf", "local-lat", endpoint, "8", "100");
        CliRun remote = CliRun.run("", "perf", "remote-lat", endpoint, "8", "100");
        remote.assertOk();
        assertThat(remote.out()).matches(LATENCY_REPORT);
        CliRun result = local.get(20, TimeUnit.SECONDS);
        result.assertOk();
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldRunBothEndsInProcess() {
        CliRun thr = CliRun.run("", "perf", "inproc-thr", "16", "2000");
        thr.assertOk();
        assertThat(thr.out()).matches(THROUGHPUT_REPORT);
        CliRun lat = CliRun.run("", "perf", "inproc-lat", "8", "100");
        lat.assertOk();
        assertThat(lat.out()).matches(LATENCY_REPORT);
    }

    /** The echo copies each request into one reused array and sends that back: the bytes must still be the request's. */
    @ParameterizedTest
    @CsvSource({"tcp, 16", "tcp, 4096", "tcp, 4194305", "ipc, 4096", "inproc, 4096"})
    void shouldEchoEachRequestWithItsOwnBytes(String transport, int size, @TempDir Path dir) throws Exception {
        int count = 3;
        String bindTo = switch (transport) {
            case "ipc" -> "ipc://" + dir.resolve("echo.ipc");
            case "inproc" -> "inproc://perf-echo";
            default -> "tcp://127.0.0.1:*";
        };
        try (Context ctx = Context.create()) {
            Socket rep = ctx.socket(SocketType.REP);
            String endpoint = rep.bind(bindTo);
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
                try (rep) {
                    PerfRuns.echo(rep, size, count, Duration.ofSeconds(20));
                }
            });
            try (Socket req = ctx.socket(SocketType.REQ)) {
                req.connect(endpoint);
                for (int i = 0; i < count; i++) {
                    byte[] request = new byte[size];
                    Arrays.fill(request, (byte) ('a' + i));
                    request[size - 1] = (byte) i;
                    req.send(request);
                    assertThat(req.recv(Duration.ofSeconds(20))).isEqualTo(request);
                }
            }
            echo.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldFormatFiguresLikeLibzmq() {
        assertThat(PerfRuns.throughputReport(64, 100000, 1_000_000_000L)).isEqualTo(
                "message size: 64 [B]\nmessage count: 100000\nmean throughput: 100000 [msg/s]\n"
                        + "mean throughput: 51.200 [Mb/s]\n");
        assertThat(PerfRuns.latencyReport(64, 10000, 426_900_000L)).isEqualTo(
                "message size: 64 [B]\nroundtrip count: 10000\naverage latency: 21.345 [us]\n");
        assertThat(PerfRuns.messagesPerSecond(3, 2_000_000_000L)).isEqualTo(1);
    }

    @Test
    void shouldPrintBenchTable() {
        String table = BenchCommand.table(java.util.List.of(
                new BenchCommand.Row("inproc", 16, 4210334, 0.912), new BenchCommand.Row("tcp", 65536, -1, -1)));
        assertThat(table).isEqualTo(
                "| transport | size [B] | throughput [msg/s] | throughput [Mb/s] | latency [us] |\n"
                + "|-----------|---------:|-------------------:|------------------:|-------------:|\n"
                + "| inproc    |       16 |            4210334 |           538.923 |        0.912 |\n"
                + "| tcp       |    65536 |                n/a |               n/a |          n/a |\n");
    }

    @Test
    void shouldRunQuickBench() {
        CliRun run = CliRun.run("", "bench", "--quick");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(5);
        assertThat(run.out()).doesNotContain("n/a");
        assertThat(run.err().lines()).hasSize(6).allMatch(line -> line.startsWith("bench: "));
    }
}
