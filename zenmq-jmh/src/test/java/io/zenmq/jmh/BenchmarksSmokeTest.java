// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zenmq.jmh.support.SideAllocProfiler;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The build's smoke pass: every benchmark method runs once, briefly, in one forked JVM per
 * benchmark, at 16 B over tcp only, so that a benchmark broken by a core change fails the build.
 * It measures nothing (a few hundred milliseconds per benchmark) and takes about ten seconds;
 * real runs go through {@code zenmq-jmh/run.sh}.
 */
class BenchmarksSmokeTest {
    private static final Set<String> BENCHMARKS = Set.of(
            "io.zenmq.jmh.codec.CodecBenchmark.encode",
            "io.zenmq.jmh.codec.CodecBenchmark.decode",
            "io.zenmq.jmh.pipe.PipeBenchmark.queue",
            "io.zenmq.jmh.pipe.PipeBenchmark.pipe",
            "io.zenmq.jmh.socket.PushPullBenchmark.recv",
            "io.zenmq.jmh.socket.ReceiveIntoBenchmark.recv",
            "io.zenmq.jmh.socket.ReqRepBenchmark.roundTrip",
            "io.zenmq.jmh.socket.DraftTypesBenchmark.recv",
            "io.zenmq.jmh.crypto.CurveBenchmark.messageRoundTrip",
            "io.zenmq.jmh.crypto.CurveBenchmark.wrap",
            "io.zenmq.jmh.crypto.SecretBoxBenchmark.zenmq",
            "io.zenmq.jmh.crypto.SecretBoxBenchmark.bouncyCastle",
            "io.zenmq.jmh.crypto.CurveHandshakeBenchmark.handshake",
            "io.zenmq.jmh.handoff.HandoffBenchmark.roundTrip",
            "io.zenmq.jmh.poll.PollerBenchmark.pollReady",
            "io.zenmq.jmh.poll.PollerBenchmark.sendPollRecv",
            "io.zenmq.jmh.poll.PollerBenchmark.registerUnregister");

    @Test
    void everyBenchmarkRunsAndPushPullReportsBothSides() throws RunnerException {
        Options options = new OptionsBuilder()
                .include("io\\.zenmq\\.jmh\\..*")
                .param("size", "16")
                .param("transport", "tcp")
                .param("mechanism", "null", "curve")
                .param("idle", "10")
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .addProfiler(SideAllocProfiler.class)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, RunResult> byName = new TreeMap<>();
        for (RunResult result : results) {
            byName.put(result.getParams().getBenchmark(), result);
        }
        assertEquals(BENCHMARKS, byName.keySet(), "benchmarks that ran");
        for (RunResult result : results) {
            assertTrue(result.getPrimaryResult().getScore() > 0, () -> "no score for " + result.getParams().id());
        }
        Set<String> secondary = byName.get("io.zenmq.jmh.socket.PushPullBenchmark.recv")
                .getSecondaryResults().keySet();
        assertTrue(secondary.contains("alloc.send.norm"), () -> "send side missing: " + secondary);
        assertTrue(secondary.contains("alloc.recv.norm"), () -> "receive side missing: " + secondary);
    }
}
