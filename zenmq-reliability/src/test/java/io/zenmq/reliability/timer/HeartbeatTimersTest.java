// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.EventType;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.testing.RawZmtpPeer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Heartbeat and reconnect timers (plan T1), after libzmq's {@code test_heartbeats}: a scripted
 * loopback peer that completes the handshake and then never answers a PING, on either side of the
 * connection, and two zenmq sockets where the pinging side announces a TTL shorter than its own
 * interval. Each test pins the exact monitor-event sequence and checks each DISCONNECTED against
 * the deadline the options set (never earlier; later only by a generous bound, as the machine is
 * shared).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeartbeatTimersTest {
    private static final Duration IVL = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How late a timer may fire on a loaded 2-core machine before the test calls it broken. */
    private static final long LATE_NANOS = Duration.ofSeconds(3).toNanos();

    private Context ctx;

    @BeforeEach
    void open() {
        ctx = Context.create();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void aConnectingSocketDropsAServerThatNeverAnswersPingAndReconnects() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) WAIT.toMillis());
            Socket dealer = ctx.socket(SocketType.DEALER);
            dealer.set(SocketOptions.HEARTBEAT_IVL, IVL);
            dealer.set(SocketOptions.HEARTBEAT_TIMEOUT, TIMEOUT);
            dealer.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(100));
            SocketMonitor monitor = dealer.monitor(EventType.all());
            long start = System.nanoTime();
            dealer.connect("tcp://127.0.0.1:" + server.getLocalPort());

            try (java.net.Socket first = server.accept()) {
                first.setSoTimeout((int) WAIT.toMillis());
                answerHandshake(first, "ROUTER");
                // the first PING: TTL 0 (none set) and an empty context
                assertThat(first.getInputStream().readNBytes(9))
                        .containsExactly(0x04, 0x07, 4, 'P', 'I', 'N', 'G', 0, 0);
                List<Timed> events = until(monitor, EventType.DISCONNECTED);
                assertThat(types(events)).containsExactly(EventType.CONNECT_DELAYED, EventType.CONNECTED,
                        EventType.HANDSHAKE_SUCCEEDED, EventType.DISCONNECTED);
                assertDroppedOnTime(start, events, IVL.plus(TIMEOUT));
                assertThat(closedBy(first)).isTrue();
            }
            try (java.net.Socket second = server.accept()) {
                answerHandshake(second, "ROUTER");
                List<Timed> events = until(monitor, EventType.HANDSHAKE_SUCCEEDED);
                assertThat(types(events)).containsExactly(EventType.CONNECT_RETRIED, EventType.CONNECT_DELAYED,
                        EventType.CONNECTED, EventType.HANDSHAKE_SUCCEEDED);
                // the retry waits RECONNECT_IVL plus a random part of it, as in libzmq
                assertThat(events.get(0).event().value()).isBetween(100L, 199L);
            }
        }
    }

    @Test
    void aBindingSocketDropsAClientThatNeverAnswersPing() throws IOException {
        Socket router = ctx.socket(SocketType.ROUTER);
        router.set(SocketOptions.HEARTBEAT_IVL, IVL);
        router.set(SocketOptions.HEARTBEAT_TIMEOUT, TIMEOUT);
        SocketMonitor monitor = router.monitor(EventType.all());
        String endpoint = router.bind("tcp://127.0.0.1:*");
        long start = System.nanoTime();
        try (RawZmtpPeer peer = RawZmtpPeer.handshaken(endpoint, "DEALER")) {
            List<Timed> events = until(monitor, EventType.DISCONNECTED);
            assertThat(types(events)).containsExactly(EventType.LISTENING, EventType.ACCEPTED,
                    EventType.HANDSHAKE_SUCCEEDED, EventType.DISCONNECTED);
            assertDroppedOnTime(start, events, IVL.plus(TIMEOUT));
            assertThat(peer.closedByPeerWithin(WAIT)).isTrue();
        }
        // a silent peer ends nothing else: the listener still accepts
        RawZmtpPeer next = RawZmtpPeer.handshaken(endpoint, "DEALER");
        try {
            assertThat(types(until(monitor, EventType.HANDSHAKE_SUCCEEDED)))
                    .containsExactly(EventType.ACCEPTED, EventType.HANDSHAKE_SUCCEEDED);
        } finally {
            next.close();
        }
    }

    @Test
    void aTtlShorterThanTheIntervalMakesThePeerDropThePingingSideEveryRound() {
        Duration ivl = Duration.ofMillis(600);
        Duration ttl = Duration.ofMillis(200);
        Socket router = ctx.socket(SocketType.ROUTER);
        SocketMonitor serverEvents = router.monitor(EventType.all());
        String endpoint = router.bind("tcp://127.0.0.1:*");
        Socket dealer = ctx.socket(SocketType.DEALER);
        dealer.set(SocketOptions.HEARTBEAT_IVL, ivl);
        dealer.set(SocketOptions.HEARTBEAT_TTL, ttl);
        dealer.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(100));
        SocketMonitor clientEvents = dealer.monitor(EventType.all());
        long start = System.nanoTime();
        dealer.connect(endpoint);

        for (int round = 0; round < 2; round++) {
            List<Timed> server = until(serverEvents, EventType.DISCONNECTED);
            if (round == 0) {
                assertThat(types(server)).containsExactly(EventType.LISTENING, EventType.ACCEPTED,
                        EventType.HANDSHAKE_SUCCEEDED, EventType.DISCONNECTED);
            } else {
                assertThat(types(server)).containsExactly(EventType.ACCEPTED, EventType.HANDSHAKE_SUCCEEDED,
                        EventType.DISCONNECTED);
            }
            if (round == 0) {
                // the first PING leaves after IVL; the server gives up TTL after it
                assertDroppedOnTime(start, server, ivl.plus(ttl));
            }
            List<Timed> client = until(clientEvents, EventType.DISCONNECTED);
            List<EventType> expected = round == 0
                    ? List.of(EventType.CONNECT_DELAYED, EventType.CONNECTED, EventType.HANDSHAKE_SUCCEEDED,
                            EventType.DISCONNECTED)
                    : List.of(EventType.CONNECT_RETRIED, EventType.CONNECT_DELAYED, EventType.CONNECTED,
                            EventType.HANDSHAKE_SUCCEEDED, EventType.DISCONNECTED);
            assertThat(types(client)).isEqualTo(expected);
        }
    }

    /** Sends a NULL greeting and READY as {@code type}, then reads the zenmq side's greeting and READY. */
    private static void answerHandshake(java.net.Socket raw, String type) throws IOException {
        OutputStream out = raw.getOutputStream();
        out.write(RawZmtpPeer.greeting("NULL", true));
        out.write(RawZmtpPeer.ready(type));
        out.flush();
        InputStream in = raw.getInputStream();
        assertThat(in.readNBytes(64)).hasSize(64);
        byte[] header = in.readNBytes(2);
        assertThat(header[0]).isEqualTo((byte) 0x04);
        in.readNBytes(header[1] & 0xff);
    }

    /** Reads until the other side closes (end of stream or reset). */
    private static boolean closedBy(java.net.Socket raw) throws IOException {
        byte[] buffer = new byte[4096];
        try {
            while (raw.getInputStream().read(buffer) >= 0) {
                // PINGs, until the close
            }
            return true;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    /**
     * DISCONNECTED was read at least {@code deadline} after {@code start} (taken before the
     * connection began, so a late read of any event can only lengthen the span), and not much later.
     */
    private static void assertDroppedOnTime(long start, List<Timed> events, Duration deadline) {
        long dropped = events.stream().filter(e -> e.event().type() == EventType.DISCONNECTED)
                .findFirst().orElseThrow().nanos();
        assertThat(dropped - start).isBetween(deadline.toNanos(), deadline.toNanos() + LATE_NANOS);
    }

    /** Takes events, each stamped when it was read, up to and including the first of {@code last}. */
    private static List<Timed> until(SocketMonitor monitor, EventType last) {
        List<Timed> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            SocketEvent event = monitor.next(WAIT);
            assertThat(event).as("events so far: %s", events).isNotNull();
            events.add(new Timed(event, System.nanoTime()));
            if (event.type() == last) {
                return events;
            }
        }
        throw new AssertionError("no " + last + " in " + events);
    }

    private static List<EventType> types(List<Timed> events) {
        return events.stream().map(e -> e.event().type()).toList();
    }

    /** An event and when the test read it. */
    private record Timed(SocketEvent event, long nanos) {
    }
}
