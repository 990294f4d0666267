// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.net;

import static io.zenmq.reliability.net.LabPeers.endpoint;
import static io.zenmq.reliability.net.LabPeers.port;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.reliability.Scale;
import io.zenmq.reliability.lab.NetLab;
import io.zenmq.reliability.lab.NetLab.Side;
import io.zenmq.reliability.lab.Privileges;
import io.zenmq.reliability.oracle.Verdict;
import io.zenmq.reliability.peer.PeerProcess;
import io.zenmq.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * Real kernel TCP between two namespaces under loss, delay, reordering, cuts, silence, resets and
 * a slow link (plan R1, R3, R4, R5, R7, R9). Senders run in namespace a, receivers bind in b;
 * every receiver checks its history with the oracle and reports one verdict.
 */
@Tag("netns")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NetFaultsTest {
    private static final Duration LONG = Duration.ofMinutes(3);
    /** What one disconnect may lose: both HWMs plus what the kernel's socket buffers hold. */
    private static final long LOSS_BOUND = 1000 + 1000 + 100_000;

    private static NetLab lab;
    private LabPeers peers;

    @BeforeAll
    static void up() {
        Privileges.requireNetLab();
        lab = NetLab.up(Path.of("target", "netlab").toAbsolutePath());
    }

    @AfterAll
    static void down() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void peers(TestInfo info) {
        peers = new LabPeers(lab, Path.of("target", "reliability-logs", info.getTestMethod().orElseThrow().getName()));
    }

    @AfterEach
    void clean() {
        peers.close();
        lab.clear();
    }

    private static String bindB() {
        return "bind=tcp://" + NetLab.ip(Side.B) + ":*";
    }

    /** R1: PUSH→PULL through 50 ± 10 ms, 5 % loss: TCP repairs it all, nothing reaches the oracle wrong. */
    @Test
    void pushPullThroughLossDelayAndReordering() {
        long count = Scale.pick(200_000L, 1_000_000L);
        lab.impair(Side.B, 50, 10, 5, 42);
        PeerProcess pull = peers.start(Side.B, "pull", "role=recv", "type=PULL", bindB(), "count=" + count,
                "expect=1:0:" + count, "progress=" + count / 10);
        PeerProcess push = peers.start(Side.A, "push", "role=send", "type=PUSH", "connect=" + endpoint(pull),
                "count=" + count, "min=1", "max=200", "multipart=10");
        Verdict v = pull.verdict(LONG);
        v.assertClean(0, 0);
        assertThat(v.received()).isEqualTo(count);
        assertThat(pull.events("DISCONNECTED") + push.events("DISCONNECTED")).isZero();
    }

    /** R1/R2 for DEALER↔ROUTER: pipelined requests through the same link, replies matched one to one. */
    @Test
    void dealerRouterThroughLossDelayAndReordering() {
        long count = Scale.pick(20_000L, 100_000L);
        lab.impair(Side.B, 50, 10, 5, 43);
        PeerProcess router = peers.start(Side.B, "router", "role=echo", "type=ROUTER", bindB());
        PeerProcess dealer = peers.start(Side.A, "dealer", "role=req", "type=DEALER", "connect=" + endpoint(router),
                "count=" + count, "window=200");
        Verdict v = dealer.verdict(LONG);
        v.assertClean(0, 0);
        assertThat(v.received()).isEqualTo(count);
        assertThat(dealer.events("DISCONNECTED") + router.events("DISCONNECTED")).isZero();
    }

    /** R2's REQ/REP leg: lock-step round trips through the impaired link, each reply the right one. */
    @Test
    void reqRepThroughLossDelayAndReordering() {
        long count = Scale.pick(40L, 2_000L);
        lab.impair(Side.B, 50, 10, 5, 44);
        PeerProcess rep = peers.start(Side.B, "rep", "role=echo", "type=REP", bindB());
        PeerProcess req = peers.start(Side.A, "req", "role=req", "type=REQ", "connect=" + endpoint(rep),
                "count=" + count, "window=1");
        Verdict v = req.verdict(LONG);
        v.assertClean(0, 0);
        assertThat(v.received()).isEqualTo(count);
    }

    /**
     * R2's recovery: 50 lock-step REQs in parallel through the same link, the ROUTER dropping 1 %
     * of replies; REQ_CORRELATE + REQ_RELAXED resend after a reply timeout. Every request is
     * answered in the end, every reply is the one to the request just sent (no cross-talk, no
     * late answer taken), and there are at least as many resends as dropped replies.
     */
    @Test
    void parallelReqsRecoverFromDroppedRepliesWithoutCrossTalk() {
        int parallel = 50;
        long each = Scale.pick(40L, 400L);
        lab.impair(Side.B, 50, 10, 5, 47);
        PeerProcess router = peers.start(Side.B, "router", "role=echo", "type=ROUTER", bindB(), "dropPercent=1",
                "seed=47");
        PeerProcess reqs = peers.start(Side.A, "reqs", "role=reqs", "type=REQ", "connect=" + endpoint(router),
                "parallel=" + parallel, "count=" + each, "replyTimeoutMs=1000");
        Verdict v = reqs.verdict(LONG);
        String done = reqs.await("REQS-DONE ", LONG);
        router.command("stop");
        String echoDone = router.await("ECHO-DONE ", LONG);
        System.out.println("R2 recovery: " + done + "; " + echoDone);
        v.assertClean(0, 0);
        assertThat(v.received()).isEqualTo(parallel * each);
        assertThat(done).contains("crosstalk=0");
        long dropped = Long.parseLong(echoDone.replaceAll(".*dropped=(\\d+).*", "$1"));
        long retries = Long.parseLong(done.replaceAll(".*retries=(\\d+).*", "$1"));
        assertThat(dropped).as("the ROUTER dropped some replies").isPositive();
        assertThat(retries).as("each dropped reply was recovered by a resend").isGreaterThanOrEqualTo(dropped);
    }

    /** R3: PUB→SUB through the same link: whatever a SUB gets is an increasing, whole subsequence. */
    @Test
    void pubSubThroughLossDelayAndReordering() {
        long count = Scale.pick(100_000L, 1_000_000L);
        lab.impair(Side.B, 50, 10, 5, 45);
        PeerProcess pub = peers.start(Side.A, "pub", "role=send", "type=PUB", "bind=tcp://" + NetLab.ip(Side.A) + ":*",
                "sndhwm=10000", "count=" + count, "waitGo=1");
        PeerProcess sub = peers.start(Side.B, "sub", "role=recv", "type=SUB", "connect=" + endpoint(pub),
                "progress=" + count / 10);
        sub.awaitEvent("HANDSHAKE_SUCCEEDED", 1, LONG);
        pub.awaitEvent("HANDSHAKE_SUCCEEDED", 1, LONG);
        pub.command("go");
        pub.await("SENT-DONE ", LONG);
        Await.until("the SUB to get the last message or go quiet", LONG, () -> quietFor(sub, Duration.ofSeconds(3)));
        sub.command("stop");
        Verdict v = sub.verdict(LONG);
        v.assertClean(Long.MAX_VALUE, Long.MAX_VALUE); // PUB may drop; order and wholeness hold
        assertThat(v.received()).isPositive();
    }

    /**
     * R3 with XPUB_NODROP: the publisher (an XPUB, SNDHWM 10,000, waiting for the subscription
     * before its first message) gets EAGAIN where a PUB would drop, and the SUB behind the
     * impaired link loses nothing.
     */
    @Test
    void xpubNodropLosesNothingThroughLossDelayAndReordering() {
        long count = Scale.pick(100_000L, 1_000_000L);
        lab.impair(Side.B, 50, 10, 5, 46);
        PeerProcess pub = peers.start(Side.A, "xpub", "role=send", "type=XPUB",
                "bind=tcp://" + NetLab.ip(Side.A) + ":*", "sndhwm=10000", "nodrop=1", "sndtimeoMs=10", "waitSub=1",
                "count=" + count, "progress=" + count / 10);
        PeerProcess sub = peers.start(Side.B, "sub", "role=recv", "type=SUB", "connect=" + endpoint(pub),
                "count=" + count, "expect=1:0:" + count, "progress=" + count / 10);
        String done = pub.await("SENT-DONE ", LONG);
        Verdict v = sub.verdict(LONG);
        System.out.println("R3 XPUB_NODROP: " + done + "; received " + v.received());
        v.assertClean(0, 0);
        assertThat(v.received()).isEqualTo(count);
        assertThat(eagain(done)).as("the publisher saw EAGAIN at its HWM").isPositive();
        assertThat(pub.events("DISCONNECTED") + sub.events("DISCONNECTED")).isZero();
    }

    private static long lastCount(PeerProcess p, String prefix) {
        var lines = p.linesStarting(prefix);
        return lines.isEmpty() ? 0 : Long.parseLong(lines.get(lines.size() - 1).split(" ")[1]);
    }

    private static boolean quietFor(PeerProcess p, Duration quiet) {
        long before = p.linesStarting("RECV ").size();
        LockSupport.parkNanos(quiet.toNanos());
        return p.linesStarting("RECV ").size() == before;
    }

    /** R4: the link cut for 3 s, several times, under a 20k msg/s stream: TCP rides through, 0 lost. */
    @Test
    void pushPullRidesThroughLinkCuts() {
        int cuts = Scale.pick(3, 10);
        long rate = 20_000;
        long count = rate * (cuts * 5L + 2);
        PeerProcess pull = peers.start(Side.B, "pull", "role=recv", "type=PULL", bindB(), "count=" + count,
                "expect=1:0:" + count, "progress=" + rate / 2);
        PeerProcess push = peers.start(Side.A, "push", "role=send", "type=PUSH", "connect=" + endpoint(pull),
                "count=" + count, "rate=" + rate, "progress=" + rate / 2);
        for (int i = 1; i <= cuts; i++) {
            pull.await("RECV ", i * 10, LONG); // i x 5 s of traffic
            lab.cut();
            hold(Duration.ofSeconds(3));
            lab.restore();
        }
        Verdict v = pull.verdict(LONG);
        v.assertClean(0, 0);
        assertThat(v.received()).isEqualTo(count);
        assertThat(push.events("HANDSHAKE_SUCCEEDED")).isEqualTo(1);
        assertThat(pull.events("HANDSHAKE_SUCCEEDED")).isEqualTo(1);
        assertThat(push.events("DISCONNECTED") + pull.events("DISCONNECTED")).isZero();
    }

    /** Keeps a fault in place for a while: the fault's length, not a wait for something to happen. */
    private static void hold(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * R5: b goes silent (drops everything) while a streams: with heartbeats (200 ms, timeout 1 s)
     * both sides see DISCONNECTED within 1.5 s; after the silence ends they shake hands again
     * within 2 s; loss only across the disconnect, bounded.
     */
    @Test
    void silentPeerIsCaughtByHeartbeatsOnBothSides() {
        int rounds = Scale.pick(3, 20);
        Duration silence = Duration.ofSeconds(Scale.pick(3, 30));
        long rate = 2_000;
        String[] hb = {"hbIvlMs=200", "hbTimeoutMs=1000", "reconnectMs=100", "reconnectMaxMs=500"};
        PeerProcess pull = peers.start(Side.B, "pull", with(hb, "role=recv", "type=PULL", bindB(),
                "progress=" + rate / 2));
        PeerProcess push = peers.start(Side.A, "push", with(hb, "role=send", "type=PUSH",
                "connect=" + endpoint(pull), "count=100000000", "rate=" + rate, "progress=" + rate / 2));
        pull.await("RECV ", 2, LONG);
        for (int i = 1; i <= rounds; i++) {
            lab.silence(Side.B, true);
            // taken once the rules are in: starting four iptables processes takes a while here
            long silencedAt = System.nanoTime() / 1_000_000;
            long pushDown = push.awaitEvent("DISCONNECTED", i, LONG) - silencedAt;
            long pullDown = pull.awaitEvent("DISCONNECTED", i, LONG) - silencedAt;
            hold(silence.minusMillis(System.nanoTime() / 1_000_000 - silencedAt));
            long back = System.nanoTime() / 1_000_000;
            lab.silence(Side.B, false);
            long pushUp = push.awaitEvent("HANDSHAKE_SUCCEEDED", i + 1, LONG) - back;
            long pullUp = pull.awaitEvent("HANDSHAKE_SUCCEEDED", i + 1, LONG) - back;
            System.out.printf(java.util.Locale.ROOT, "R5 round %d: DISCONNECTED after %d ms (push) %d ms (pull); handshake %d/%d ms"
                    + " after the silence%n", i, pushDown, pullDown, pushUp, pullUp);
            // HEARTBEAT_IVL + HEARTBEAT_TIMEOUT = 1.2 s at most after the last input, plus scheduling
            assertThat(pushDown).as("push side notices").isBetween(700L, 1500L);
            assertThat(pullDown).as("pull side notices").isBetween(700L, 1500L);
            assertThat(Math.max(pushUp, pullUp)).as("back within 2 s").isLessThanOrEqualTo(2000L);
            long received = lastCount(pull, "RECV ");
            pull.await("RECV ", (int) (received / (rate / 2)) + 2, LONG); // traffic flows again
        }
        push.command("stop");
        String done = push.await("SENT-DONE ", LONG);
        long sent = Long.parseLong(done.split(" ")[1]);
        Await.until("the PULL to drain", LONG, () -> quietFor(pull, Duration.ofSeconds(2)));
        pull.command("stop");
        Verdict v = pull.verdict(LONG);
        v.assertClean(rounds, LOSS_BOUND);
        assertThat(v.received() + v.lost()).isLessThanOrEqualTo(sent);
    }

    /**
     * R5 without heartbeats: b goes silent while a streams. Only the sender notices, when its
     * kernel gives up retransmitting (the lab's {@code tcp_retries2} is lowered to 3, about 3 s,
     * as zenmq has no TCP_USER_TIMEOUT option); the idle receiver keeps the dead connection and
     * sees no DISCONNECTED, also after the sender is back on a new connection.
     */
    @Test
    void withoutHeartbeatsOnlyTheSenderNoticesASilentPeer() {
        String retries = lab.sysctl(Side.A, "net.ipv4.tcp_retries2", "3");
        try {
            long rate = 2_000;
            PeerProcess pull = peers.start(Side.B, "pull", "role=recv", "type=PULL", bindB(),
                    "progress=" + rate / 2);
            PeerProcess push = peers.start(Side.A, "push", "role=send", "type=PUSH", "connect=" + endpoint(pull),
                    "count=100000000", "rate=" + rate, "progress=" + rate / 2, "reconnectMs=100",
                    "reconnectMaxMs=500");
            pull.await("RECV ", 2, LONG);
            lab.silence(Side.B, true);
            long silencedAt = System.nanoTime() / 1_000_000;
            long pushDown = push.awaitEvent("DISCONNECTED", 1, LONG) - silencedAt;
            long silent = System.nanoTime() / 1_000_000 - silencedAt;
            lab.silence(Side.B, false);
            push.awaitEvent("HANDSHAKE_SUCCEEDED", 2, LONG);
            pull.awaitEvent("HANDSHAKE_SUCCEEDED", 2, LONG);
            long received = lastCount(pull, "RECV ");
            pull.await("RECV ", (int) (received / (rate / 2)) + 2, LONG); // traffic flows again
            System.out.printf(java.util.Locale.ROOT, "R5 without heartbeats: the sender's DISCONNECTED %d ms after"
                    + " the silence began; the receiver saw %d%n", pushDown, pull.events("DISCONNECTED"));
            assertThat(pushDown).as("the sender's kernel gives up after its retransmissions")
                    .isBetween(1000L, 60_000L);
            assertThat(silent).isGreaterThanOrEqualTo(pushDown);
            assertThat(pull.events("DISCONNECTED")).as("the idle receiver never notices").isZero();
            push.command("stop");
            String done = push.await("SENT-DONE ", LONG);
            long sent = Long.parseLong(done.split(" ")[1]);
            Await.until("the PULL to drain", LONG, () -> quietFor(pull, Duration.ofSeconds(2)));
            pull.command("stop");
            Verdict v = pull.verdict(LONG);
            v.assertClean(1, LOSS_BOUND);
            assertThat(v.received() + v.lost()).isLessThanOrEqualTo(sent);
        } finally {
            lab.sysctl(Side.A, "net.ipv4.tcp_retries2", retries);
        }
    }

    /**
     * L2, black-hole variant: a PUSH reconnecting every 10 ms to a peer whose namespace drops
     * every packet, so its SYNs vanish and nothing is refused. With {@code tcp_syn_retries} 1 in
     * the sender's namespace (the host's value is not touched) each connect gives up after about
     * 3 s and the next one starts 10 ms later. Meanwhile the sender's descriptors stay within 2
     * of each other and its threads do not grow; once the silence ends, the message it queued
     * arrives.
     */
    @Test
    void reconnectingIntoABlackHoleKeepsFdsAndThreadsFlat() {
        Duration window = Duration.ofSeconds(Scale.pick(10, 600));
        String synRetries = lab.sysctl(Side.A, "net.ipv4.tcp_syn_retries", "1");
        try {
            PeerProcess pull = peers.start(Side.B, "pull", "role=recv", "type=PULL", bindB(), "count=1",
                    "expect=1:0:1");
            String ep = endpoint(pull);
            lab.silence(Side.B, true);
            PeerProcess push = peers.start(Side.A, "push", "role=send", "type=PUSH", "connect=" + ep, "count=1",
                    "reconnectMs=10", "maxSeconds=" + (window.toSeconds() + 120));
            push.await("SENT-DONE ", LONG);
            int minFds = Integer.MAX_VALUE;
            int maxFds = 0;
            int firstThreads = -1;
            int maxThreads = 0;
            int probes = 0;
            long end = System.nanoTime() + window.toNanos();
            while (System.nanoTime() - end < 0) {
                push.command("probe");
                String res = push.await("RES ", ++probes, LONG);
                int fds = field(res, "fds");
                int threads = field(res, "threads");
                minFds = Math.min(minFds, fds);
                maxFds = Math.max(maxFds, fds);
                firstThreads = firstThreads < 0 ? threads : firstThreads;
                maxThreads = Math.max(maxThreads, threads);
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
            long retried = push.events("CONNECT_RETRIED");
            long opened = System.nanoTime();
            lab.silence(Side.B, false);
            Verdict v = pull.verdict(LONG);
            long flowedMs = (System.nanoTime() - opened) / 1_000_000;
            System.out.printf(java.util.Locale.ROOT, "L2 black hole: %d retries in %s; fds %d..%d, threads %d..%d over"
                    + " %d probes; the message arrived %d ms after the silence ended%n", retried, window, minFds,
                    maxFds, firstThreads, maxThreads, probes, flowedMs);
            assertThat(retried).as("connects that timed out and were retried").isGreaterThanOrEqualTo(2);
            assertThat(maxFds - minFds).as("fd spread while retrying").isLessThanOrEqualTo(2);
            assertThat(maxThreads).as("threads while retrying").isLessThanOrEqualTo(firstThreads);
            v.assertClean(0, 0);
            assertThat(v.received()).isEqualTo(1);
        } finally {
            lab.sysctl(Side.A, "net.ipv4.tcp_syn_retries", synRetries);
        }
    }

    private static int field(String res, String name) {
        return Integer.parseInt(res.replaceAll(".*\\b" + name + "=(-?\\d+).*", "$1"));
    }

    private static String[] with(String[] common, String... args) {
        String[] all = new String[common.length + args.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(common, 0, all, args.length, common.length);
        return all;
    }

    /**
     * R7: a connection reset (RST) while a 16 MiB two-part message is on the wire: the part that
     * arrived is never delivered, the sender reconnects within 1 s, the stream goes on.
     */
    @Test
    void resetMidLargeMessageNeverDeliversAPart() {
        int resets = Scale.pick(5, 100);
        lab.rate(Side.A, "100mbit");
        long bigEvery = 20;
        long count = bigEvery * (resets + 1);
        PeerProcess pull = peers.start(Side.B, "pull", "role=recv", "type=PULL", bindB(), "count=" + count,
                "progress=1");
        String ep = endpoint(pull);
        PeerProcess push = peers.start(Side.A, "push", "role=send", "type=PUSH", "connect=" + ep,
                "count=" + count, "rate=10", "bigEvery=" + bigEvery, "big=" + (16 << 20), "reconnectMs=100",
                "progress=1");
        int port = port(ep);
        for (int i = 1; i <= resets; i++) {
            push.await("SENDING-BIG ", i, LONG);
            long base = lab.bytesReceived(Side.B, port);
            Await.until("4 MiB of the big message to arrive", LONG,
                    () -> lab.bytesReceived(Side.B, port) - base > 4 << 20);
            assertThat(lab.reset(port)).isNotBlank();
            // from the sender's own DISCONNECTED to its next handshake, both stamped by the child
            long down = push.awaitEvent("DISCONNECTED", i, LONG);
            long up = push.awaitEvent("HANDSHAKE_SUCCEEDED", i + 1, LONG) - down;
            System.out.printf(java.util.Locale.ROOT, "R7 reset %d: handshake again %d ms after DISCONNECTED%n", i, up);
            assertThat(up).as("reconnect").isLessThanOrEqualTo(1000L);
        }
        push.await("SENT-DONE ", LONG);
        Await.until("the PULL to drain", LONG, () -> quietFor(pull, Duration.ofSeconds(2)));
        pull.command("stop");
        Verdict v = pull.verdict(LONG);
        v.assertClean(resets, bigEvery);
        assertThat(v.lost()).isGreaterThanOrEqualTo(resets); // each big message cut short is gone
    }

    /**
     * R9: a 1 Mbit/s link. PUSH with SNDTIMEO meets its HWM and gets EAGAIN (send returns false),
     * loses nothing and keeps a flat heap; PUB never blocks, it drops.
     */
    @Test
    void slowLinkGivesEagainToPushAndNeverBlocksPub() {
        lab.rate(Side.A, "1mbit");
        long count = Scale.pick(3_000L, 30_000L);
        PeerProcess pull = peers.start(Side.B, "pull", "role=recv", "type=PULL", bindB(), "rcvhwm=100",
                "count=" + count, "expect=1:0:" + count, "progress=" + count / 10);
        PeerProcess push = peers.start(Side.A, "push", "role=send", "type=PUSH", "connect=" + endpoint(pull),
                "sndhwm=100", "sndtimeoMs=50", "count=" + count, "min=1000", "max=1000", "multipart=0",
                "progress=" + count / 10);
        push.await("SENT ", 2, LONG);
        push.command("probe");
        long heapEarly = heap(push.await("RES ", LONG));
        String done = push.await("SENT-DONE ", LONG);
        push.command("probe");
        long heapLate = heap(push.await("RES ", 2, LONG));
        Verdict v = pull.verdict(LONG);
        v.assertClean(0, 0);
        assertThat(eagain(done)).as("EAGAIN at HWM").isPositive();
        assertThat(heapLate - heapEarly).as("producer heap growth").isLessThan(2L << 20);

        PeerProcess pub = peers.start(Side.A, "pub", "role=send", "type=PUB", "bind=tcp://" + NetLab.ip(Side.A) + ":*",
                "sndhwm=100", "count=" + count * 10, "min=1000", "max=1000", "multipart=0", "waitGo=1");
        PeerProcess sub = peers.start(Side.B, "sub", "role=recv", "type=SUB", "connect=" + endpoint(pub),
                "progress=100");
        sub.awaitEvent("HANDSHAKE_SUCCEEDED", 1, LONG);
        pub.awaitEvent("HANDSHAKE_SUCCEEDED", 1, LONG);
        pub.command("go");
        String pubDone = pub.await("SENT-DONE ", LONG);
        sub.command("stop");
        Verdict sv = sub.verdict(LONG);
        sv.assertClean(Long.MAX_VALUE, Long.MAX_VALUE);
        assertThat(sv.received()).as("the slow SUB got a subsequence").isPositive().isLessThan(count * 10);
        assertThat(Long.parseLong(pubDone.replaceAll(".*maxSendMicros=(\\d+).*", "$1"))).as("longest PUB send, us")
                .isLessThan(250_000L);
    }

    private static long heap(String res) {
        return Long.parseLong(res.replaceAll(".*heapKiB=(\\d+).*", "$1")) << 10;
    }

    private static long eagain(String done) {
        return Long.parseLong(done.replaceAll(".*eagain=(\\d+).*", "$1"));
    }
}
