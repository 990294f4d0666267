// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.hwm;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.ErrorCode;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens at the high-water mark, per socket type and option (plan W1, W2), in zenmq and in
 * libzmq: every scenario below has a twin in {@code hwm.py}, run through python3-zmq, and the two
 * must give the same counts and the same send outcomes. Without python3-zmq the libzmq column is
 * skipped (it fails when {@code CI=true}); zenmq's expected values are asserted anyway.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HwmTest {
    private static final int CAP = 100_000;
    private static final byte[] X = {'x'};
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Over tcp: how long a send may wait before the peer counts as full. */
    private static final Duration FULL_AFTER = Duration.ofMillis(200);

    @TempDir
    static Path dir;
    private static Context ctx;
    private static Map<String, String> libzmq;

    /** The scenarios, by the name hwm.py knows them, with zenmq's way of running each. */
    private static final Map<String, Supplier<String>> SCENARIOS = new LinkedHashMap<>();

    static {
        SCENARIOS.put("push_pull_bind_first_1000_1000", () -> pushPull(true, 1000, 1000));
        SCENARIOS.put("push_pull_connect_first_1000_1000", () -> pushPull(false, 1000, 1000));
        SCENARIOS.put("pub_sub_1000_1000", () -> pubSub(1000, 1000));
        SCENARIOS.put("pub_sub_100_100", () -> pubSub(100, 100));
        SCENARIOS.put("xpub_nodrop_6000", HwmTest::xpubNodrop);
        SCENARIOS.put("immediate_on", () -> immediate(true));
        SCENARIOS.put("immediate_off", () -> immediate(false));
        for (String kind : List.of("push", "dealer", "pair", "pub", "xpub", "router", "router_mandatory",
                "router_unknown")) {
            SCENARIOS.put("action_" + kind, () -> action(kind));
        }
        SCENARIOS.put("stream_tcp_full_peer", HwmTest::streamFullPeer);
        SCENARIOS.put("push_pull_tcp_full_peer", HwmTest::pushPullTcpFullPeer);
    }

    /** What libzmq 4.3 does (and so zenmq must), for when python3-zmq is not there to ask. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("push_pull_bind_first_1000_1000", "2000"),
            Map.entry("push_pull_connect_first_1000_1000", "2000"),
            Map.entry("xpub_nodrop_6000", "6000 eagain=yes"),
            Map.entry("pub_sub_1000_1000", "2000"),
            Map.entry("pub_sub_100_100", "200"),
            Map.entry("immediate_on", "EAGAIN,EAGAIN"),
            Map.entry("immediate_off", "ok,ok"),
            Map.entry("action_push", "ok,ok" + ",EAGAIN".repeat(8)),
            Map.entry("action_dealer", "ok,ok" + ",EAGAIN".repeat(8)),
            Map.entry("action_pair", "ok,ok" + ",EAGAIN".repeat(8)),
            Map.entry("action_pub", "ok" + ",ok".repeat(9)),
            Map.entry("action_xpub", "ok" + ",ok".repeat(9)),
            Map.entry("action_router", "ok" + ",ok".repeat(9)),
            Map.entry("action_router_mandatory", "ok,ok" + ",EAGAIN".repeat(8)),
            Map.entry("action_router_unknown", "EHOSTUNREACH" + ",EHOSTUNREACH".repeat(9)),
            Map.entry("stream_tcp_full_peer", "first=ok,full=EAGAIN,unknown=EHOSTUNREACH,arrived=all,after=ok"),
            Map.entry("push_pull_tcp_full_peer", "full=EAGAIN,atLeastBothHwms=yes,arrived=all,after=ok"));

    @BeforeAll
    static void start() throws IOException, InterruptedException, URISyntaxException {
        ctx = Context.create();
        libzmq = askLibzmq();
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    private static Map<String, String> askLibzmq() throws IOException, InterruptedException, URISyntaxException {
        Path script = Path.of(HwmTest.class.getResource("hwm.py").toURI());
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), dir.toString()));
        cmd.addAll(SCENARIOS.keySet());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            return noLibzmq("cannot run /usr/bin/python3: " + e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return noLibzmq("hwm.py failed: " + out);
        }
        Map<String, String> results = new LinkedHashMap<>();
        out.lines().forEach(l -> results.put(l.substring(0, l.indexOf(' ')), l.substring(l.indexOf(' ') + 1)));
        return results;
    }

    private static Map<String, String> noLibzmq(String why) {
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("libzmq (python3-zmq) is needed under CI=true: " + why);
        }
        System.err.println("SKIPPED the libzmq column of HwmTest: " + why);
        return Map.of();
    }

    @Test
    void everyScenarioMatchesLibzmq() {
        Map<String, String> zenmq = new LinkedHashMap<>();
        SCENARIOS.forEach((name, run) -> zenmq.put(name, run.get()));
        System.out.println("W1/W2 zenmq:  " + zenmq);
        System.out.println("W1/W2 libzmq: " + libzmq);
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            assertThat(zenmq.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        if (!libzmq.isEmpty()) {
            assertThat(zenmq.keySet()).isEqualTo(libzmq.keySet());
            for (String name : zenmq.keySet()) {
                if (name.startsWith("pub_sub_")) {
                    // Known difference: after the SUB read the probe that proved the subscription
                    // arrived, libzmq's PUB still counts it as queued (a writer learns of reads
                    // only every low-water mark), so it admits one message less than SNDHWM +
                    // RCVHWM; zenmq's writer sees the read at once. docs/reliability.md lists it.
                    assertThat(Integer.parseInt(zenmq.get(name)) - Integer.parseInt(libzmq.get(name))).as(name)
                            .isBetween(0, 1);
                } else {
                    assertThat(zenmq.get(name)).as(name).isEqualTo(libzmq.get(name));
                }
            }
        }
    }

    private static String inproc() {
        return "inproc://hwm-" + NAMES.incrementAndGet();
    }

    private static int fill(Socket s) {
        int n = 0;
        while (n < CAP && s.trySend(X)) {
            n++;
        }
        return n;
    }

    private static int drain(Socket s) {
        int n = 0;
        while (s.tryRecvMsg() != null) {
            n++;
        }
        return n;
    }

    private static String pushPull(boolean bindFirst, int snd, int rcv) {
        try (Socket push = ctx.socket(SocketType.PUSH); Socket pull = ctx.socket(SocketType.PULL)) {
            push.set(SocketOptions.SNDHWM, snd);
            pull.set(SocketOptions.RCVHWM, rcv);
            String ep = inproc();
            if (bindFirst) {
                pull.bind(ep);
                push.connect(ep);
            } else {
                push.connect(ep);
                pull.bind(ep);
            }
            return Integer.toString(fill(push));
        }
    }

    private static void awaitSubscription(Socket pub, Socket sub) {
        while (true) {
            pub.send("probe");
            if (sub.recvMsg(Duration.ofMillis(10)) != null) {
                break;
            }
        }
        drain(sub);
    }

    private static String pubSub(int snd, int rcv) {
        try (Socket pub = ctx.socket(SocketType.PUB); Socket sub = ctx.socket(SocketType.SUB)) {
            pub.set(SocketOptions.SNDHWM, snd);
            sub.set(SocketOptions.RCVHWM, rcv);
            sub.subscribe("");
            String ep = inproc();
            pub.bind(ep);
            sub.connect(ep);
            awaitSubscription(pub, sub);
            for (int i = 0; i < 10_000; i++) {
                assertThat(pub.trySend(X)).as("PUB never refuses").isTrue();
            }
            return Integer.toString(drain(sub));
        }
    }

    private static String xpubNodrop() {
        try (Socket xpub = ctx.socket(SocketType.XPUB); Socket sub = ctx.socket(SocketType.SUB)) {
            xpub.set(SocketOptions.SNDHWM, 2000);
            xpub.set(SocketOptions.XPUB_NODROP, true);
            sub.set(SocketOptions.RCVHWM, 2000);
            sub.subscribe("");
            String ep = inproc();
            xpub.bind(ep);
            sub.connect(ep);
            assertThat(xpub.recv(Duration.ofSeconds(5))).isNotNull();
            int sent = 0;
            int received = 0;
            int eagain = 0;
            while (sent < 6000) {
                if (xpub.trySend(X)) {
                    sent++;
                } else {
                    eagain++;
                    received += drain(sub);
                }
            }
            received += drain(sub);
            return received + " eagain=" + (eagain > 0 ? "yes" : "no");
        }
    }

    private static String outcomes(Socket sender, byte[] address, int frames) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            try {
                boolean ok = address == null ? sender.trySend(X) : sender.trySend(Msg.of(address, X));
                out.add(ok ? "ok" : "EAGAIN");
            } catch (ZmqException e) {
                out.add(e.code() == ErrorCode.EHOSTUNREACH ? "EHOSTUNREACH" : "E" + e.code().number());
            }
        }
        return String.join(",", out);
    }

    private static String action(String kind) {
        SocketType[] types = switch (kind) {
            case "push" -> new SocketType[] {SocketType.PUSH, SocketType.PULL};
            case "dealer" -> new SocketType[] {SocketType.DEALER, SocketType.ROUTER};
            case "pair" -> new SocketType[] {SocketType.PAIR, SocketType.PAIR};
            case "pub" -> new SocketType[] {SocketType.PUB, SocketType.SUB};
            case "xpub" -> new SocketType[] {SocketType.XPUB, SocketType.SUB};
            default -> new SocketType[] {SocketType.ROUTER, SocketType.DEALER};
        };
        try (Socket a = ctx.socket(types[0]); Socket b = ctx.socket(types[1])) {
            a.set(SocketOptions.SNDHWM, 1);
            b.set(SocketOptions.RCVHWM, 1);
            if (types[1] == SocketType.SUB) {
                b.subscribe("");
            }
            boolean router = kind.startsWith("router");
            if (router) {
                b.set(SocketOptions.ROUTING_ID, "peer".getBytes(StandardCharsets.US_ASCII));
            }
            if (kind.equals("router_mandatory") || kind.equals("router_unknown")) {
                a.set(SocketOptions.ROUTER_MANDATORY, true);
            }
            String ep = inproc();
            a.bind(ep);
            b.connect(ep);
            if (kind.equals("xpub")) {
                assertThat(a.recv(Duration.ofSeconds(5))).isNotNull();
            }
            if (kind.equals("pub")) {
                awaitSubscription(a, b);
            }
            if (router) {
                b.send("hello");
                assertThat(a.recvMsg(Duration.ofSeconds(5))).isNotNull();
            }
            byte[] address = kind.equals("router_unknown") ? "nobody".getBytes(StandardCharsets.US_ASCII)
                    : router ? "peer".getBytes(StandardCharsets.US_ASCII) : null;
            return outcomes(a, address, 10);
        }
    }

    /**
     * Sends messages made of {@code frames} until the peer is full: {@code trySend} while it takes them, and when it
     * refuses, a send that may wait {@link #FULL_AFTER}; full is when that wait runs out. Over tcp
     * the kernel's buffers take an unknown share, so only the outcome is compared with libzmq.
     *
     * @return how many were taken, or -1 if the peer was never full after {@code cap}
     */
    private static long fillTcp(Socket s, byte[][] frames, long cap) {
        long sent = 0;
        while (sent < cap) {
            if (s.trySend(Msg.of(frames)) || s.send(Msg.of(frames), FULL_AFTER)) {
                sent++;
            } else {
                return sent;
            }
        }
        return -1;
    }

    /**
     * W2 for STREAM over tcp (libzmq has no STREAM over inproc): SNDHWM 1 towards a raw TCP peer
     * that reads nothing. The first send is taken; once the kernel's buffers are full a send
     * fails with EAGAIN (also when it may wait), nothing is dropped, an unknown routing id is
     * EHOSTUNREACH, and once the peer reads, every byte arrives and sending works again.
     */
    private static String streamFullPeer() {
        byte[] payload = new byte[16 * 1024];
        try (Socket stream = ctx.socket(SocketType.STREAM)) {
            stream.set(SocketOptions.SNDHWM, 1);
            stream.set(SocketOptions.LINGER, Duration.ZERO);
            String ep = stream.bind("tcp://127.0.0.1:*");
            try (java.net.Socket raw = new java.net.Socket(InetAddress.getLoopbackAddress(), port(ep))) {
                raw.setSoTimeout(10_000);
                Msg notice = stream.recvMsg(Duration.ofSeconds(10));
                assertThat(notice).as("connect notification").isNotNull();
                byte[] id = notice.frame(0);
                byte[][] chunk = {id, payload};
                String first = stream.trySend(Msg.of(chunk)) ? "ok" : "EAGAIN";
                long more = fillTcp(stream, chunk, 10_000);
                String full = more < 0 ? "never" : "EAGAIN";
                String unknown;
                try {
                    unknown = stream.trySend(Msg.of("nobody".getBytes(StandardCharsets.US_ASCII), X)) ? "ok" : "EAGAIN";
                } catch (ZmqException e) {
                    unknown = e.code() == ErrorCode.EHOSTUNREACH ? "EHOSTUNREACH" : "E" + e.code().number();
                }
                long want = ((first.equals("ok") ? 1 : 0) + Math.max(0, more)) * payload.length;
                String arrived = raw.getInputStream().readNBytes((int) want).length == want ? "all" : "short";
                String after = stream.send(Msg.of(chunk), Duration.ofSeconds(10))
                        && raw.getInputStream().readNBytes(payload.length).length == payload.length ? "ok" : "lost";
                return "first=" + first + ",full=" + full + ",unknown=" + unknown + ",arrived=" + arrived + ",after="
                        + after;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * W1 over tcp: PUSH SNDHWM 1000 to a PULL with RCVHWM 1000 that reads nothing, 1 KiB
     * messages. The PUSH is full (EAGAIN, also after waiting) only once both queues and the
     * kernel's buffers are: at least 2,000 taken; then the PULL gets every one, and a send goes
     * through again.
     */
    private static String pushPullTcpFullPeer() {
        try (Socket push = ctx.socket(SocketType.PUSH); Socket pull = ctx.socket(SocketType.PULL)) {
            push.set(SocketOptions.SNDHWM, 1000);
            push.set(SocketOptions.LINGER, Duration.ZERO);
            pull.set(SocketOptions.RCVHWM, 1000);
            push.connect(pull.bind("tcp://127.0.0.1:*"));
            long sent = fillTcp(push, new byte[][] {new byte[1024]}, 100_000);
            long received = 0;
            while (received < sent && pull.recvMsg(Duration.ofSeconds(10)) != null) {
                received++;
            }
            String after = push.send(Msg.of(X), Duration.ofSeconds(10)) && pull.recvMsg(Duration.ofSeconds(10)) != null
                    ? "ok" : "lost";
            return "full=" + (sent < 0 ? "never" : "EAGAIN") + ",atLeastBothHwms=" + (sent >= 2000 ? "yes" : "no")
                    + ",arrived=" + (received == sent ? "all" : "short") + ",after=" + after;
        }
    }

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    private static String immediate(boolean on) {
        try (Socket push = ctx.socket(SocketType.PUSH)) {
            push.set(SocketOptions.IMMEDIATE, on);
            push.set(SocketOptions.LINGER, Duration.ZERO);
            push.connect("ipc://" + dir.resolve("nobody-z" + NAMES.incrementAndGet() + ".ipc"));
            return outcomes(push, null, 2);
        } finally {
            assertThat(Files.exists(dir)).isTrue();
        }
    }
}
