// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The draft socket types one thread at a time: routing ids, single frames, errors. */
class DraftSocketTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ZmqException error(Runnable call) {
        try {
            call.run();
        } catch (ZmqException e) {
            return e;
        }
        throw new AssertionError("expected a ZmqException");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void serverShouldReplyToEachClientByTheRoutingIdOfItsRequest(Transport transport) {
        Socket server = ctx.socket(SocketType.SERVER);
        String endpoint = server.bind(transport.bindable());
        Socket first = ctx.socket(SocketType.CLIENT);
        Socket second = ctx.socket(SocketType.CLIENT);
        first.connect(endpoint);
        second.connect(endpoint);
        first.send("from first");
        second.send("from second");
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            Msg request = server.recvMsg(WAIT);
            assertThat(request.routingId()).isNotZero();
            ids.add(request.routingId());
            server.send(Msg.of("re: " + request.string(0)).routingId(request.routingId()));
        }
        assertThat(ids).hasSize(2);
        assertThat(first.recvString(WAIT)).isEqualTo("re: from first");
        assertThat(second.recvString(WAIT)).isEqualTo("re: from second");
        Msg reply = first.recvMsg(Duration.ZERO);
        assertThat(reply).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void clientShouldLoadBalanceAcrossServers(Transport transport) {
        Socket a = ctx.socket(SocketType.SERVER);
        Socket b = ctx.socket(SocketType.SERVER);
        Socket client = ctx.socket(SocketType.CLIENT);
        client.connect(a.bind(transport.bindable()));
        client.connect(b.bind(transport.bindable()));
        for (int i = 0; i < 4; i++) {
            client.send("m" + i);
        }
        assertThat(a.recvString(WAIT)).isEqualTo("m0");
        assertThat(b.recvString(WAIT)).isEqualTo("m1");
        assertThat(a.recvString(WAIT)).isEqualTo("m2");
        assertThat(b.recvString(WAIT)).isEqualTo("m3");
    }

    @Test
    void serverShouldRefuseUnknownRoutingIds() {
        Socket server = ctx.socket(SocketType.SERVER);
        Socket client = ctx.socket(SocketType.CLIENT);
        client.connect(server.bind("inproc://unknown-ids"));
        client.send("hi");
        Msg request = server.recvMsg(WAIT);
        assertThat(error(() -> server.send(Msg.of("x").routingId(request.routingId() + 1))).code())
                .isEqualTo(ErrorCode.EHOSTUNREACH);
        assertThat(error(() -> server.send("no id")).code()).isEqualTo(ErrorCode.EHOSTUNREACH);
        assertThat(error(() -> server.send(Msg.of("zero"))).code()).isEqualTo(ErrorCode.EHOSTUNREACH);
        server.send(Msg.of("ok").routingId(request.routingId()));
        assertThat(client.recvString(WAIT)).isEqualTo("ok");
    }

    @ParameterizedTest
    @EnumSource(value = SocketType.class, names = {"SERVER", "CLIENT", "SCATTER", "PEER", "CHANNEL"})
    void multipartSendsShouldFailWithEinval(SocketType type) {
        Socket socket = ctx.socket(type);
        assertThat(error(() -> socket.sendMore("a")).code()).isEqualTo(ErrorCode.EINVAL);
        assertThat(error(() -> socket.send(Msg.of("a", "b").routingId(1))).code()).isEqualTo(ErrorCode.EINVAL);
        assertThat(socket.hasMore()).isFalse();
    }

    @Test
    void everyDraftTypeShouldBeThreadSafeAndNoClassicOne() {
        assertThat(Set.of(SocketType.values()).stream().filter(SocketType::threadSafe))
                .containsExactlyInAnyOrder(SocketType.SERVER, SocketType.CLIENT, SocketType.SCATTER,
                        SocketType.GATHER, SocketType.PEER, SocketType.CHANNEL);
        assertThat(SocketType.SERVER.value()).isEqualTo(12);
        assertThat(SocketType.CLIENT.value()).isEqualTo(13);
        assertThat(SocketType.GATHER.value()).isEqualTo(16);
        assertThat(SocketType.SCATTER.value()).isEqualTo(17);
        assertThat(SocketType.PEER.value()).isEqualTo(19);
        assertThat(SocketType.CHANNEL.value()).isEqualTo(20);
    }

    @Test
    void sendOnlyAndReceiveOnlyTypesShouldRefuseTheOtherDirection() {
        Socket scatter = ctx.socket(SocketType.SCATTER);
        Socket gather = ctx.socket(SocketType.GATHER);
        assertThat(error(() -> scatter.tryRecv()).code()).isEqualTo(ErrorCode.ENOTSUP);
        assertThat(error(() -> gather.trySend(new byte[1])).code()).isEqualTo(ErrorCode.ENOTSUP);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void scatterShouldRoundRobinToGathers(Transport transport) {
        Socket g1 = ctx.socket(SocketType.GATHER);
        Socket g2 = ctx.socket(SocketType.GATHER);
        Socket scatter = ctx.socket(SocketType.SCATTER);
        scatter.connect(g1.bind(transport.bindable()));
        scatter.connect(g2.bind(transport.bindable()));
        for (int i = 0; i < 1000; i++) {
            scatter.send("m" + i);
        }
        for (int i = 0; i < 1000; i += 2) {
            assertThat(g1.recvString(WAIT)).isEqualTo("m" + i);
            assertThat(g2.recvString(WAIT)).isEqualTo("m" + (i + 1));
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void channelShouldTalkBothWays(Transport transport) {
        Socket a = ctx.socket(SocketType.CHANNEL);
        Socket b = ctx.socket(SocketType.CHANNEL);
        b.connect(a.bind(transport.bindable()));
        b.send("ping");
        assertThat(a.recvString(WAIT)).isEqualTo("ping");
        a.send("pong");
        assertThat(b.recvString(WAIT)).isEqualTo("pong");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void connectPeerShouldNameTheConnectionAtOnce(Transport transport) {
        Socket listening = ctx.socket(SocketType.PEER);
        String endpoint = listening.bind(transport.bindable());
        Socket connecting = ctx.socket(SocketType.PEER);
        int id = connecting.connectPeer(endpoint);
        assertThat(id).isNotZero();
        connecting.send(Msg.of("hello").routingId(id));
        Msg hello = listening.recvMsg(WAIT);
        assertThat(hello.string(0)).isEqualTo("hello");
        assertThat(hello.routingId()).isNotZero();
        listening.send(Msg.of("welcome").routingId(hello.routingId()));
        Msg welcome = connecting.recvMsg(WAIT);
        assertThat(welcome.string(0)).isEqualTo("welcome");
        assertThat(welcome.routingId()).isEqualTo(id);
    }

    @Test
    void connectPeerShouldBeRefusedWhereLibzmqRefusesIt() {
        Socket server = ctx.socket(SocketType.SERVER);
        assertThat(error(() -> server.connectPeer("tcp://127.0.0.1:1")).code()).isEqualTo(ErrorCode.ENOTSUP);
        Socket peer = ctx.socket(SocketType.PEER).set(SocketOptions.IMMEDIATE, true);
        assertThat(error(() -> peer.connectPeer("tcp://127.0.0.1:1")).code()).isEqualTo(ErrorCode.EFAULT);
    }

    @Test
    void multipartMessagesFromAnotherTypeShouldBeDroppedWhole() {
        // inproc joins pipes without a socket-type check, as libzmq's does
        Socket gather = ctx.socket(SocketType.GATHER);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(gather.bind("inproc://mixed"));
        push.send(Msg.of("part 1", "part 2"));
        push.send("single");
        assertThat(gather.recvString(WAIT)).isEqualTo("single");
        assertThat(gather.recv(Duration.ZERO)).isNull();
    }

    @Test
    void serverSendToAFullPeerShouldWaitThenTimeOut() {
        Socket server = ctx.socket(SocketType.SERVER).set(SocketOptions.SNDHWM, 1);
        Socket client = ctx.socket(SocketType.CLIENT).set(SocketOptions.RCVHWM, 1);
        client.connect(server.bind("inproc://full"));
        client.send("hi");
        int id = server.recvMsg(WAIT).routingId();
        int sent = 0;
        while (server.trySend(Msg.of("x").routingId(id))) {
            sent++;
        }
        assertThat(sent).isPositive();
        assertThat(server.send(Msg.of("late").routingId(id), Duration.ofMillis(50))).isFalse();
        assertThat(client.recvString(WAIT)).isEqualTo("x");
    }
}
