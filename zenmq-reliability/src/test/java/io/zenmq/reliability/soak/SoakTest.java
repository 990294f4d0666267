// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.soak;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.reliability.lab.NetLab;
import io.zenmq.reliability.lab.NetLab.Side;
import io.zenmq.reliability.lab.Privileges;
import io.zenmq.reliability.oracle.Verdict;
import io.zenmq.reliability.peer.PeerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak (never in CI; {@code reliability/soak.sh} runs it): a PUSH→PULL stream with
 * heartbeats (500 ms / 3 s: generous, since a loaded machine starves niced peers) through the lab for {@code zenmq.soak.minutes} (default 10), while a seeded nemesis
 * applies one fault after another. After each fault (and its recovery time) one row: messages
 * moved, loss in that fault, what the oracle found, one-way latency percentiles, and both peers'
 * fds, threads and heap. The table goes to stdout and {@code target/soak/}.
 */
@Tag("soak")
@Tag("netns")
@Timeout(value = 48, unit = TimeUnit.HOURS)
class SoakTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private static final Duration RECOVERY = Duration.ofSeconds(8);
    private static final Pattern LAT = Pattern.compile("lat n=(\\d+)(?: p50=(\\d+) p99=(\\d+) p999=(\\d+) max=(\\d+))?");
    private static final String[] FAULTS = {"impair 50/10ms 5%", "loss 10%", "cut 3s", "silence 5s", "reset",
        "rate 1mbit 10s", "sigkill sender", "sigstop receiver 3s"};

    private NetLab lab;
    private final List<PeerProcess> peers = new ArrayList<>();
    private Path logDir;
    private int epoch;
    private PeerProcess push;
    private String endpoint;

    @Test
    void soak() throws IOException {
        Duration total = Duration.ofMinutes(Long.getLong("zenmq.soak.minutes", 10));
        long seed = Long.getLong("zenmq.soak.seed", System.nanoTime());
        long rate = Long.getLong("zenmq.soak.rate", 5000);
        SplittableRandom random = new SplittableRandom(seed);
        Privileges.requireNetLab();
        logDir = Path.of("target", "soak", "logs-" + seed);
        List<String> rows = new ArrayList<>();
        String head = "| # | t (s) | fault | moved | lost in fault | late | dup/unexp/reord/torn/corrupt | "
                + "latency p50 / p99 / p99.9 / max (ms) | receiver fds/threads/heap MiB | sender fds/threads/heap MiB |";
        rows.add(head);
        rows.add("|---|---|---|---|---|---|---|---|---|---|");
        System.out.println("soak: seed " + seed + ", " + total + ", " + rate + " msg/s");
        long start = System.nanoTime();
        lab = NetLab.up(Path.of("target", "netlab").toAbsolutePath());
        try {
            String[] hb = {"hbIvlMs=500", "hbTimeoutMs=3000", "reconnectMs=100", "reconnectMaxMs=500", "latency=1",
                "maxSeconds=" + (total.toSeconds() + 600)};
            PeerProcess pull = start(Side.B, "pull", with(hb, "role=recv", "type=PULL",
                    "bind=tcp://" + NetLab.ip(Side.B) + ":*", "progress=100000"));
            endpoint = pull.await("READY ", LONG).substring(6);
            startSender(hb, rate);
            long lastLost = 0;
            long lastLate = 0;
            long lastReceived = 0;
            int snapshots = 0;
            int probes = 0;
            int n = 0;
            pull.command("snapshot"); // drops the start-up latencies
            pull.await("SNAPSHOT ", ++snapshots, LONG);
            while (System.nanoTime() - start < total.toNanos()) {
                n++;
                String fault = FAULTS[random.nextInt(FAULTS.length)];
                apply(fault, random, hb, rate, pull);
                hold(RECOVERY);
                pull.command("snapshot");
                String snap = pull.await("SNAPSHOT ", ++snapshots, LONG);
                int pushProbes = push.linesStarting("RES ").size(); // counted before asking: the answer may be quick
                pull.command("probe");
                push.command("probe");
                probes++;
                String pullRes = pull.await("RES ", probes, LONG);
                String pushRes = push.await("RES ", pushProbes + 1, LONG);
                long received = Long.parseLong(snap.replaceAll(".*received=(\\d+).*", "$1"));
                Verdict v = Verdict.fromJson(snap.substring(snap.indexOf('{'), snap.indexOf('}') + 1));
                rows.add(String.format(java.util.Locale.ROOT, "| %d | %d | %s | %d | %s | %d | %d/%d/%d/%d/%d | %s | %s | %s |", n,
                        (System.nanoTime() - start) / 1_000_000_000L, fault, received - lastReceived,
                        fault.startsWith("sigkill") ? "n/a (killed)" : Long.toString(v.lost() - lastLost),
                        v.late() - lastLate, v.duplicated(), v.unexpected(), v.reordered(), v.torn(), v.corrupt(), latency(snap),
                        resources(pullRes), resources(pushRes)));
                System.out.println(rows.get(rows.size() - 1));
                lastLost = v.lost();
                lastLate = v.late();
                lastReceived = received;
                assertThat(v.duplicated() + v.unexpected() + v.reordered() + v.torn() + v.corrupt())
                        .as("oracle after fault %d (%s), seed %d", n, fault, seed).isZero();
            }
        } finally {
            peers.forEach(PeerProcess::close);
            lab.close();
            Files.createDirectories(Path.of("target", "soak"));
            Path report = Path.of("target", "soak", "soak-" + Instant.now().toString().replace(':', '-') + ".md");
            Files.writeString(report, "soak seed " + seed + ", " + total + ", " + rate + " msg/s\n\n"
                    + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
            System.out.println("soak report: " + report.toAbsolutePath());
        }
    }

    private void startSender(String[] hb, long rate) {
        push = start(Side.A, "push-" + epoch, with(hb, "role=send", "type=PUSH", "connect=" + endpoint,
                "count=100000000000", "rate=" + rate, "epoch=" + epoch, "progress=100000", "min=32", "max=200"));
        push.await("READY ", LONG);
    }

    private void apply(String fault, SplittableRandom random, String[] hb, long rate, PeerProcess pull) {
        switch (fault) {
            case "impair 50/10ms 5%" -> timed(() -> lab.impair(Side.B, 50, 10, 5, random.nextLong(1, 1 << 30)),
                    Duration.ofSeconds(10));
            case "loss 10%" -> timed(() -> lab.loss(Side.B, 10), Duration.ofSeconds(10));
            case "cut 3s" -> {
                lab.cut();
                hold(Duration.ofSeconds(3));
                lab.restore();
            }
            case "silence 5s" -> timed(() -> lab.silence(Side.B, true), Duration.ofSeconds(5));
            case "reset" -> lab.reset(Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1)));
            case "rate 1mbit 10s" -> timed(() -> lab.rate(Side.A, "1mbit"), Duration.ofSeconds(10));
            case "sigkill sender" -> {
                push.kill();
                epoch++;
                startSender(hb, rate);
            }
            case "sigstop receiver 3s" -> {
                pull.signal("STOP");
                hold(Duration.ofSeconds(3));
                pull.signal("CONT");
            }
            default -> throw new IllegalArgumentException(fault);
        }
    }

    private void timed(Runnable fault, Duration d) {
        fault.run();
        hold(d);
        lab.clear();
    }

    private PeerProcess start(Side side, String name, String... args) {
        PeerProcess p = PeerProcess.start(logDir, name, lab.exec(side, List.of()), List.of("-Xmx256m"), args);
        peers.add(p);
        return p;
    }

    private static String[] with(String[] common, String... args) {
        String[] all = new String[common.length + args.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(common, 0, all, args.length, common.length);
        return all;
    }

    private static String latency(String snapshot) {
        Matcher m = LAT.matcher(snapshot);
        if (!m.find() || m.group(2) == null) {
            return "-";
        }
        return ms(m.group(2)) + " / " + ms(m.group(3)) + " / " + ms(m.group(4)) + " / " + ms(m.group(5));
    }

    private static String ms(String micros) {
        return String.format(java.util.Locale.ROOT, "%.2f", Long.parseLong(micros) / 1000.0);
    }

    private static String resources(String res) {
        return res.replaceAll(".*fds=(\\d+) threads=(\\d+) heapKiB=(\\d+).*", "$1/$2/")
                + Long.parseLong(res.replaceAll(".*heapKiB=(\\d+).*", "$1")) / 1024;
    }

    private static void hold(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
