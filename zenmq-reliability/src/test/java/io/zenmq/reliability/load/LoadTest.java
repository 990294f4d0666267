// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.reliability.Scale;
import io.zenmq.reliability.lab.Cgroup;
import io.zenmq.reliability.lab.Privileges;
import io.zenmq.reliability.peer.PeerProcess;
import io.zenmq.reliability.probe.Probe;
import io.zenmq.testing.Await;
import io.zenmq.testing.Leaks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Load: thousands of connections and the fd limit (L6); slow consumers and a full-speed
 * publisher inside a 256 MiB memory cgroup with {@code -Xmx128m} (W4).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LoadTest {
    private static final Duration LONG = Duration.ofMinutes(2);
    private final List<PeerProcess> children = new ArrayList<>();
    private Path logDir;

    @BeforeEach
    void logs(TestInfo info) {
        logDir = Path.of("target", "reliability-logs", info.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void endChildren() {
        children.forEach(PeerProcess::close);
    }

    private PeerProcess child(String name, List<String> prefix, List<String> jvm, String... args) {
        PeerProcess p = PeerProcess.start(logDir, name, prefix, jvm, args);
        children.add(p);
        return p;
    }

    /**
     * L6, first half: 5,000 DEALERs connected to one ROUTER in this JVM (10,000 descriptors), each
     * heard once; all released after close.
     */
    @Test
    void fiveThousandConnections() {
        // each connection costs two descriptors here (both ends live in this JVM)
        int wanted = (int) Math.min(Scale.pick(5_000, 5_000), (openFileLimit() - 2_000) / 2);
        System.out.println("L6: open file limit " + openFileLimit() + ", " + wanted + " connections");
        int fdBase = Leaks.openFds();
        try (Context ctx = Context.builder().ioThreads(2).build()) {
            Socket router = ctx.socket(SocketType.ROUTER);
            router.set(SocketOptions.RCVHWM, 0);
            String ep = router.bind("tcp://127.0.0.1:*");
            List<Socket> dealers = new ArrayList<>();
            for (int i = 0; i < wanted; i++) {
                Socket d = ctx.socket(SocketType.DEALER);
                d.connect(ep);
                d.send("hello");
                dealers.add(d);
            }
            int heard = 0;
            while (heard < wanted) {
                Msg m = router.recvMsg(Duration.ofSeconds(30));
                assertThat(m).as("hello #" + (heard + 1)).isNotNull();
                heard++;
            }
            int fds = Leaks.openFds();
            System.out.printf(java.util.Locale.ROOT, "L6: %d connections, fds %d -> %d%n", wanted, fdBase, fds);
            assertThat(fds - fdBase).isGreaterThanOrEqualTo(2 * wanted);
            for (Socket d : dealers) {
                d.close();
            }
        }
        Leaks.assertNone(fdBase);
    }

    /** @return this process's soft limit on open files, from /proc/self/limits (20,000 if unknown) */
    private static long openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return 20_000;
    }

    /**
     * L6, second half: a child JVM under {@code ulimit -n 1024} opens 1,500 connections to itself
     * (3,000 descriptors). Connects past the limit fail and are retried, accepts fail and are
     * retried (as in libzmq, the connecting half can starve the accepting half: how many hellos
     * get through is not asserted); nothing throws, nothing prints a stack trace, the I/O thread
     * survives: once the DEALERs are closed the ROUTER serves a newcomer, and the process exits
     * normally.
     */
    @Test
    void pastTheFdLimitACleanErrorAndNoHang() throws IOException {
        PeerProcess p = child("many", List.of("sh", "-c", "ulimit -n 1024 && exec \"$0\" \"$@\""), List.of(),
                "role=many", "type=ROUTER", "bind=tcp://127.0.0.1:*", "count=1500", "maxSeconds=120");
        String many = p.await("MANY ", LONG);
        String closed = p.await("CLOSED-ALL ", LONG);
        String after = p.await("AFTER ", LONG);
        p.command("stop");
        int exit = p.waitFor(Duration.ofSeconds(30));
        String err = Files.readString(logDir.resolve("many.err"), StandardCharsets.UTF_8);
        System.out.println("L6 past the limit: " + many + "; " + closed + "; " + after + "; exit " + exit
                + "; stderr: " + err.lines().limit(5).toList());
        assertThat(many).as("no exception from connect or send").contains("error=none");
        assertThat(Long.parseLong(closed.replaceAll(".*ms=(\\d+).*", "$1"))).as("close all, ms").isLessThan(10_000L);
        assertThat(after).as("the ROUTER serves a newcomer once descriptors are back").isEqualTo("AFTER ok");
        assertThat(exit).as("exit code").isZero();
        assertThat(err).as("stderr").doesNotContain("\tat ");
    }

    /**
     * W4: a slow consumer and a full-speed publisher, each alone in a 256 MiB memory cgroup with
     * {@code -Xmx128m}, fed and drained by this JVM: neither is OOM-killed, the group never hits
     * its limit, no OutOfMemoryError.
     */
    @Test
    void slowConsumerAndPublisherInAMemoryCgroup() throws IOException {
        Privileges.requireCgroup("memory");
        long count = Scale.pick(100_000L, 2_000_000L);
        List<String> jvm = List.of("-Xmx128m");
        try (Context ctx = Context.create(); Cgroup pullGroup = Cgroup.create("memory");
                Cgroup pubGroup = Cgroup.create("memory")) {
            for (Cgroup g : List.of(pullGroup, pubGroup)) {
                g.write("memory.limit_in_bytes", Long.toString(256L << 20));
            }
            PeerProcess pull = child("slow-pull", List.of(), jvm, "role=recv", "type=PULL", "bind=tcp://127.0.0.1:*",
                    "slowMicros=20", "progress=" + count / 10, "count=" + count);
            String pullEp = pull.await("READY ", LONG).substring(6);
            pullGroup.add(pull.pid());
            PeerProcess pub = child("fast-pub", List.of(), jvm, "role=send", "type=PUB", "bind=tcp://127.0.0.1:*",
                    "count=" + count * 5, "min=2000", "max=2000", "multipart=0", "waitGo=1");
            String pubEp = pub.await("READY ", LONG).substring(6);
            pubGroup.add(pub.pid());

            Socket sub = ctx.socket(SocketType.SUB);
            sub.subscribe("");
            sub.connect(pubEp); // never read: the publisher meets its HWM and must drop, not grow
            pub.awaitEvent("HANDSHAKE_SUCCEEDED", 1, LONG);
            pub.command("go");

            Socket push = ctx.socket(SocketType.PUSH);
            push.connect(pullEp);
            byte[] body = new byte[4000];
            for (long i = 0; i < count; i++) {
                push.send(Msg.of(io.zenmq.reliability.oracle.Stamp.part(1, 0, i, 0, 1, body.length)));
            }
            pull.await("VERDICT ", LONG);
            pub.await("SENT-DONE ", LONG);
            pull.command("probe");
            pub.command("probe");
            String pullRes = pull.await("RES ", LONG);
            String pubRes = pub.await("RES ", LONG);
            for (Cgroup g : List.of(pullGroup, pubGroup)) {
                String line = "failcnt=" + g.read("memory.failcnt") + " max=" + (Long.parseLong(
                        g.read("memory.max_usage_in_bytes")) >> 20) + "MiB oom=" + g.read("memory.oom_control")
                        .replace('\n', ' ');
                System.out.println("W4 " + (g == pullGroup ? "slow PULL " + pullRes : "fast PUB " + pubRes) + " | "
                        + line);
                assertThat(g.read("memory.failcnt")).isEqualTo("0");
                assertThat(g.read("memory.oom_control")).contains("oom_kill 0");
            }
            pull.verdict(LONG).assertClean(0, 0);
            push.close();
            sub.close();
            pull.close();
            pub.close();
            assertThat(pull.waitFor(Duration.ofSeconds(20))).isZero();
            assertThat(pub.waitFor(Duration.ofSeconds(20))).isZero();
            for (String name : List.of("slow-pull.err", "fast-pub.err")) {
                assertThat(Files.readString(logDir.resolve(name), StandardCharsets.UTF_8))
                        .doesNotContain("OutOfMemoryError");
            }
            Await.until("children gone", LONG, () -> !pull.isAlive() && !pub.isAlive());
        }
        assertThat(Probe.self().fds()).isPositive();
    }
}
