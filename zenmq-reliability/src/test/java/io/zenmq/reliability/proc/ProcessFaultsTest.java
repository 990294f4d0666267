// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.EventType;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.reliability.Scale;
import io.zenmq.reliability.lab.Cgroup;
import io.zenmq.reliability.lab.Privileges;
import io.zenmq.reliability.oracle.Verdict;
import io.zenmq.reliability.peer.PeerProcess;
import io.zenmq.reliability.probe.Probe;
import io.zenmq.reliability.probe.Resources;
import io.zenmq.testing.Await;
import io.zenmq.testing.Leaks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Process faults over loopback: a peer SIGKILLed and restarted on either side (R6), a peer paused
 * by SIGSTOP or the cgroup freezer with and without heartbeats (R8). Peers are child JVMs; the
 * survivor is this JVM, whose resources are probed.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ProcessFaultsTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private final List<PeerProcess> children = new ArrayList<>();
    private Path logDir;

    @BeforeEach
    void logs(TestInfo info) {
        logDir = Path.of("target", "reliability-logs", info.getTestMethod().orElseThrow().getName());
        Leaks.openFds(); // loads Leaks: its warm-up opens the JDK's lasting descriptors first
    }

    @AfterEach
    void endChildren() {
        children.forEach(PeerProcess::close);
    }

    private PeerProcess child(String name, String... args) {
        PeerProcess p = PeerProcess.start(logDir, name, List.of(), List.of("-Xmx64m"), args);
        children.add(p);
        return p;
    }

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    private static long established(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-H", "-t", "-n", "state", "established",
                    "( sport = :" + port + " or dport = :" + port + " )").start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ss.waitFor(10, TimeUnit.SECONDS);
            return out.lines().filter(l -> !l.isBlank()).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void hold(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * R6: the connecting producer is SIGKILLed 50-500 ms into its stream, again and again. Each
     * killed stream arrives as a gap-free prefix; afterwards a second producer gets everything
     * through, and this (surviving) JVM's fds and threads are back at their warm baseline and its
     * heap within 2 MiB of it, with no connection left ESTABLISHED.
     */
    @Test
    void survivorOfKilledProducersServesTheNextWithoutLeaking() {
        int kills = Scale.pick(20, 100);
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        try (Context ctx = Context.create()) {
            Socket pull = ctx.socket(SocketType.PULL);
            String ep = pull.bind("tcp://127.0.0.1:*");
            int port = port(ep);
            try (LocalReceiver receiver = new LocalReceiver(pull, false)) {
                Resources base = null;
                for (int i = 1; i <= kills; i++) {
                    PeerProcess push = child("push-" + i, "role=send", "type=PUSH", "connect=" + ep, "epoch=" + i,
                            "count=100000000", "rate=20000", "progress=100");
                    push.await("SENT ", LONG);
                    hold(Duration.ofMillis(random.nextInt(50, 501)));
                    push.kill();
                    if (i == 2) {
                        Await.until("no connection left", LONG, () -> established(port) == 0);
                        base = Probe.self();
                    }
                }
                Await.until("no connection left", LONG, () -> established(port) == 0);
                Resources warm = base;
                Await.until("fds back at " + warm, Duration.ofSeconds(10), () -> Probe.self().fds() <= warm.fds());
                Resources after = Probe.self();
                System.out.printf(java.util.Locale.ROOT, "R6 forward, seed %d: baseline %s, after %d kills %s%n", seed, base, kills, after);
                assertThat(after.threads()).isLessThanOrEqualTo(base.threads());
                assertThat(after.heapBytes() - base.heapBytes()).isLessThan(2L << 20);

                long count = 20_000;
                long before = receiver.received(); // the killed producers' connections are all gone
                PeerProcess second = child("push-final", "role=send", "type=PUSH", "connect=" + ep,
                        "epoch=" + (kills + 1), "count=" + count, "rate=50000");
                second.await("SENT-DONE ", LONG);
                Await.until("the last producer's messages", LONG, () -> receiver.received() >= before + count);
                Verdict v = receiver.stop(1, kills + 1, count);
                v.assertClean(0, 0); // killed streams are prefixes: no gap anywhere
            }
        }
    }

    /**
     * R6 reversed: the binding consumer is SIGKILLed and restarted on the same port while this JVM
     * pushes; each restart is reconnected within RECONNECT_IVL_MAX + 1 s; the last consumer sees
     * one gap at most (where its predecessor died), nothing else wrong.
     */
    @Test
    void connectorReconnectsToARestartedBinder() {
        int kills = Scale.pick(10, 100);
        Duration ivlMax = Duration.ofSeconds(1);
        try (Context ctx = Context.create()) {
            PeerProcess first = child("pull-0", "role=recv", "type=PULL", "bind=tcp://127.0.0.1:*", "progress=100");
            String ep = first.await("READY ", LONG).substring(6);
            Socket push = ctx.socket(SocketType.PUSH);
            push.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(100));
            push.set(SocketOptions.RECONNECT_IVL_MAX, ivlMax);
            SocketMonitor monitor = push.monitor(EnumSet.of(EventType.HANDSHAKE_SUCCEEDED));
            push.connect(ep);
            try (LocalSender sender = new LocalSender(push, 1, 0, Long.MAX_VALUE, 5_000)) {
                assertThat(monitor.next(LONG)).isNotNull();
                PeerProcess current = first;
                for (int i = 1; i <= kills; i++) {
                    current.await("RECV ", LONG);
                    current.kill();
                    current = child("pull-" + i, "role=recv", "type=PULL", "bind=" + ep, "progress=100");
                    current.await("READY ", LONG);
                    long boundAt = System.nanoTime();
                    SocketEvent e = monitor.next(LONG);
                    long ms = (System.nanoTime() - boundAt) / 1_000_000;
                    assertThat(e).as("handshake with restart " + i).isNotNull();
                    assertThat(ms).as("reconnect after restart " + i).isLessThanOrEqualTo(ivlMax.toMillis() + 1000);
                }
                current.await("RECV ", 3, LONG);
                sender.stop();
                current.command("stop");
                Verdict v = current.verdict(LONG);
                v.assertClean(1, Long.MAX_VALUE); // what reached the dead consumers is not seen here
            }
            monitor.close();
        }
    }

    /** R8 with SIGSTOP/SIGCONT. */
    @Test
    void pausedConsumerWithSigstop() {
        pausedConsumer(false, false);
        pausedConsumer(false, true);
    }

    /** R8 with the cgroup v1 freezer. */
    @Test
    void pausedConsumerInTheFreezer() {
        Privileges.requireCgroup("freezer");
        pausedConsumer(true, false);
        pausedConsumer(true, true);
    }

    /**
     * Pauses the consuming child for 3 s in the middle of a stream. Without heartbeats PUSH
     * blocks at the HWM and nothing is lost; with heartbeats (500 ms, timeout 1.5 s, so a silent
     * peer is caught within 2 s) this side drops the connection, reconnects after the resume and
     * loses at most what was in flight.
     */
    private void pausedConsumer(boolean freezer, boolean heartbeats) {
        int rounds = Scale.pick(1, 5);
        Duration pause = Duration.ofSeconds(Scale.pick(3, 5));
        long rate = 5_000;
        long count = rate * (rounds * 4L + 2);
        try (Context ctx = Context.create(); Cgroup group = freezer ? Cgroup.create("freezer") : null) {
            PeerProcess pull = child("pull-" + freezer + "-" + heartbeats, "role=recv", "type=PULL",
                    "bind=tcp://127.0.0.1:*", "progress=" + rate / 2,
                    heartbeats ? "hbIvlMs=500" : "hbIvlMs=0", heartbeats ? "hbTimeoutMs=1500" : "hbTimeoutMs=0");
            String ep = pull.await("READY ", LONG).substring(6);
            if (group != null) {
                group.add(pull.pid());
            }
            Socket push = ctx.socket(SocketType.PUSH);
            if (heartbeats) {
                push.set(SocketOptions.HEARTBEAT_IVL, Duration.ofMillis(500));
                push.set(SocketOptions.HEARTBEAT_TIMEOUT, Duration.ofMillis(1500));
            }
            SocketMonitor monitor = push.monitor(EnumSet.of(EventType.DISCONNECTED, EventType.HANDSHAKE_SUCCEEDED));
            List<SocketEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread collector = new Thread(() -> {
                while (!monitor.isFinished()) {
                    SocketEvent e = monitor.next(Duration.ofMillis(100));
                    if (e != null) {
                        events.add(e);
                    }
                }
            }, "event-collector");
            collector.start();
            push.connect(ep);
            long sent;
            try (LocalSender sender = new LocalSender(push, 1, 0, count, rate)) {
                for (int i = 1; i <= rounds; i++) {
                    pull.await("RECV ", i * 6, LONG);
                    if (group != null) {
                        group.freeze(true);
                    } else {
                        pull.signal("STOP");
                    }
                    hold(pause);
                    if (group != null) {
                        group.freeze(false);
                    } else {
                        pull.signal("CONT");
                    }
                }
                sent = sender.finish(LONG);
            }
            Await.until("the consumer to drain", LONG, () -> quiet(pull));
            pull.command("stop");
            Verdict v = pull.verdict(LONG);
            try {
                collector.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            monitor.close();
            long disconnects = events.stream().filter(e -> e.type() == EventType.DISCONNECTED).count();
            System.out.printf(java.util.Locale.ROOT, "R8 freezer=%b heartbeats=%b: sent %d, %s, events %s%n", freezer, heartbeats, sent,
                    v.toJson(), events);
            if (heartbeats) {
                assertThat(disconnects).as("heartbeats catch the pause").isEqualTo(rounds);
                assertThat(events.stream().filter(e -> e.type() == EventType.HANDSHAKE_SUCCEEDED).count())
                        .isEqualTo(rounds + 1L);
                v.assertClean(rounds, 1000 + 1000 + 100_000);
            } else {
                assertThat(disconnects).as("no heartbeat, no disconnect").isZero();
                assertThat(sent).isEqualTo(count);
                v.assertClean(0, 0);
                assertThat(v.received()).as("all of them: PUSH blocked at the HWM").isEqualTo(count);
            }
        }
    }

    private static boolean quiet(PeerProcess p) {
        long before = p.linesStarting("RECV ").size();
        hold(Duration.ofSeconds(2));
        return p.linesStarting("RECV ").size() == before;
    }
}
