// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.Await;
import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DEALER and ROUTER: routing, envelopes, routing ids and the ROUTER options, over every transport. */
class DealerRouterTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** How long a message that must not arrive is given to show up anyway. */
    private static final Duration ABSENCE = Duration.ofMillis(300);



    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    /** Sends once the ROUTER knows the addressed peer (its handshake may still be under way). */
    private static void sendWhenRoutable(Socket router, Msg msg) {
        router.set(SocketOptions.ROUTER_MANDATORY, true);
        Await.until("the peer to become routable", WAIT, () -> {
            try {
                router.send(msg);
                return true;
            } catch (ZmqException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.EHOSTUNREACH);
                return false;
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldSendRoundRobinFromDealer(Transport transport) {
        Socket a = ctx.socket(SocketType.ROUTER);
        Socket b = ctx.socket(SocketType.ROUTER);
        Socket dealer = ctx.socket(SocketType.DEALER);
        dealer.connect(a.bind(transport.bindable()));
        dealer.connect(b.bind(transport.bindable()));
        for (int i = 0; i < 4; i++) {
            dealer.send("m" + i);
        }
        List<String> atA = List.of(a.recvMsg(WAIT).string(1), a.recvMsg(WAIT).string(1));
        List<String> atB = List.of(b.recvMsg(WAIT).string(1), b.recvMsg(WAIT).string(1));
        assertThat(List.of(atA, atB)).containsExactlyInAnyOrder(List.of("m0", "m2"), List.of("m1", "m3"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldFairQueueIntoDealer(Transport transport) {
        Socket dealer = ctx.socket(SocketType.DEALER);
        String endpoint = dealer.bind(transport.bindable());
        Socket a = ctx.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("a"));
        Socket b = ctx.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("b"));
        a.connect(endpoint);
        b.connect(endpoint);
        for (int i = 0; i < 3; i++) {
            a.send("a" + i);
            b.send("b" + i);
        }
        List<String> received = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            received.add(dealer.recvString(WAIT));
        }
        assertThat(received.stream().filter(s -> s.startsWith("a"))).containsExactly("a0", "a1", "a2");
        assertThat(received.stream().filter(s -> s.startsWith("b"))).containsExactly("b0", "b1", "b2");
        if (transport == Transport.INPROC) {
            // everything was queued before the first receive: the sources take turns
            for (int i = 1; i < 6; i++) {
                assertThat(received.get(i).charAt(0)).isNotEqualTo(received.get(i - 1).charAt(0));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldTalkToRepWithAManualDelimiter(Transport transport) {
        Socket rep = ctx.socket(SocketType.REP);
        Socket dealer = ctx.socket(SocketType.DEALER);
        dealer.connect(rep.bind(transport.bindable()));
        dealer.send(Msg.of(new byte[0], bytes("hello")));
        assertThat(rep.recvString(WAIT)).isEqualTo("hello");
        assertThat(rep.hasMore()).isFalse();
        rep.send("world");
        Msg reply = dealer.recvMsg(WAIT);
        assertThat(reply.size()).isEqualTo(2);
        assertThat(reply.frame(0)).isEmpty();
        assertThat(reply.string(1)).isEqualTo("world");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldLetRouterAnswerReq(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        Socket req = ctx.socket(SocketType.REQ);
        req.connect(router.bind(transport.bindable()));
        for (int i = 0; i < 3; i++) {
            req.send("q" + i);
            Msg request = router.recvMsg(WAIT);
            assertThat(request.size()).isEqualTo(3);
            assertThat(request.frame(1)).isEmpty();
            assertThat(request.string(2)).isEqualTo("q" + i);
            router.send(Msg.of(request.frame(0), new byte[0], bytes("a" + i)));
            assertThat(req.recvString(WAIT)).isEqualTo("a" + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldServeRepBehindRouterAndDealer(Transport transport) {
        Socket frontend = ctx.socket(SocketType.ROUTER);
        Socket backend = ctx.socket(SocketType.DEALER);
        Socket rep = ctx.socket(SocketType.REP);
        Socket req = ctx.socket(SocketType.REQ);
        req.connect(frontend.bind(transport.bindable()));
        rep.connect(backend.bind(transport.bindable()));
        req.send(Msg.of("q", "", "rest"));
        backend.send(frontend.recvMsg(WAIT));
        Msg request = rep.recvMsg(WAIT);
        assertThat(request.frames()).extracting(f -> new String(f, UTF_8)).containsExactly("q", "", "rest");
        rep.send("answer");
        Msg reply = backend.recvMsg(WAIT);
        assertThat(reply.size()).isEqualTo(3);
        frontend.send(reply);
        assertThat(req.recvString(WAIT)).isEqualTo("answer");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldGenerateFiveByteIdsStartingWithZero(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        String endpoint = router.bind(transport.bindable());
        Socket first = ctx.socket(SocketType.DEALER);
        Socket second = ctx.socket(SocketType.DEALER);
        first.connect(endpoint);
        second.connect(endpoint);
        first.send("1");
        second.send("2");
        Msg one = router.recvMsg(WAIT);
        Msg two = router.recvMsg(WAIT);
        for (Msg msg : List.of(one, two)) {
            assertThat(msg.frame(0)).hasSize(5);
            assertThat(msg.frame(0)[0]).isZero();
        }
        int a = ByteBuffer.wrap(one.frame(0), 1, 4).getInt();
        int b = ByteBuffer.wrap(two.frame(0), 1, 4).getInt();
        assertThat(Math.abs(a - b)).as("consecutive counter values").isEqualTo(1);
        router.send(Msg.of(one.frame(0), bytes("back to " + one.string(1))));
        Socket addressed = one.string(1).equals("1") ? first : second;
        assertThat(addressed.recvString(WAIT)).isEqualTo("back to " + one.string(1));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldUseThePeersRoutingId(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        Socket dealer = ctx.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("alice"));
        dealer.connect(router.bind(transport.bindable()));
        dealer.send(Msg.of("hi", "there"));
        Msg msg = router.recvMsg(WAIT);
        assertThat(msg.frames()).extracting(f -> new String(f, UTF_8)).containsExactly("alice", "hi", "there");
        router.send(Msg.of("alice", "hello", "alice"));
        assertThat(dealer.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8))
                .containsExactly("hello", "alice");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldNameAConnectionWithConnectRoutingIdOnce(Transport transport) {
        Socket first = ctx.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("own-name"));
        Socket second = ctx.socket(SocketType.DEALER);
        Socket router = ctx.socket(SocketType.ROUTER);
        router.set(SocketOptions.CONNECT_ROUTING_ID, bytes("first"));
        router.connect(first.bind(transport.bindable()));
        assertThat(router.get(SocketOptions.CONNECT_ROUTING_ID)).as("consumed by connect").isEmpty();
        router.connect(second.bind(transport.bindable()));
        sendWhenRoutable(router, Msg.of("first", "to first"));
        assertThat(first.recvString(WAIT)).isEqualTo("to first");
        assertThatThrownBy(() -> router.send(Msg.of("own-name", "x")))
                .isInstanceOfSatisfying(ZmqException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EHOSTUNREACH));
        second.send("from second");
        Msg msg = router.recvMsg(WAIT);
        assertThat(msg.frame(0)).hasSize(5).startsWith(0);
        assertThat(msg.string(1)).isEqualTo("from second");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldFailForUnknownIdOnlyWhenMandatory(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        Socket dealer = ctx.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("known"));
        dealer.connect(router.bind(transport.bindable()));
        dealer.send("ping");
        assertThat(router.recvMsg(WAIT).string(0)).isEqualTo("known");

        router.send(Msg.of("nobody", "lost"));
        router.send("known"); // an id without a message after it is ignored
        router.send(Msg.of("known", "kept"));
        assertThat(dealer.recvString(WAIT)).isEqualTo("kept");

        router.set(SocketOptions.ROUTER_MANDATORY, true);
        assertThatThrownBy(() -> router.send(Msg.of("nobody", "lost")))
                .isInstanceOfSatisfying(ZmqException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EHOSTUNREACH));
        router.send(Msg.of("known", "still fine"));
        assertThat(dealer.recvString(WAIT)).isEqualTo("still fine");
        assertThat(dealer.recv(ABSENCE)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDropForAFullPeerUnlessMandatory(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER).set(SocketOptions.SNDHWM, 1);
        Socket dealer = ctx.socket(SocketType.DEALER).set(SocketOptions.RCVHWM, 1)
                .set(SocketOptions.ROUTING_ID, bytes("slow"));
        dealer.connect(router.bind(transport.bindable()));
        dealer.send("ping");
        router.recvMsg(WAIT);
        byte[] big = new byte[64 * 1024];
        for (int i = 0; i < 1_000; i++) {
            router.send(Msg.of(bytes("slow"), big)); // never waits: dropped while the peer is full
        }
        router.set(SocketOptions.ROUTER_MANDATORY, true);
        int sent = 0;
        while (router.trySend(Msg.of(bytes("slow"), big))) {
            sent++;
            assertThat(sent).as("the peer's queue and the kernel's buffers must fill up").isLessThan(10_000);
        }
        if (transport == Transport.INPROC) {
            // nothing drains an inproc pipe behind the socket's back, so it stays full
            assertThat(router.send(Msg.of(bytes("slow"), big), Duration.ofMillis(50))).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldHandOverAnIdInUseWithRouterHandover(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER).set(SocketOptions.ROUTER_HANDOVER, true);
        String endpoint = router.bind(transport.bindable());
        Socket old = ctx.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("X"))
                .set(SocketOptions.RECONNECT_IVL, Duration.ZERO);
        old.connect(endpoint);
        old.send("one");
        assertThat(router.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8)).containsExactly("X", "one");
        Socket fresh = ctx.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("X"));
        fresh.connect(endpoint);
        fresh.send("two");
        assertThat(router.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8)).containsExactly("X", "two");
        router.send(Msg.of("X", "to the new one"));
        assertThat(fresh.recvString(WAIT)).isEqualTo("to the new one");
        assertThat(old.recv(ABSENCE)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldIgnoreASecondPeerWithAnIdInUse(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        String endpoint = router.bind(transport.bindable());
        Socket first = ctx.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("X"));
        first.connect(endpoint);
        first.send("one");
        assertThat(router.recvMsg(WAIT).string(1)).isEqualTo("one");
        Socket second = ctx.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("X"));
        second.connect(endpoint);
        second.send("ignored");
        assertThat(router.recvMsg(ABSENCE)).isNull();
        router.send(Msg.of("X", "to the first"));
        assertThat(first.recvString(WAIT)).isEqualTo("to the first");
        assertThat(second.recv(ABSENCE)).isNull();
        first.send("two");
        assertThat(router.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8)).containsExactly("X", "two");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldProbeRouterOnConnect(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        String endpoint = router.bind(transport.bindable());
        Socket dealer = ctx.socket(SocketType.DEALER).set(SocketOptions.PROBE_ROUTER, true)
                .set(SocketOptions.ROUTING_ID, bytes("d"));
        dealer.connect(endpoint);
        Msg probe = router.recvMsg(WAIT);
        assertThat(probe.frames()).extracting(f -> new String(f, UTF_8)).containsExactly("d", "");
        Socket prober = ctx.socket(SocketType.ROUTER).set(SocketOptions.PROBE_ROUTER, true)
                .set(SocketOptions.ROUTING_ID, bytes("r"));
        prober.connect(endpoint);
        assertThat(router.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8)).containsExactly("r", "");
        router.send(Msg.of("r", "answer"));
        Msg answer = prober.recvMsg(WAIT);
        assertThat(answer.size()).isEqualTo(2);
        assertThat(answer.string(1)).isEqualTo("answer");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldRouteBetweenRoutersByTheirRoutingIds(Transport transport) {
        Socket server = ctx.socket(SocketType.ROUTER).set(SocketOptions.ROUTING_ID, bytes("server"));
        Socket client = ctx.socket(SocketType.ROUTER).set(SocketOptions.ROUTING_ID, bytes("client"));
        client.connect(server.bind(transport.bindable()));
        sendWhenRoutable(client, Msg.of("server", "hello"));
        assertThat(server.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8))
                .containsExactly("client", "hello");
        server.send(Msg.of("client", "world"));
        assertThat(client.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8))
                .containsExactly("server", "world");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldRouteBetweenRoutersByConnectRoutingId(Transport transport) {
        Socket server = ctx.socket(SocketType.ROUTER).set(SocketOptions.ROUTING_ID, bytes("server"));
        Socket client = ctx.socket(SocketType.ROUTER).set(SocketOptions.ROUTING_ID, bytes("client"))
                .set(SocketOptions.CONNECT_ROUTING_ID, bytes("my-server"));
        client.connect(server.bind(transport.bindable()));
        sendWhenRoutable(client, Msg.of("my-server", "hello"));
        assertThat(server.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8))
                .containsExactly("client", "hello");
        server.send(Msg.of("client", "world"));
        assertThat(client.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8))
                .containsExactly("my-server", "world");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldLearnTheBoundRoutersIdWhenConnectingFirst(Transport transport) {
        String where = transport.unbound();
        Socket client = ctx.socket(SocketType.ROUTER).set(SocketOptions.ROUTING_ID, bytes("client"));
        client.connect(where);
        Socket server = ctx.socket(SocketType.ROUTER).set(SocketOptions.ROUTING_ID, bytes("server"));
        server.bind(where);
        sendWhenRoutable(client, Msg.of("server", "late hello"));
        assertThat(server.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8))
                .containsExactly("client", "late hello");
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"IPC", "TCP"})
    void shouldIdentifyAConnectedPeerAgainAfterReconnect(Transport transport) {
        // the peer that goes away lives in its own context: closing that returns once the address is free
        Context away = Context.create();
        Socket before = away.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("before"));
        String endpoint = before.bind(transport.bindable());
        Socket router = ctx.socket(SocketType.ROUTER);
        router.connect(endpoint);
        sendWhenRoutable(router, Msg.of("before", "one"));
        assertThat(before.recvString(WAIT)).isEqualTo("one");

        away.close();
        Socket after = ctx.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, bytes("after"));
        after.bind(endpoint);
        sendWhenRoutable(router, Msg.of("after", "two"));
        assertThat(after.recvString(WAIT)).isEqualTo("two");
        assertThatThrownBy(() -> router.send(Msg.of("before", "gone")))
                .isInstanceOfSatisfying(ZmqException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EHOSTUNREACH));
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"IPC", "TCP"})
    void shouldProbeAgainAfterReconnect(Transport transport) {
        Context away = Context.create();
        Socket first = away.socket(SocketType.ROUTER);
        String endpoint = first.bind(transport.bindable());
        Socket dealer = ctx.socket(SocketType.DEALER).set(SocketOptions.PROBE_ROUTER, true)
                .set(SocketOptions.ROUTING_ID, bytes("d"));
        dealer.connect(endpoint);
        assertThat(first.recvMsg(WAIT).frames()).extracting(f -> new String(f, UTF_8)).containsExactly("d", "");

        away.close();
        Socket second = ctx.socket(SocketType.ROUTER);
        second.bind(endpoint);
        Msg probe = null;
        while (probe == null) {
            // the dealer notices its reconnect only when it is called
            assertThat(dealer.recvMsg(Duration.ofMillis(20))).isNull();
            probe = second.recvMsg(Duration.ofMillis(20));
        }
        assertThat(probe.frames()).extracting(f -> new String(f, UTF_8)).containsExactly("d", "");
    }
}
