// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CURVE between zenmq sockets over the stream transports (inproc has no mechanism). */
class CurveSecurityTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final CurveKeyPair SERVER = CurveKeyPair.generate();
    private static final CurveKeyPair CLIENT = CurveKeyPair.generate();



    @ParameterizedTest
    @EnumSource(value = Transport.class, names = "INPROC", mode = EnumSource.Mode.EXCLUDE)
    void shouldCarryMultipartMessagesBothWaysEncrypted(Transport transport) {
        Socket router = server(SocketType.ROUTER);
        Socket dealer = client(SocketType.DEALER, SERVER.publicKey()).set(SocketOptions.ROUTING_ID, bytes("d1"));
        dealer.connect(router.bind(transport.bindable()));
        byte[] big = new byte[1 << 20];
        Arrays.fill(big, (byte) 7);
        dealer.send(Msg.of(bytes("hello"), new byte[0], big));
        Msg request = router.recvMsg(WAIT);
        assertThat(request.size()).isEqualTo(4);
        assertThat(request.frame(0)).isEqualTo(bytes("d1"));
        assertThat(request.frame(3)).isEqualTo(big);
        assertThat(request.property("Socket-Type")).isEqualTo("DEALER");
        router.send(Msg.of(bytes("d1"), bytes("reply")));
        assertThat(dealer.recvString(WAIT)).isEqualTo("reply");
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = "INPROC", mode = EnumSource.Mode.EXCLUDE)
    void shouldCarryAStreamOfFramesOfMixedSizesIntactAndInOrder(Transport transport) {
        // sizes around the output buffer and the reused MESSAGE body, so bodies are carried over
        Socket pull = server(SocketType.PULL);
        Socket push = client(SocketType.PUSH, SERVER.publicKey());
        push.connect(pull.bind(transport.bindable()));
        int[] sizes = {0, 1, 16, 63, 64, 65, 1000, 65_400, 65_536, 65_537, 70_000, 200_000, 3, 65_536, 40_000};
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < sizes.length; i++) {
                byte[] frame = new byte[sizes[i]];
                Arrays.fill(frame, (byte) (round * 31 + i));
                push.send(frame);
            }
        }
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < sizes.length; i++) {
                byte[] expected = new byte[sizes[i]];
                Arrays.fill(expected, (byte) (round * 31 + i));
                assertThat(pull.recv(WAIT)).as("round %d frame %d", round, i).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldFilterSubscriptionsThatTravelEncrypted() {
        Socket pub = server(SocketType.PUB);
        Socket sub = client(SocketType.SUB, SERVER.publicKey());
        sub.subscribe("news");
        SocketMonitor subEvents = sub.monitor(Set.of(EventType.HANDSHAKE_SUCCEEDED));
        sub.connect(pub.bind("tcp://127.0.0.1:*"));
        assertThat(subEvents.next(WAIT).type()).isEqualTo(EventType.HANDSHAKE_SUCCEEDED);
        PubSubSync.awaitSubscribed(pub, sub);
        pub.send("sports 1");
        pub.send("news 2");
        assertThat(sub.recvString(WAIT)).isEqualTo("news 2");
    }

    @Test
    void shouldRefuseAClientThatDoesNotKnowTheServerKey() {
        Socket server = server(SocketType.PULL);
        SocketMonitor events = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_PROTOCOL));
        Socket client = client(SocketType.PUSH, CurveKeyPair.generate().publicKey());
        String endpoint = server.bind("tcp://127.0.0.1:*");
        client.connect(endpoint);
        client.trySend(bytes("must not arrive"));
        SocketEvent event = events.next(WAIT);
        assertThat(event.type()).isEqualTo(EventType.HANDSHAKE_FAILED_PROTOCOL);
        assertThat(server.tryRecv()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = "INPROC", mode = EnumSource.Mode.EXCLUDE)
    void shouldAdmitOnlyClientKeysTheAuthenticatorKnows(Transport transport) {
        ctx.zapHandler(new Authenticator().curveKey(CLIENT.publicKey()));
        Socket server = server(SocketType.PULL);
        SocketMonitor events = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        String endpoint = server.bind(transport.bindable());
        Socket stranger = ctx.socket(SocketType.PUSH).set(SocketOptions.CURVE_SERVERKEY, SERVER.publicKey())
                .set(SocketOptions.CURVE_SECRETKEY, CurveKeyPair.generate().secretKey());
        SocketMonitor strangerEvents = stranger.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        stranger.connect(endpoint);
        stranger.trySend(bytes("must not arrive"));
        assertThat(events.next(WAIT)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_AUTH, endpoint, 400));
        assertThat(strangerEvents.next(WAIT).value()).isEqualTo(400);
        Socket known = client(SocketType.PUSH, SERVER.publicKey());
        known.connect(endpoint);
        known.send("let me in");
        Msg msg = server.recvMsg(WAIT);
        assertThat(msg.string(0)).isEqualTo("let me in");
        assertThat(msg.property("User-Id")).isEqualTo(CLIENT.publicKeyZ85());
        assertThat(server.tryRecv()).isNull();
    }

    @Test
    void shouldKeepAHeartbeatingConnectionAliveAndEncrypted() {
        Socket server = server(SocketType.PAIR).set(SocketOptions.HEARTBEAT_IVL, Duration.ofMillis(20));
        Socket client = client(SocketType.PAIR, SERVER.publicKey()).set(SocketOptions.HEARTBEAT_IVL, Duration.ofMillis(20));
        SocketMonitor events = client.monitor(Set.of(EventType.HANDSHAKE_SUCCEEDED, EventType.DISCONNECTED));
        client.connect(server.bind("tcp://127.0.0.1:*"));
        assertThat(events.next(WAIT).type()).isEqualTo(EventType.HANDSHAKE_SUCCEEDED);
        for (int i = 0; i < 20; i++) {
            client.send("ping " + i);
            assertThat(server.recvString(WAIT)).isEqualTo("ping " + i);
            server.send("pong " + i);
            assertThat(client.recvString(WAIT)).isEqualTo("pong " + i);
        }
        assertThat(events.tryNext()).isNull();
    }

    private Socket server(SocketType type) {
        return ctx.socket(type).set(SocketOptions.CURVE_SERVER, true).set(SocketOptions.CURVE_SECRETKEY, SERVER.secretKey());
    }

    private Socket client(SocketType type, byte[] serverKey) {
        return ctx.socket(type).set(SocketOptions.CURVE_SERVERKEY, serverKey)
                .set(SocketOptions.CURVE_PUBLICKEY, CLIENT.publicKey()).set(SocketOptions.CURVE_SECRETKEY, CLIENT.secretKey());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
