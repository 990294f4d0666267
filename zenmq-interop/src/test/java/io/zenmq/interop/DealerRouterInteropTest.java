// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zenmq.ErrorCode;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DEALER and ROUTER against libzmq over TCP, each role played by zenmq and by libzmq, with
 * either side binding: REQ to ROUTER, DEALER to REP, DEALER to ROUTER, ROUTER to ROUTER with
 * explicit ids, PROBE_ROUTER and REQ_CORRELATE. Routing ids are checked on the wire's terms:
 * the shape of the ids libzmq makes up, and that each side uses the Identity the other announced.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DealerRouterInteropTest {
    private static final byte[] EMPTY = new byte[0];
    /** How long a receive that only lets a socket process its new connections waits. */
    private static final Duration NUDGE = Duration.ofMillis(50);

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    private static void assertGeneratedId(String what, byte[] id) {
        assertThat(id).as(what + ": a made-up routing id is 00 + uint32").hasSize(5);
        assertThat(id[0]).as(what + ": first byte").isZero();
    }

    /** Sends from a zenmq ROUTER once the addressed peer's handshake is done. */
    private static void sendWhenRoutable(Socket router, Msg msg) {
        router.set(SocketOptions.ROUTER_MANDATORY, true);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pause = 100_000;
        while (true) {
            try {
                router.send(msg);
                return;
            } catch (ZmqException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.EHOSTUNREACH);
            }
            if (System.nanoTime() - deadline > 0) {
                fail("the peer never became routable");
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 20_000_000);
        }
    }

    // ---- REQ and ROUTER ---------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldGetRepliesFromLibzmqRouter(Topology topology) {
        LibzmqPeer router = interop.peer().socket("ROUTER");
        Socket req = interop.socket(SocketType.REQ);
        topology.wire(req, router);
        for (int i = 0; i < 3; i++) {
            req.send(utf8("request " + i));
            List<byte[]> request = router.recv(PATIENCE);
            assertThat(request).as("libzmq ROUTER received").hasSize(3);
            assertGeneratedId("libzmq's id for a zenmq REQ", request.get(0));
            assertFrames("envelope and body", request.subList(1, 3), EMPTY, utf8("request " + i));
            router.send(request.get(0), EMPTY, utf8("reply " + i));
            assertFrames("reply " + i, req.recvMsg(PATIENCE), utf8("reply " + i));
        }
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldAnswerLibzmqReqFromRouter(Topology topology) {
        LibzmqPeer req = interop.peer().socket("REQ");
        Socket router = interop.socket(SocketType.ROUTER);
        topology.wire(router, req);
        for (int i = 0; i < 3; i++) {
            req.send(utf8("request " + i));
            Msg request = router.recvMsg(PATIENCE);
            assertThat(request.size()).as("zenmq ROUTER received").isEqualTo(3);
            assertGeneratedId("zenmq's id for a libzmq REQ", request.frame(0));
            assertFrames("envelope and body", request.frames().subList(1, 3), EMPTY, utf8("request " + i));
            router.send(Msg.of(request.frame(0), EMPTY, utf8("reply " + i)));
            assertFrames("reply " + i, req.recv(PATIENCE), utf8("reply " + i));
        }
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldCorrelateZenmqRequestsThroughLibzmqRouter(Topology topology) {
        LibzmqPeer router = interop.peer().socket("ROUTER");
        Socket req = interop.socket(SocketType.REQ).set(SocketOptions.REQ_CORRELATE, true)
                .set(SocketOptions.REQ_RELAXED, true);
        topology.wire(req, router);
        req.send(utf8("old"));
        List<byte[]> old = router.recv(PATIENCE);
        req.send(utf8("new"));
        List<byte[]> fresh = router.recv(PATIENCE);
        assertThat(fresh).hasSize(4);
        assertThat(fresh.get(1)).as("request id").hasSize(4);
        assertThat(ByteBuffer.wrap(fresh.get(1)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt())
                .isEqualTo(ByteBuffer.wrap(old.get(1)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() + 1);
        router.send(old.get(0), old.get(1), EMPTY, utf8("to old"));
        router.send(fresh.get(0), fresh.get(1), EMPTY, utf8("to new"));
        assertFrames("the reply to the current request", req.recvMsg(PATIENCE), utf8("to new"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldEchoRequestIdsOfLibzmqReq(Topology topology) {
        LibzmqPeer req = interop.peer().socket("REQ");
        req.setsockopt("REQ_CORRELATE", 1);
        Socket router = interop.socket(SocketType.ROUTER);
        topology.wire(router, req);
        for (int i = 0; i < 2; i++) {
            req.send(utf8("request " + i));
            Msg request = router.recvMsg(PATIENCE);
            assertThat(request.size()).isEqualTo(4);
            assertThat(request.frame(1)).as("libzmq's request id").hasSize(4);
            router.send(Msg.of(request.frame(0), request.frame(1), EMPTY, utf8("reply " + i)));
            assertFrames("reply " + i, req.recv(PATIENCE), utf8("reply " + i));
        }
    }

    // ---- DEALER and REP ---------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldGetRepliesFromLibzmqRep(Topology topology) {
        LibzmqPeer rep = interop.peer().socket("REP");
        Socket dealer = interop.socket(SocketType.DEALER);
        topology.wire(dealer, rep);
        LibzmqPeer.Pending echo = rep.beginEcho(3, PATIENCE);
        for (int i = 0; i < 3; i++) {
            dealer.send(Msg.of(EMPTY, utf8("request " + i)));
            assertFrames("reply " + i, dealer.recvMsg(PATIENCE), EMPTY, utf8("request " + i));
        }
        assertThat(echo.ok()).isEqualTo("3");
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldAnswerLibzmqDealerFromRep(Topology topology) {
        LibzmqPeer dealer = interop.peer().socket("DEALER");
        Socket rep = interop.socket(SocketType.REP);
        topology.wire(rep, dealer);
        for (int i = 0; i < 3; i++) {
            dealer.send(EMPTY, utf8("request " + i));
            assertFrames("request " + i, rep.recvMsg(PATIENCE), utf8("request " + i));
            rep.send(utf8("reply " + i));
            assertFrames("reply " + i, dealer.recv(PATIENCE), EMPTY, utf8("reply " + i));
        }
    }

    // ---- DEALER and ROUTER ------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldBeKnownToLibzmqRouterByItsRoutingId(Topology topology) {
        LibzmqPeer router = interop.peer().socket("ROUTER");
        Socket dealer = interop.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, utf8("zen-dealer"));
        topology.wire(dealer, router);
        dealer.send(Msg.of(utf8("hi"), utf8("there")));
        assertFrames("libzmq ROUTER received", router.recv(PATIENCE), utf8("zen-dealer"), utf8("hi"), utf8("there"));
        router.send(utf8("zen-dealer"), utf8("back"));
        assertFrames("zenmq DEALER received", dealer.recvMsg(PATIENCE), utf8("back"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldGetAMadeUpIdFromLibzmqRouterWithoutRoutingId(Topology topology) {
        LibzmqPeer router = interop.peer().socket("ROUTER");
        Socket dealer = interop.socket(SocketType.DEALER);
        topology.wire(dealer, router);
        dealer.send(utf8("anonymous"));
        List<byte[]> received = router.recv(PATIENCE);
        assertThat(received).hasSize(2);
        assertGeneratedId("libzmq's id for a zenmq DEALER", received.get(0));
        router.send(received.get(0), utf8("back"));
        assertFrames("zenmq DEALER received", dealer.recvMsg(PATIENCE), utf8("back"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldRouteToLibzmqDealerByItsRoutingId(Topology topology) {
        LibzmqPeer dealer = interop.peer().socket("DEALER");
        dealer.setsockopt("ROUTING_ID", utf8("lib-dealer"));
        Socket router = interop.socket(SocketType.ROUTER);
        topology.wire(router, dealer);
        dealer.send(utf8("hi"));
        assertFrames("zenmq ROUTER received", router.recvMsg(PATIENCE), utf8("lib-dealer"), utf8("hi"));
        router.send(Msg.of(utf8("lib-dealer"), utf8("back"), EMPTY));
        assertFrames("libzmq DEALER received", dealer.recv(PATIENCE), utf8("back"), EMPTY);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldReceiveLibzmqDealersProbe(Topology topology) {
        LibzmqPeer dealer = interop.peer().socket("DEALER");
        dealer.setsockopt("ROUTING_ID", utf8("prober"));
        dealer.setsockopt("PROBE_ROUTER", 1);
        Socket router = interop.socket(SocketType.ROUTER);
        topology.wire(router, dealer);
        Msg probe = null;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (probe == null && System.nanoTime() - deadline < 0) {
            // a bound libzmq socket takes in a new connection only while its application calls it
            assertThat(dealer.recv(NUDGE)).isNull();
            probe = router.recvMsg(NUDGE);
        }
        assertFrames("probe", probe, utf8("prober"), EMPTY);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldProbeLibzmqRouter(Topology topology) {
        LibzmqPeer router = interop.peer().socket("ROUTER");
        Socket dealer = interop.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, utf8("prober"))
                .set(SocketOptions.PROBE_ROUTER, true);
        topology.wire(dealer, router);
        List<byte[]> probe = null;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (probe == null && System.nanoTime() - deadline < 0) {
            // like libzmq, a bound zenmq socket takes in a new connection only while it is called
            assertThat(dealer.recvMsg(NUDGE)).isNull();
            probe = router.recv(NUDGE);
        }
        assertFrames("probe", probe, utf8("prober"), EMPTY);
    }

    // ---- ROUTER and ROUTER ------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldRouteBetweenRoutersByRoutingIds(Topology topology) {
        LibzmqPeer libzmq = interop.peer().socket("ROUTER");
        libzmq.setsockopt("ROUTING_ID", utf8("lib"));
        Socket zenmq = interop.socket(SocketType.ROUTER).set(SocketOptions.ROUTING_ID, utf8("zen"));
        topology.wire(zenmq, libzmq);
        for (int i = 0; i < 3; i++) {
            sendWhenRoutable(zenmq, Msg.of(utf8("lib"), utf8("hello " + i)));
            assertFrames("libzmq ROUTER received", libzmq.recv(PATIENCE), utf8("zen"), utf8("hello " + i));
            libzmq.send(utf8("zen"), utf8("world " + i));
            assertFrames("zenmq ROUTER received", zenmq.recvMsg(PATIENCE), utf8("lib"), utf8("world " + i));
        }
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldRouteBetweenRoutersByConnectRoutingIds(Topology topology) {
        LibzmqPeer libzmq = interop.peer().socket("ROUTER");
        libzmq.setsockopt("ROUTING_ID", utf8("lib"));
        Socket zenmq = interop.socket(SocketType.ROUTER).set(SocketOptions.ROUTING_ID, utf8("zen"));
        // only the connecting side names its peer: the other knows it by its Identity
        byte[] libzmqSeenAs = utf8("lib");
        byte[] zenmqSeenAs = utf8("zen");
        if (topology == Topology.LIBZMQ_BINDS) {
            zenmq.set(SocketOptions.CONNECT_ROUTING_ID, utf8("lib-alias"));
            libzmqSeenAs = utf8("lib-alias");
        } else {
            libzmq.setsockopt("CONNECT_ROUTING_ID", utf8("zen-alias"));
            zenmqSeenAs = utf8("zen-alias");
        }
        topology.wire(zenmq, libzmq);
        sendWhenRoutable(zenmq, Msg.of(libzmqSeenAs, utf8("hello")));
        assertFrames("libzmq ROUTER received", libzmq.recv(PATIENCE), zenmqSeenAs, utf8("hello"));
        libzmq.send(zenmqSeenAs, utf8("world"));
        assertFrames("zenmq ROUTER received", zenmq.recvMsg(PATIENCE), libzmqSeenAs, utf8("world"));
    }
}
