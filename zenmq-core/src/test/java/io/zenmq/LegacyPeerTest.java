// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.OldZmtpPeer;
import io.zenmq.testing.OldZmtpPeer.Version;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ZMTP 2.0 and 1.0 peers (spec/zmtp.md section 3), played by raw sockets written from the spec's
 * bytes: libzmq 4.3 cannot be made to speak these versions, so these are the interop evidence.
 */
@Timeout(60)
class LegacyPeerTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** libzmq's socket-type numbers, as the 2.0 greeting carries them. */
    private static final int PUB = 1;
    private static final int SUB = 2;
    private static final int REQ = 3;
    private static final int REP = 4;
    private static final int DEALER = 5;
    private static final int PULL = 7;
    private static final int PUSH = 8;



    private static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }

    private static byte[] large(int size) {
        byte[] body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        return body;
    }

    private static ServerSocket listener() throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }

    private static String endpointOf(ServerSocket server) {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    // ------------------------------------------------------------------ PUSH / PULL

    @ParameterizedTest
    @EnumSource(Version.class)
    void shouldReceiveMultipartAndLongFramesFromAnOldPush(Version version) throws IOException {
        Socket pull = ctx.socket(SocketType.PULL);
        SocketMonitor events = pull.monitor(Set.of(EventType.HANDSHAKE_SUCCEEDED));
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        byte[] big = large(300);
        try (OldZmtpPeer push = OldZmtpPeer.connect(endpoint, version, PUSH, "")) {
            if (version == Version.ZMTP_2_0) {
                // signature (padding: no routing id + 1), our major 3 as libzmq sends it, PULL = 7
                assertThat(push.greeting()).isEqualTo(hex("ff 00 00 00 00 00 00 00 01 7f 03 07"));
            }
            assertThat(push.peerIdentity()).isEmpty();
            push.send("one");
            push.send("a", "b", "c");
            push.send(big);

            assertThat(pull.recvString(WAIT)).isEqualTo("one");
            assertThat(pull.recvMsg(WAIT).frames()).containsExactly(
                    "a".getBytes(StandardCharsets.US_ASCII), "b".getBytes(StandardCharsets.US_ASCII),
                    "c".getBytes(StandardCharsets.US_ASCII));
            assertThat(pull.recv(WAIT)).isEqualTo(big);
            // zenmq reports the handshake of a legacy peer (libzmq 4.3.4 reports none)
            assertThat(events.next(WAIT).type()).isEqualTo(EventType.HANDSHAKE_SUCCEEDED);
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void shouldSendMultipartAndLongFramesToAnOldPullInItsFraming(Version version) throws IOException {
        Socket push = ctx.socket(SocketType.PUSH);
        String endpoint = push.bind("tcp://127.0.0.1:*");
        byte[] big = large(300);
        try (OldZmtpPeer pull = OldZmtpPeer.connect(endpoint, version, PULL, "")) {
            push.sendMore("x");
            push.send("y");
            push.send(big);

            assertThat(pull.readTexts()).containsExactly("x", "y");
            if (version == Version.ZMTP_2_0) {
                assertThat(pull.readBytes(9)).isEqualTo(hex("02 00 00 00 00 00 00 01 2c"));
            } else {
                // length 301 counts the flags byte
                assertThat(pull.readBytes(10)).isEqualTo(hex("ff 00 00 00 00 00 00 01 2d 00"));
            }
            assertThat(pull.readBytes(300)).isEqualTo(big);
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void shouldConnectToAnOldPeerAndSpeakItsVersion(Version version) throws IOException {
        try (ServerSocket server = listener()) {
            Socket push = ctx.socket(SocketType.PUSH);
            push.set(SocketOptions.ROUTING_ID, "me".getBytes(StandardCharsets.US_ASCII));
            push.connect(endpointOf(server));
            try (OldZmtpPeer pull = OldZmtpPeer.accept(server, version, PULL, "")) {
                if (version == Version.ZMTP_2_0) {
                    assertThat(pull.greeting()).isEqualTo(hex("ff 00 00 00 00 00 00 00 03 7f 03 08"));
                }
                assertThat(new String(pull.peerIdentity(), StandardCharsets.US_ASCII)).isEqualTo("me");
                push.send("hello old peer");
                assertThat(pull.readTexts()).containsExactly("hello old peer");
            }
        }
    }

    // ------------------------------------------------------------------ REQ / REP, ROUTER

    @ParameterizedTest
    @EnumSource(Version.class)
    void shouldServeAnOldReqWithTheEnvelope(Version version) throws IOException {
        Socket rep = ctx.socket(SocketType.REP);
        String endpoint = rep.bind("tcp://127.0.0.1:*");
        try (OldZmtpPeer req = OldZmtpPeer.connect(endpoint, version, REQ, "")) {
            req.send("", "hello");
            assertThat(rep.recvString(WAIT)).isEqualTo("hello");
            rep.send("world");
            assertThat(req.readTexts()).containsExactly("", "world");
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void shouldAskAnOldRepWithTheEnvelope(Version version) throws IOException {
        try (ServerSocket server = listener()) {
            Socket req = ctx.socket(SocketType.REQ);
            req.connect(endpointOf(server));
            try (OldZmtpPeer rep = OldZmtpPeer.accept(server, version, REP, "")) {
                req.send("ping");
                assertThat(rep.readTexts()).containsExactly("", "ping");
                rep.send("", "pong");
                assertThat(req.recvString(WAIT)).isEqualTo("pong");
            }
        }
    }

    @Test
    void shouldRouteToOldPeersByTheIdentityTheySent() throws IOException {
        Socket router = ctx.socket(SocketType.ROUTER);
        router.set(SocketOptions.ROUTING_ID, "RTR".getBytes(StandardCharsets.US_ASCII));
        String endpoint = router.bind("tcp://127.0.0.1:*");
        try (OldZmtpPeer v2 = OldZmtpPeer.connect(endpoint, Version.ZMTP_2_0, DEALER, "OLD2");
             OldZmtpPeer v1 = OldZmtpPeer.connect(endpoint, Version.ZMTP_1_0, DEALER, "OLD1")) {
            assertThat(v2.greeting()).isEqualTo(hex("ff 00 00 00 00 00 00 00 04 7f 03 06"));
            assertThat(new String(v2.peerIdentity(), StandardCharsets.US_ASCII)).isEqualTo("RTR");
            assertThat(new String(v1.peerIdentity(), StandardCharsets.US_ASCII)).isEqualTo("RTR");
            v2.send("from two");
            v1.send("from one");

            Msg first = router.recvMsg(WAIT);
            Msg second = router.recvMsg(WAIT);
            Msg fromTwo = first.string(0).equals("OLD2") ? first : second;
            Msg fromOne = fromTwo == first ? second : first;
            assertThat(fromTwo.string(0)).isEqualTo("OLD2");
            assertThat(fromTwo.string(1)).isEqualTo("from two");
            assertThat(fromTwo.property("Identity")).isEqualTo("OLD2");
            assertThat(fromTwo.property("Peer-Address")).isEqualTo("127.0.0.1");
            assertThat(fromOne.string(0)).isEqualTo("OLD1");
            assertThat(fromOne.string(1)).isEqualTo("from one");

            router.sendMore("OLD1");
            router.send("back to one");
            router.sendMore("OLD2");
            router.send("back to two");
            assertThat(v1.readTexts()).containsExactly("back to one");
            assertThat(v2.readTexts()).containsExactly("back to two");
        }
    }

    // ------------------------------------------------------------------ subscriptions

    /**
     * Publishes probes until the old subscriber gets one (its subscription has reached the
     * publisher), then a last probe, and reads up to it: the next frame is the next message.
     */
    private static void awaitSubscribed(Socket pub, OldZmtpPeer sub, String prefix) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sub.pollFrame(20) == null) {
            assertThat(System.nanoTime() - deadline).as("the subscription never took effect").isNegative();
            pub.send(prefix + "probe");
        }
        pub.send(prefix + "last probe");
        while (!sub.readFrame().text().equals(prefix + "last probe")) {
            // an earlier probe
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void shouldFilterForAnOldSubscriberBySubscriptionMessages(Version version) throws IOException {
        Socket pub = ctx.socket(SocketType.PUB);
        String endpoint = pub.bind("tcp://127.0.0.1:*");
        try (OldZmtpPeer sub = OldZmtpPeer.connect(endpoint, version, SUB, "")) {
            sub.send(new byte[] {1, 'A'});
            awaitSubscribed(pub, sub, "A");
            if (version == Version.ZMTP_1_0) {
                // libzmq subscribes a 1.0 peer to everything for it
                pub.send("B is sent too");
                assertThat(sub.readTexts()).containsExactly("B is sent too");
            } else {
                pub.send("B is filtered");
            }
            pub.send("A passes");
            assertThat(sub.readTexts()).containsExactly("A passes");
        }
    }

    @Test
    void shouldHandAnXPubTheSubscribeAllOfAZmtp10Subscriber() throws IOException {
        Socket xpub = ctx.socket(SocketType.XPUB);
        String endpoint = xpub.bind("tcp://127.0.0.1:*");
        try (OldZmtpPeer sub = OldZmtpPeer.connect(endpoint, Version.ZMTP_1_0, SUB, "")) {
            assertThat(xpub.recv(WAIT)).containsExactly(1);
            xpub.send("anything");
            assertThat(sub.readTexts()).containsExactly("anything");
        }
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void shouldSubscribeAtAnOldPublisherWithMessages(Version version) throws IOException {
        try (ServerSocket server = listener()) {
            Socket sub = ctx.socket(SocketType.SUB);
            sub.subscribe("A");
            sub.connect(endpointOf(server));
            try (OldZmtpPeer pub = OldZmtpPeer.accept(server, version, PUB, "")) {
                OldZmtpPeer.Frame subscription = pub.readFrame();
                assertThat(subscription.body()).containsExactly(1, 'A');
                assertThat(subscription.more()).isFalse();
                sub.subscribe("B");
                assertThat(pub.readFrame().body()).containsExactly(1, 'B');
                sub.unsubscribe("B");
                assertThat(pub.readFrame().body()).containsExactly(0, 'B');
                pub.send("A to zenmq");
                assertThat(sub.recvString(WAIT)).isEqualTo("A to zenmq");
            }
        }
    }

    // ------------------------------------------------------------------ refusals and timers

    @ParameterizedTest
    @EnumSource(Version.class)
    void shouldRefuseOldPeersWhenTheSocketAuthenticates(Version version) throws IOException {
        Socket plain = ctx.socket(SocketType.PULL).set(SocketOptions.PLAIN_SERVER, true);
        Socket zap = ctx.socket(SocketType.PULL).set(SocketOptions.ZAP_DOMAIN, "global");
        for (Socket pull : List.of(plain, zap)) {
            SocketMonitor events = pull.monitor(EnumSet.of(EventType.HANDSHAKE_FAILED_PROTOCOL,
                    EventType.HANDSHAKE_SUCCEEDED));
            String endpoint = pull.bind("tcp://127.0.0.1:*");

            byte[] sent = OldZmtpPeer.refusedBy(endpoint, version, PUSH);

            // only the signature (and at most the major and type bytes) went out, never an identity
            assertThat(sent).startsWith(hex("ff 00 00 00 00 00 00 00 01 7f"));
            assertThat(sent.length).isLessThanOrEqualTo(12);
            assertThat(events.next(WAIT)).isEqualTo(
                    new SocketEvent(EventType.HANDSHAKE_FAILED_PROTOCOL, endpoint, 0x10000000));
        }
    }

    @Test
    void shouldRefuseAnOldPeerAsAPlainClientAndNotReconnect() throws IOException {
        try (ServerSocket server = listener()) {
            Socket push = ctx.socket(SocketType.PUSH).set(SocketOptions.PLAIN_USERNAME, "u")
                    .set(SocketOptions.PLAIN_PASSWORD, "p");
            SocketMonitor events = push.monitor(EventType.all());
            push.connect(endpointOf(server));
            server.setSoTimeout(10_000);
            try (java.net.Socket peer = server.accept()) {
                peer.getOutputStream().write(new byte[] {1, 0});
                peer.setSoTimeout(10_000);
                assertThat(peer.getInputStream().readAllBytes()).hasSize(10);
            }
            SocketEvent event;
            do {
                event = events.next(WAIT);
                assertThat(event).isNotNull();
            } while (event.type() != EventType.HANDSHAKE_FAILED_PROTOCOL);
            assertThat(event.value()).isEqualTo(0x10000000);
            assertThat(events.next(WAIT).type()).isEqualTo(EventType.DISCONNECTED);
            // a protocol error: no CONNECT_RETRIED follows (as libzmq). The I/O thread would report it
            // before it handles a new connect, whose first event therefore comes next.
            try (ServerSocket other = listener()) {
                push.connect(endpointOf(other));
                SocketEvent next = events.next(WAIT);
                assertThat(next.type()).isIn(EventType.CONNECT_DELAYED, EventType.CONNECTED);
                assertThat(next.endpoint()).isEqualTo(endpointOf(other));
            }
        }
    }

    @Test
    void shouldRefuseAZmtp20PeerOfAnIncompatibleType() throws IOException {
        Socket pull = ctx.socket(SocketType.PULL);
        SocketMonitor events = pull.monitor(Set.of(EventType.HANDSHAKE_FAILED_PROTOCOL));
        String endpoint = pull.bind("tcp://127.0.0.1:*");

        OldZmtpPeer.refusedBy(endpoint, Version.ZMTP_2_0, PULL);

        assertThat(events.next(WAIT)).isEqualTo(
                new SocketEvent(EventType.HANDSHAKE_FAILED_PROTOCOL, endpoint, 0x10000018));
    }

    @Test
    void shouldDropAZmtp10PeerAnnouncingAFrameOfLengthZero() throws IOException {
        Socket pull = ctx.socket(SocketType.PULL);
        SocketMonitor events = pull.monitor(Set.of(EventType.HANDSHAKE_FAILED_PROTOCOL));
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        try (java.net.Socket peer = new java.net.Socket("127.0.0.1", port)) {
            peer.setSoTimeout(10_000);
            peer.getOutputStream().write(new byte[] {0, 0});
            assertThat(peer.getInputStream().readAllBytes()).hasSize(10);
        }
        assertThat(events.next(WAIT)).isEqualTo(
                new SocketEvent(EventType.HANDSHAKE_FAILED_PROTOCOL, endpoint, 0x10000000));
    }

    @ParameterizedTest
    @EnumSource(Version.class)
    void shouldNeitherHeartbeatNorTimeOutAnOldPeer(Version version) throws IOException {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOptions.HEARTBEAT_IVL, Duration.ofMillis(20));
        pull.set(SocketOptions.HEARTBEAT_TIMEOUT, Duration.ofMillis(100));
        pull.set(SocketOptions.HANDSHAKE_IVL, Duration.ofMillis(300));
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        try (OldZmtpPeer old = OldZmtpPeer.connect(endpoint, version, PUSH, "")) {
            old.send("ready");
            assertThat(pull.recvString(WAIT)).isEqualTo("ready");
            // a silent connection made later is dropped by the handshake deadline; the old peer's
            // deadlines, had they been armed, would have passed first
            try (java.net.Socket silent = new java.net.Socket("127.0.0.1", port)) {
                silent.setSoTimeout(10_000);
                assertThat(silent.getInputStream().readAllBytes()).hasSize(10);
            }
            old.send("still here");
            assertThat(pull.recvString(WAIT)).isEqualTo("still here");
            pull.close();
            // no PING ever reached the old peer: nothing more than greeting and identity came
            assertThat(old.readToEnd()).isEmpty();
        }
    }
}
