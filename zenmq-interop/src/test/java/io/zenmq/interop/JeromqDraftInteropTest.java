// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * zenmq's draft types against JeroMQ 0.6.0 over tcp, with either side binding: PEER and CHANNEL
 * (which libzmq's npm binding does not offer) and a second opinion on SERVER/CLIENT and
 * SCATTER/GATHER and RADIO/DISH. JeroMQ runs in this JVM, so nothing is skipped.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JeromqDraftInteropTest {
    private static final Duration PATIENCE = InteropExtension.PATIENCE;
    private static final int PATIENCE_MS = (int) PATIENCE.toMillis();

    private Context context;
    private ZContext jeromq;

    /** Which side binds a loopback port; the other connects to the endpoint it reports. */
    enum Side { ZENMQ_BINDS, JEROMQ_BINDS }

    @BeforeEach
    void open() {
        context = Context.builder().maxLinger(Duration.ofSeconds(1)).build();
        jeromq = new ZContext();
    }

    @AfterEach
    void close() {
        jeromq.close();
        context.close();
    }

    private Socket zenmq(SocketType type) {
        return context.socket(type).set(SocketOptions.RCVTIMEO, PATIENCE).set(SocketOptions.SNDTIMEO, PATIENCE);
    }

    private ZMQ.Socket jeromq(org.zeromq.SocketType type) {
        ZMQ.Socket socket = jeromq.createSocket(type);
        socket.setReceiveTimeOut(PATIENCE_MS);
        socket.setSendTimeOut(PATIENCE_MS);
        socket.setLinger(0);
        // JeroMQ 0.6.0 now and then never starts its greeting on a connection it dialled (seen on
        // the wire in about 5 % of fresh connections: TCP established, zenmq's signature sent,
        // nothing from JeroMQ; JeroMQ to JeroMQ it does not show). A short handshake interval makes
        // JeroMQ drop such a connection and dial again, with its queued messages kept.
        socket.setHandshakeIvl(300);
        return socket;
    }

    /** Wires the pair; returns the endpoint. */
    private static void wire(Side side, Socket zenmq, ZMQ.Socket jeromq) {
        if (side == Side.ZENMQ_BINDS) {
            assertThat(jeromq.connect(zenmq.bind(InteropExtension.ANY_TCP))).isTrue();
        } else {
            assertThat(jeromq.bind("tcp://127.0.0.1:*")).isTrue();
            zenmq.connect(jeromq.getLastEndpoint());
        }
    }

    private static zmq.Msg recv(ZMQ.Socket socket) {
        zmq.Msg msg = socket.recvMsg(0);
        assertThat(msg).as("JeroMQ received nothing within %s", PATIENCE).isNotNull();
        return msg;
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void zenmqServerShouldAnswerJeromqClient(Side side) {
        Socket server = zenmq(SocketType.SERVER);
        ZMQ.Socket client = jeromq(org.zeromq.SocketType.CLIENT);
        wire(side, server, client);

        assertThat(client.send("request")).isTrue();
        Msg request = server.recvMsg(PATIENCE);
        assertThat(request.string(0)).isEqualTo("request");
        server.send(Msg.of("reply").routingId(request.routingId()));

        assertThat(recv(client).data()).isEqualTo(utf8("reply"));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void jeromqServerShouldAnswerZenmqClient(Side side) {
        ZMQ.Socket server = jeromq(org.zeromq.SocketType.SERVER);
        Socket client = zenmq(SocketType.CLIENT);
        wire(side, client, server);

        client.send("request");
        zmq.Msg request = recv(server);
        assertThat(request.data()).isEqualTo(utf8("request"));
        zmq.Msg reply = new zmq.Msg(utf8("reply"));
        reply.setRoutingId(request.getRoutingId());
        assertThat(server.sendMsg(reply, 0)).isTrue();

        assertThat(client.recvString(PATIENCE)).isEqualTo("reply");
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void scatterAndGatherShouldWorkBothWays(Side side) {
        Socket scatter = zenmq(SocketType.SCATTER);
        ZMQ.Socket gather = jeromq(org.zeromq.SocketType.GATHER);
        wire(side, scatter, gather);
        ZMQ.Socket jeromqScatter = jeromq(org.zeromq.SocketType.SCATTER);
        Socket zenmqGather = zenmq(SocketType.GATHER);
        wire(side, zenmqGather, jeromqScatter);

        for (int i = 0; i < 100; i++) {
            scatter.send("z" + i);
            assertThat(jeromqScatter.send("j" + i)).isTrue();
        }
        for (int i = 0; i < 100; i++) {
            assertThat(recv(gather).data()).isEqualTo(utf8("z" + i));
            assertThat(zenmqGather.recvString(PATIENCE)).isEqualTo("j" + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void channelShouldTalkBothWays(Side side) {
        Socket zenmq = zenmq(SocketType.CHANNEL);
        ZMQ.Socket jeromq = jeromq(org.zeromq.SocketType.CHANNEL);
        wire(side, zenmq, jeromq);

        zenmq.send("ping");
        assertThat(recv(jeromq).data()).isEqualTo(utf8("ping"));
        assertThat(jeromq.send("pong")).isTrue();
        assertThat(zenmq.recvString(PATIENCE)).isEqualTo("pong");
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void peersShouldAddressEachOtherByRoutingId(Side side) {
        Socket zenmq = zenmq(SocketType.PEER);
        ZMQ.Socket jeromq = jeromq(org.zeromq.SocketType.PEER);
        if (side == Side.ZENMQ_BINDS) {
            int id = jeromq.connectPeer(zenmq.bind(InteropExtension.ANY_TCP));
            assertThat(id).isNotZero();
            zmq.Msg hello = new zmq.Msg(utf8("hello from jeromq"));
            hello.setRoutingId(id);
            assertThat(jeromq.sendMsg(hello, 0)).isTrue();
            Msg received = zenmq.recvMsg(PATIENCE);
            assertThat(received.string(0)).isEqualTo("hello from jeromq");
            zenmq.send(Msg.of("hello from zenmq").routingId(received.routingId()));
            zmq.Msg answer = recv(jeromq);
            assertThat(answer.data()).isEqualTo(utf8("hello from zenmq"));
            assertThat(answer.getRoutingId()).isEqualTo(id);
        } else {
            assertThat(jeromq.bind("tcp://127.0.0.1:*")).isTrue();
            int id = zenmq.connectPeer(jeromq.getLastEndpoint());
            zenmq.send(Msg.of("hello from zenmq").routingId(id));
            zmq.Msg received = recv(jeromq);
            assertThat(received.data()).isEqualTo(utf8("hello from zenmq"));
            zmq.Msg answer = new zmq.Msg(utf8("hello from jeromq"));
            answer.setRoutingId(received.getRoutingId());
            assertThat(jeromq.sendMsg(answer, 0)).isTrue();
            Msg back = zenmq.recvMsg(PATIENCE);
            assertThat(back.string(0)).isEqualTo("hello from jeromq");
            assertThat(back.routingId()).isEqualTo(id);
        }
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void zenmqRadioShouldReachJeromqDishInItsGroupsOnly(Side side) {
        Socket radio = zenmq(SocketType.RADIO);
        ZMQ.Socket dish = jeromq(org.zeromq.SocketType.DISH);
        assertThat(dish.join("weather")).isTrue();
        wire(side, radio, dish);
        // the JOIN crosses the connection after the handshake: send until one message arrives
        dish.setReceiveTimeOut(20);
        zmq.Msg first;
        do {
            radio.send(new Msg().group("weather").add("probe"));
            first = dish.recvMsg(0);
        } while (first == null);
        dish.setReceiveTimeOut(PATIENCE_MS);
        assertThat(first.getGroup()).isEqualTo("weather");

        radio.send(new Msg().group("sports").add("not joined"));
        radio.send(new Msg().group("weather").add("sunny"));
        zmq.Msg next = recv(dish);
        while (new String(next.data(), java.nio.charset.StandardCharsets.UTF_8).equals("probe")) {
            next = recv(dish);
        }
        assertThat(next.getGroup()).isEqualTo("weather");
        assertThat(next.data()).isEqualTo(utf8("sunny"));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void jeromqRadioShouldReachZenmqDishInItsGroupsOnly(Side side) {
        ZMQ.Socket radio = jeromq(org.zeromq.SocketType.RADIO);
        Socket dish = zenmq(SocketType.DISH);
        dish.join("weather");
        wire(side, dish, radio);
        Msg first;
        do {
            zmq.Msg probe = new zmq.Msg(utf8("probe"));
            probe.setGroup("weather");
            assertThat(radio.sendMsg(probe, 0)).isTrue();
            first = dish.recvMsg(Duration.ofMillis(20));
        } while (first == null);
        assertThat(first.group()).isEqualTo("weather");

        zmq.Msg other = new zmq.Msg(utf8("not joined"));
        other.setGroup("sports");
        assertThat(radio.sendMsg(other, 0)).isTrue();
        zmq.Msg sunny = new zmq.Msg(utf8("sunny"));
        sunny.setGroup("weather");
        assertThat(radio.sendMsg(sunny, 0)).isTrue();
        Msg next = dish.recvMsg(PATIENCE);
        while (next.string(0).equals("probe")) {
            next = dish.recvMsg(PATIENCE);
        }
        assertThat(next.group()).isEqualTo("weather");
        assertThat(next.string(0)).isEqualTo("sunny");
    }
}
