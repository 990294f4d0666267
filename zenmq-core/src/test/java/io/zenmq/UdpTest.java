// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The udp transport: RADIO to DISH in libzmq's datagram layout (unicast and loopback multicast),
 * DGRAM both ways, endpoint errors, what udp refuses. udp may lose datagrams, but not on the
 * loopback interface with these few small ones, so the tests expect every one.
 */
class UdpTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration BRIEF = Duration.ofMillis(100);

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    @Test
    void shouldSendFromRadioToDishInOneDatagramPerMessage() {
        Socket dish = ctx.socket(SocketType.DISH);
        dish.join("weather");
        String bound = dish.bind("udp://127.0.0.1:*");
        assertThat(bound).startsWith("udp://127.0.0.1:").doesNotEndWith(":0");
        Socket radio = ctx.socket(SocketType.RADIO);
        radio.connect(bound);

        radio.send(new Msg().group("news").add("not joined"));
        radio.send(new Msg().group("weather").add("sunny"));

        Msg msg = dish.recvMsg(WAIT);
        assertThat(msg.group()).isEqualTo("weather");
        assertThat(msg.string(0)).isEqualTo("sunny");
        dish.leave("weather");
        radio.send(new Msg().group("weather").add("left"));
        assertThat(dish.recvMsg(BRIEF)).isNull();
    }

    @Test
    void shouldWriteAndReadLibzmqsDatagramLayout() throws IOException {
        Socket dish = ctx.socket(SocketType.DISH);
        dish.join("g1");
        String bound = dish.bind("udp://*:*");
        try (DatagramChannel raw = DatagramChannel.open(StandardProtocolFamily.INET)) {
            raw.bind(new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", port(bound));
            raw.send(ByteBuffer.wrap(new byte[] {5, 'g', '1'}), to); // glen beyond the datagram: ignored
            raw.send(ByteBuffer.wrap(new byte[0]), to);
            raw.send(ByteBuffer.wrap(new byte[] {2, 'g', '1', 'h', 'i'}), to);
            Msg msg = dish.recvMsg(WAIT);
            assertThat(msg.group()).isEqualTo("g1");
            assertThat(msg.string(0)).isEqualTo("hi");

            Socket radio = ctx.socket(SocketType.RADIO);
            radio.connect("udp://" + ((InetSocketAddress) raw.getLocalAddress()).getHostString() + ":"
                    + ((InetSocketAddress) raw.getLocalAddress()).getPort());
            radio.send(new Msg().group("abc").add("body"));
            ByteBuffer in = ByteBuffer.allocate(100);
            raw.configureBlocking(true);
            raw.receive(in);
            in.flip();
            byte[] datagram = new byte[in.remaining()];
            in.get(datagram);
            assertThat(datagram).containsExactly(3, 'a', 'b', 'c', 'b', 'o', 'd', 'y');
        }
    }

    @Test
    void shouldDropMessagesThatDoNotFitOneDatagram() {
        Socket dish = ctx.socket(SocketType.DISH);
        dish.join("g");
        String bound = dish.bind("udp://127.0.0.1:*");
        Socket radio = ctx.socket(SocketType.RADIO);
        radio.connect(bound);

        radio.send(new Msg().group("g").add(new byte[8192 - 1 - 1 + 1]));
        radio.send(new Msg().group("g").add(new byte[8192 - 1 - 1]));

        assertThat(dish.recvMsg(WAIT).frame(0)).hasSize(8190);
        assertThat(dish.recvMsg(BRIEF)).isNull();
    }

    @Test
    void shouldSendDgramMessagesAndReplyToTheSender() {
        Socket server = ctx.socket(SocketType.DGRAM);
        String bound = server.bind("udp://127.0.0.1:*");
        Socket client = ctx.socket(SocketType.DGRAM);
        String clientBound = client.bind("udp://127.0.0.1:*");

        client.send(Msg.of(bound.substring("udp://".length()), "ping"));
        Msg request = server.recvMsg(WAIT);
        assertThat(request.size()).isEqualTo(2);
        // as libzmq: "ip:port" and a closing NUL
        assertThat(request.string(0)).isEqualTo(clientBound.substring("udp://".length()) + "\0");
        assertThat(request.string(1)).isEqualTo("ping");

        server.send(Msg.of(request.string(0), "pong"));
        Msg reply = client.recvMsg(WAIT);
        assertThat(reply.string(0)).isEqualTo(bound.substring("udp://".length()) + "\0");
        assertThat(reply.string(1)).isEqualTo("pong");
    }

    @Test
    void shouldCarryRadioAndDgramOverIpv6Loopback() {
        Socket dish = ctx.socket(SocketType.DISH);
        dish.join("g");
        String bound = dish.bind("udp://[::1]:*");
        assertThat(bound).startsWith("udp://[::1]:");
        Socket radio = ctx.socket(SocketType.RADIO);
        radio.connect(bound);
        radio.send(new Msg().group("g").add("six"));
        assertThat(dish.recvMsg(WAIT).string(0)).isEqualTo("six");

        Socket server = ctx.socket(SocketType.DGRAM);
        String address = server.bind("udp://[::1]:*").substring("udp://".length());
        Socket client = ctx.socket(SocketType.DGRAM);
        String clientAddress = client.bind("udp://[::1]:*").substring("udp://".length());
        client.send(Msg.of(address, "ping"));
        Msg request = server.recvMsg(WAIT);
        assertThat(request.string(0)).isEqualTo(clientAddress + "\0");
        server.send(new Msg().add(request.frame(0)).add("pong"));
        assertThat(client.recvMsg(WAIT).string(1)).isEqualTo("pong");
    }

    @Test
    void shouldRefuseDgramMessagesOfTheWrongShape() {
        Socket dgram = ctx.socket(SocketType.DGRAM);
        dgram.bind("udp://127.0.0.1:*");
        assertThatThrownBy(() -> dgram.send("body only"))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> dgram.send(Msg.of("127.0.0.1:1", "a", "b")))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        // an address that is no "ip:port" loses the message, as in libzmq
        dgram.send(Msg.of("nowhere", "lost"));
    }

    @Test
    void shouldRefuseUdpForOtherTypesAndOtherTransportsForDgram() {
        for (SocketType type : new SocketType[] {SocketType.PUB, SocketType.DEALER, SocketType.PAIR}) {
            Socket socket = ctx.socket(type);
            assertThatThrownBy(() -> socket.bind("udp://127.0.0.1:*")).isInstanceOfSatisfying(ZmqException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOCOMPATPROTO));
            assertThatThrownBy(() -> socket.connect("udp://127.0.0.1:5555")).isInstanceOfSatisfying(
                    ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOCOMPATPROTO));
        }
        Socket radio = ctx.socket(SocketType.RADIO);
        assertThatThrownBy(() -> radio.bind("udp://127.0.0.1:*")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOCOMPATPROTO));
        Socket dgram = ctx.socket(SocketType.DGRAM);
        assertThatThrownBy(() -> dgram.bind(Transport.TCP.bindable())).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOCOMPATPROTO));
    }

    @Test
    void shouldRefuseBadUdpEndpoints() {
        Socket dish = ctx.socket(SocketType.DISH);
        Socket radio = ctx.socket(SocketType.RADIO);
        assertCode(() -> dish.bind("udp://127.0.0.1"), ErrorCode.EINVAL);
        assertCode(() -> dish.bind("udp://127.0.0.1:99999"), ErrorCode.EINVAL);
        assertCode(() -> dish.bind("udp://lo;127.0.0.1:*"), ErrorCode.EINVAL); // an interface needs a group
        assertCode(() -> dish.bind("udp://no-such-nic0:*"), ErrorCode.ENODEV);
        assertCode(() -> dish.bind("udp://no-such-nic0;239.0.0.1:*"), ErrorCode.ENODEV);
        assertCode(() -> dish.bind("udp://239.0.0.2;239.0.0.1:*"), ErrorCode.EINVAL);
        assertCode(() -> radio.connect("udp://*:5555"), ErrorCode.EINVAL);
        assertCode(() -> radio.connect("udp://127.0.0.1:0"), ErrorCode.EINVAL);
        assertCode(() -> radio.connect("udp://host.invalid:5555"), ErrorCode.EINVAL);
    }

    @Test
    void shouldShareAPortAsLibzmqDoes() {
        // libzmq binds its udp receivers with SO_REUSEADDR, so a second bind of a port succeeds
        Socket first = ctx.socket(SocketType.DGRAM);
        String bound = first.bind("udp://127.0.0.1:*");
        Socket second = ctx.socket(SocketType.DGRAM);
        assertThat(second.bind(bound)).isEqualTo(bound);
    }

    @Test
    void shouldUnbindAndBindAgain() {
        Socket dish = ctx.socket(SocketType.DISH);
        dish.join("g");
        String bound = dish.bind("udp://127.0.0.1:*");
        dish.unbind(bound);
        assertCode(() -> dish.unbind(bound), ErrorCode.ENOENT);
        Socket radio = ctx.socket(SocketType.RADIO);
        radio.connect(bound);
        radio.disconnect(bound);
        assertCode(() -> radio.disconnect(bound), ErrorCode.ENOENT);
    }

    @Test
    void shouldReadMulticastOptions() {
        Socket radio = ctx.socket(SocketType.RADIO);
        assertThat(radio.get(SocketOptions.MULTICAST_HOPS)).isEqualTo(1);
        assertThat(radio.get(SocketOptions.MULTICAST_LOOP)).isTrue();
        radio.set(SocketOptions.MULTICAST_HOPS, 4).set(SocketOptions.MULTICAST_LOOP, false);
        assertThat(radio.get(SocketOptions.MULTICAST_HOPS)).isEqualTo(4);
        assertCode(() -> radio.set(SocketOptions.MULTICAST_HOPS, 0), ErrorCode.EINVAL);
    }

    @Test
    void shouldDeliverMulticastOnTheLoopbackInterface() {
        Socket dish = ctx.socket(SocketType.DISH);
        dish.join("m");
        String bound = dish.bind("udp://lo;239.192.77.1:*");
        assertThat(bound).startsWith("udp://lo;239.192.77.1:");
        Socket radio = ctx.socket(SocketType.RADIO);
        radio.connect(bound);

        radio.send(new Msg().group("m").add("to the group"));

        Msg msg = dish.recvMsg(WAIT);
        assertThat(msg.group()).isEqualTo("m");
        assertThat(new String(msg.frame(0), StandardCharsets.UTF_8)).isEqualTo("to the group");
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
