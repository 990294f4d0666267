// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.hwm;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The action at the high-water mark of the draft socket types (plan W2), as libzmq's
 * {@code zmq_socket} page documents it: SERVER and PEER return EAGAIN, CLIENT and SCATTER block,
 * RADIO drops (and with {@code XPUB_NODROP} returns EAGAIN). "EAGAIN" and "block" agree on what
 * matters here: nothing is dropped, {@code trySend} says EAGAIN and a send with a timeout waits
 * it out (libzmq's blocking send waits for room on both). Over inproc with SNDHWM 1 and RCVHWM 1
 * the counts are exact (the pipe holds 2, as for PUSH in {@link HwmTest}); over tcp the kernel
 * buffers add an amount that depends on the machine, so only the outcome is pinned. python3-zmq has no draft types,
 * so libzmq is not asked.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DraftHwmTest {
    private static final byte[] X = {'x'};
    /** Most 16 KiB sends a tcp scenario tries before calling the queue endless. */
    private static final int TCP_CAP = 10_000;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration SNDTIMEO = Duration.ofMillis(100);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static Context ctx;

    @BeforeAll
    static void start() {
        ctx = Context.create();
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc", "tcp"})
    void serverReturnsEagainAndDropsNothing(String transport) {
        try (Socket server = ctx.socket(SocketType.SERVER); Socket client = ctx.socket(SocketType.CLIENT)) {
            limit(server, client);
            client.connect(server.bind(endpoint(transport)));
            client.send("hello");
            int id = server.recvMsg(WAIT).routingId();
            assertRefusesWithoutDropping(transport, server, b -> Msg.of(b).routingId(id), client);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc", "tcp"})
    void clientBlocksAndDropsNothing(String transport) {
        try (Socket client = ctx.socket(SocketType.CLIENT); Socket server = ctx.socket(SocketType.SERVER)) {
            limit(client, server);
            client.connect(server.bind(endpoint(transport)));
            client.send("hello");
            assertThat(server.recvMsg(WAIT)).isNotNull();
            assertRefusesWithoutDropping(transport, client, Msg::of, server);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc", "tcp"})
    void scatterBlocksAndDropsNothing(String transport) {
        try (Socket scatter = ctx.socket(SocketType.SCATTER); Socket gather = ctx.socket(SocketType.GATHER)) {
            limit(scatter, gather);
            scatter.connect(gather.bind(endpoint(transport)));
            scatter.send("hello");
            assertThat(gather.recvMsg(WAIT)).isNotNull();
            assertRefusesWithoutDropping(transport, scatter, Msg::of, gather);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc", "tcp"})
    void peerReturnsEagainAndDropsNothing(String transport) {
        try (Socket bound = ctx.socket(SocketType.PEER); Socket peer = ctx.socket(SocketType.PEER)) {
            limit(peer, bound);
            int id = peer.connectPeer(bound.bind(endpoint(transport)));
            peer.send(Msg.of("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).routingId(id));
            assertThat(bound.recvMsg(WAIT)).isNotNull();
            assertRefusesWithoutDropping(transport, peer, b -> Msg.of(b).routingId(id), bound);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc", "tcp"})
    void radioDropsAndNeverWaits(String transport) {
        try (Socket radio = ctx.socket(SocketType.RADIO); Socket dish = ctx.socket(SocketType.DISH)) {
            limit(radio, dish);
            connectRadio(transport, radio, dish);
            // over tcp 2,000 x 16 KiB: far more than the kernel buffers hold
            boolean inproc = transport.equals("inproc");
            int tries = inproc ? 10 : 2_000;
            byte[] body = inproc ? X : new byte[16 * 1024];
            int accepted = 0;
            for (int i = 0; i < tries; i++) {
                accepted += radio.trySend(Msg.of(body).group("g")) ? 1 : 0;
            }
            assertThat(accepted).as("RADIO takes every message and drops what does not fit").isEqualTo(tries);
            // a RADIO that waited for room would time out: nobody reads the DISH meanwhile
            assertThat(radio.send(Msg.of(X).group("g"), WAIT)).as("a full RADIO takes it and drops it").isTrue();
            int received = drain(dish);
            if (inproc) {
                assertThat(received).isEqualTo(2);
            } else {
                assertThat(received).as("some were dropped").isLessThan(tries);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"inproc", "tcp"})
    void radioWithXpubNodropReturnsEagainAndDropsNothing(String transport) {
        try (Socket radio = ctx.socket(SocketType.RADIO); Socket dish = ctx.socket(SocketType.DISH)) {
            limit(radio, dish);
            radio.set(SocketOptions.XPUB_NODROP, true);
            connectRadio(transport, radio, dish);
            assertRefusesWithoutDropping(transport, radio, b -> Msg.of(b).group("g"), dish);
        }
    }

    private static void limit(Socket sender, Socket receiver) {
        sender.set(SocketOptions.SNDHWM, 1);
        receiver.set(SocketOptions.RCVHWM, 1);
        sender.set(SocketOptions.SNDBUF, 64 * 1024);
        receiver.set(SocketOptions.RCVBUF, 64 * 1024);
    }

    private static String endpoint(String transport) {
        return transport.equals("inproc") ? "inproc://draft-hwm-" + NAMES.incrementAndGet() : "tcp://127.0.0.1:*";
    }

    /** Binds the DISH, joins "g", and sends probes until one arrives: the join has reached the RADIO. */
    private static void connectRadio(String transport, Socket radio, Socket dish) {
        dish.join("g");
        radio.connect(dish.bind(endpoint(transport)));
        for (int i = 0; i < 10_000; i++) {
            radio.send(Msg.of(X).group("g"));
            if (dish.recvMsg(Duration.ofMillis(10)) != null) {
                drain(dish);
                return;
            }
        }
        throw new AssertionError("the DISH's join never reached the RADIO");
    }

    /**
     * Fills {@code sender} until it refuses, then checks that nothing was dropped: the receiver
     * gets every accepted message, and once it has read them a send goes through again. Over
     * inproc {@code trySend} is refused exactly after 2, then always; over tcp the I/O thread
     * drains the queue into the kernel meanwhile, so the fill uses sends with {@code SNDTIMEO}
     * and 16 KiB messages (small kernel buffers) until one waits its timeout and fails.
     */
    private static void assertRefusesWithoutDropping(String transport, Socket sender,
            Function<byte[], Msg> message, Socket receiver) {
        int accepted;
        byte[] body;
        if (transport.equals("inproc")) {
            body = X;
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                outcomes.add(sender.trySend(message.apply(body)) ? "ok" : "EAGAIN");
            }
            assertThat(String.join(",", outcomes)).isEqualTo("ok,ok" + ",EAGAIN".repeat(8));
            accepted = 2;
            long before = System.nanoTime();
            assertThat(sender.send(message.apply(body), SNDTIMEO)).as("a send with a timeout fails at HWM").isFalse();
            assertThat(System.nanoTime() - before).as("and waits its timeout first")
                    .isGreaterThanOrEqualTo(SNDTIMEO.toNanos());
        } else {
            // no trySend here: on a loaded machine the I/O threads may still be moving bytes
            body = new byte[16 * 1024];
            accepted = 0;
            long waited = 0;
            while (accepted < TCP_CAP) {
                long before = System.nanoTime();
                boolean sent = sender.send(message.apply(body), SNDTIMEO);
                waited = System.nanoTime() - before;
                if (!sent) {
                    break;
                }
                accepted++;
            }
            assertThat(accepted).as("tcp: refused at some point").isBetween(1, TCP_CAP - 1);
            assertThat(waited).as("the refused send waited its timeout first")
                    .isGreaterThanOrEqualTo(SNDTIMEO.toNanos());
        }
        for (int received = 0; received < accepted; received++) {
            assertThat(receiver.recvMsg(WAIT)).as("message %d of %d", received, accepted).isNotNull();
        }
        assertThat(sender.send(message.apply(body), WAIT)).as("room again after the reads").isTrue();
        assertThat(receiver.recvMsg(WAIT)).isNotNull();
        assertThat(receiver.tryRecvMsg()).as("nothing more than was accepted").isNull();
    }

    private static int drain(Socket s) {
        int n = 0;
        while (s.tryRecvMsg() != null) {
            n++;
        }
        return n;
    }
}
