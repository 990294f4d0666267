// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static io.zenmq.testing.MonitorEvents.next;
import static io.zenmq.testing.MonitorEvents.nextAfterDelay;
import static io.zenmq.testing.MonitorEvents.skipUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.internal.zmtp.Greeting;
import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Leaks;
import io.zenmq.testing.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(60)
class MonitorTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NAMES = new AtomicInteger();

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldDeliverLastWordsAndSeeThePeerGoWhenBothArriveTogether(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        SocketMonitor monitor = pull.monitor(EnumSet.of(EventType.HANDSHAKE_SUCCEEDED, EventType.DISCONNECTED));
        String endpoint = pull.bind(transport.bindable());
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);
        assertThat(next(monitor).type()).isEqualTo(EventType.HANDSHAKE_SUCCEEDED);

        // written and hung up in one go: the bytes and the hang-up may wake the reader once
        push.send("last words");
        push.close();

        assertThat(pull.recvString(WAIT)).isEqualTo("last words");
        assertThat(next(monitor).type()).isEqualTo(EventType.DISCONNECTED);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldReportBindAcceptHandshakeAndDisconnect(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        SocketMonitor monitor = pull.monitor(EventType.all());
        String endpoint = pull.bind(transport.bindable());
        if (transport == Transport.TCP) {
            assertThat(endpoint).matches("tcp://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
        }
        SocketEvent listening = next(monitor);
        assertThat(listening.type()).isEqualTo(EventType.LISTENING);
        assertThat(listening.endpoint()).isEqualTo(endpoint);

        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send("hi");
        assertThat(pull.recvString(WAIT)).isEqualTo("hi");
        SocketEvent accepted = next(monitor);
        assertThat(accepted.type()).isEqualTo(EventType.ACCEPTED);
        assertThat(accepted.endpoint()).isEqualTo(endpoint);
        assertThat(next(monitor)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_SUCCEEDED, endpoint, 0));

        push.close();
        assertThat(next(monitor)).isEqualTo(new SocketEvent(EventType.DISCONNECTED, endpoint, accepted.value()));

        pull.close();
        assertThat(next(monitor)).isEqualTo(new SocketEvent(EventType.CLOSED, endpoint, listening.value()));
        assertThat(next(monitor)).isEqualTo(new SocketEvent(EventType.MONITOR_STOPPED, "", 0));
        assertThat(monitor.next(Duration.ZERO)).isNull();
        assertThat(monitor.isFinished()).isTrue();
        assertThat(monitor.dropped()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldReportConnectHandshakeAndRetryAfterThePeerLeaves(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        String endpoint = pull.bind(transport.bindable());
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(200));
        SocketMonitor monitor = push.monitor(EventType.all());
        push.connect(endpoint);

        SocketEvent connected = nextAfterDelay(monitor, endpoint);
        assertThat(connected.type()).isEqualTo(EventType.CONNECTED);
        assertThat(connected.endpoint()).isEqualTo(endpoint);
        assertThat(next(monitor)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_SUCCEEDED, endpoint, 0));

        pull.close();
        assertThat(next(monitor)).isEqualTo(new SocketEvent(EventType.DISCONNECTED, endpoint, connected.value()));
        SocketEvent retried = next(monitor);
        assertThat(retried.type()).isEqualTo(EventType.CONNECT_RETRIED);
        assertThat(retried.endpoint()).isEqualTo(endpoint);
        assertThat(retried.value()).isBetween(200L, 399L);

        push.close();
        assertThat(skipUntil(monitor, EventType.MONITOR_STOPPED))
                .isEqualTo(new SocketEvent(EventType.MONITOR_STOPPED, "", 0));
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldReportClosedAndRetriedWhenNothingListens(Transport transport) {
        Socket gone = ctx.socket(SocketType.PULL);
        String endpoint = gone.bind(transport.bindable());
        gone.close();
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(50));
        SocketMonitor monitor = push.monitor(EventType.all());
        push.connect(endpoint);

        SocketEvent closed = nextAfterDelay(monitor, endpoint);
        assertThat(closed.type()).isEqualTo(EventType.CLOSED);
        assertThat(closed.endpoint()).isEqualTo(endpoint);
        SocketEvent retried = next(monitor);
        assertThat(retried.type()).isEqualTo(EventType.CONNECT_RETRIED);
        assertThat(retried.value()).isBetween(50L, 99L);
        // and again: every refused attempt is CLOSED then CONNECT_RETRIED
        SocketEvent again = nextAfterDelay(monitor, endpoint);
        assertThat(again.type()).isEqualTo(EventType.CLOSED);
        assertThat(again.value()).isNotEqualTo(closed.value());
        assertThat(next(monitor).type()).isEqualTo(EventType.CONNECT_RETRIED);
    }

    @Test
    void shouldReportBindFailedWithErrno() {
        Socket first = ctx.socket(SocketType.PULL);
        String endpoint = first.bind("tcp://127.0.0.1:*");
        Socket second = ctx.socket(SocketType.PULL);
        SocketMonitor monitor = second.monitor(EnumSet.of(EventType.BIND_FAILED));
        assertThatThrownBy(() -> second.bind(endpoint)).isInstanceOf(ZmqException.class);
        assertThat(next(monitor)).isEqualTo(new SocketEvent(EventType.BIND_FAILED, endpoint, 98));
    }

    @Test
    void shouldReportProtocolFailureOfAPeerWithAnotherMechanism() throws IOException {
        Socket pull = ctx.socket(SocketType.PULL);
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        SocketMonitor monitor = pull.monitor(EnumSet.complementOf(EnumSet.of(EventType.LISTENING)));
        try (java.net.Socket peer = new java.net.Socket()) {
            peer.connect(new InetSocketAddress("127.0.0.1", port(endpoint)), 10_000);
            peer.setSoTimeout(10_000);
            peer.getOutputStream().write(Greeting.encode("PLAIN", false));
            SocketEvent accepted = next(monitor);
            assertThat(accepted.type()).isEqualTo(EventType.ACCEPTED);
            assertThat(next(monitor)).isEqualTo(
                    new SocketEvent(EventType.HANDSHAKE_FAILED_PROTOCOL, endpoint, 0x11000002));
            assertThat(next(monitor)).isEqualTo(new SocketEvent(EventType.DISCONNECTED, endpoint, accepted.value()));
            drain(peer.getInputStream());
        }
    }

    @Test
    void shouldReportNoDetailWhenThePeerLeavesDuringTheHandshake() throws IOException {
        Socket pull = ctx.socket(SocketType.PULL);
        SocketMonitor monitor = pull.monitor(EventType.all());
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        assertThat(next(monitor).type()).isEqualTo(EventType.LISTENING);
        try (java.net.Socket peer = new java.net.Socket()) {
            peer.connect(new InetSocketAddress("127.0.0.1", port(endpoint)), 10_000);
            peer.setSoTimeout(10_000);
            peer.getOutputStream().write(new byte[] {(byte) 0xFF, 0, 0});
            assertThat(next(monitor).type()).isEqualTo(EventType.ACCEPTED);
            // read what the server sends before it knows our version (its signature), so that
            // closing sends a FIN (EOF), not a reset
            assertThat(peer.getInputStream().readNBytes(10)).hasSize(10);
        }
        assertThat(next(monitor)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_NO_DETAIL, endpoint, 32));
        assertThat(next(monitor).type()).isEqualTo(EventType.DISCONNECTED);
    }

    @Test
    void shouldReportNothingForInprocConnections() {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        SocketMonitor pullEvents = pull.monitor(EventType.all());
        SocketMonitor pushEvents = push.monitor(EventType.all());
        String endpoint = pull.bind(Transport.INPROC.bindable());
        push.connect(endpoint);
        push.send("x");
        assertThat(pull.recvString(WAIT)).isEqualTo("x");
        assertThat(pullEvents.tryNext()).isNull();
        assertThat(pushEvents.tryNext()).isNull();
    }

    @Test
    void shouldPublishLibzmqTwoFrameEventsOnInproc() {
        String monitorEndpoint = "inproc://monitor-" + NAMES.incrementAndGet();
        Socket pull = ctx.socket(SocketType.PULL);
        pull.monitor(monitorEndpoint, EventType.all());
        Socket reader = ctx.socket(SocketType.PAIR);
        reader.connect(monitorEndpoint);
        String endpoint = pull.bind("tcp://127.0.0.1:*");

        Msg listening = reader.recvMsg(WAIT);
        assertThat(listening).isNotNull();
        assertThat(listening.size()).isEqualTo(2);
        assertThat(listening.frame(0)).hasSize(6);
        ByteBuffer header = ByteBuffer.wrap(listening.frame(0)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort() & 0xFFFF).isEqualTo(0x0008);
        int listener = header.getInt();
        assertThat(listening.string(1)).isEqualTo(endpoint);

        pull.close();
        List<Msg> rest = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Msg msg = reader.recvMsg(WAIT);
            assertThat(msg).isNotNull();
            rest.add(msg);
        }
        ByteBuffer closed = ByteBuffer.wrap(rest.get(0).frame(0)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(closed.getShort() & 0xFFFF).isEqualTo(0x0080);
        assertThat(closed.getInt()).isEqualTo(listener);
        assertThat(rest.get(0).string(1)).isEqualTo(endpoint);
        assertThat(rest.get(1).frame(0)).containsExactly(0x00, 0x04, 0, 0, 0, 0);
        assertThat(rest.get(1).frame(1)).isEmpty();
    }

    @Test
    void shouldEndTheInprocMonitorThreadWhenTheContextCloses() {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.monitor("inproc://monitor-" + NAMES.incrementAndGet(), EventType.all());
        pull.bind("tcp://127.0.0.1:*");
        assertThat(Leaks.zenmqThreads()).anyMatch(name -> name.startsWith("zenmq-monitor-"));
        // the socket stays open: closing the context must still end the thread (checked after each test)
    }

    @Test
    void shouldRefuseAMonitorEndpointOtherThanInproc() {
        Socket pull = ctx.socket(SocketType.PULL);
        assertThatThrownBy(() -> pull.monitor("tcp://127.0.0.1:*", EventType.all()))
                .isInstanceOfSatisfying(ZmqException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EPROTONOSUPPORT));
    }

    @Test
    void shouldStopTheMonitorWhenReplacedOrClosed() {
        Socket pull = ctx.socket(SocketType.PULL);
        SocketMonitor first = pull.monitor(EventType.all());
        SocketMonitor second = pull.monitor(EventType.all());
        assertThat(next(first)).isEqualTo(new SocketEvent(EventType.MONITOR_STOPPED, "", 0));
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        assertThat(first.tryNext()).isNull();
        assertThat(next(second).endpoint()).isEqualTo(endpoint);
        second.close();
        assertThat(next(second).type()).isEqualTo(EventType.MONITOR_STOPPED);
        assertThat(second.isFinished()).isTrue();
    }

    @Test
    void shouldKeepOnlyTheWantedEvents() {
        Socket pull = ctx.socket(SocketType.PULL);
        SocketMonitor monitor = pull.monitor(EnumSet.of(EventType.CLOSED));
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        pull.close();
        SocketEvent closed = next(monitor);
        assertThat(closed.type()).isEqualTo(EventType.CLOSED);
        assertThat(closed.endpoint()).isEqualTo(endpoint);
        // returns null once the monitor ends (MONITOR_STOPPED is not wanted here)
        assertThat(monitor.next(WAIT)).isNull();
        assertThat(monitor.isFinished()).isTrue();
    }

    @Test
    void shouldMapEventNumbersAsLibzmq() {
        assertThat(EventType.of(0x0001)).isEqualTo(EventType.CONNECTED);
        assertThat(EventType.HANDSHAKE_FAILED_AUTH.value()).isEqualTo(0x4000);
        assertThat(EventType.fromMask(0xFFFF)).isEqualTo(EventType.all());
        assertThat(EventType.fromMask(0x0008 | 0x0020))
                .containsExactlyInAnyOrder(EventType.LISTENING, EventType.ACCEPTED);
    }

    private static int port(String endpoint) {
        return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // until the server closes the connection
        }
    }
}
