// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static io.zenmq.testing.MonitorEvents.next;
import static io.zenmq.testing.MonitorEvents.nextAfterDelay;
import static io.zenmq.testing.MonitorEvents.skipUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ZMQ_RECONNECT_STOP}: which failures make a connecting socket give its endpoint up. inproc
 * has no reconnects, so only tcp and ipc apply. "Gave up" is seen as silence on the monitor for
 * many reconnect intervals after the failure, where a socket without the option reports its retry
 * at once (the control in each test).
 */
@Timeout(60)
class ReconnectStopTest extends ContextTest {
    private static final Duration RETRY = Duration.ofMillis(10);
    /** Thirty reconnect intervals: a socket still retrying reports CONNECT_RETRIED well within it. */
    private static final Duration SILENCE = RETRY.multipliedBy(30);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldRetryARefusedConnectByDefault(Transport transport) throws IOException {
        String endpoint = refusingEndpoint(transport);
        SocketMonitor monitor = connectingPush(endpoint, 0);

        assertThat(nextAfterDelay(monitor, endpoint).type()).isEqualTo(EventType.CLOSED);
        assertThat(next(monitor).type()).isEqualTo(EventType.CONNECT_RETRIED);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldGiveUpARefusedEndpointWithConnRefused(Transport transport) throws IOException {
        String endpoint = refusingEndpoint(transport);
        SocketMonitor monitor = connectingPush(endpoint, SocketOptions.RECONNECT_STOP_CONN_REFUSED);

        assertThat(nextAfterDelay(monitor, endpoint).type()).isEqualTo(EventType.CLOSED);
        assertThat(monitor.next(SILENCE)).as("no retry after a refusal").isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldKeepRetryingARefusedEndpointWithOnlyHandshakeFailed(Transport transport) throws IOException {
        String endpoint = refusingEndpoint(transport);
        SocketMonitor monitor = connectingPush(endpoint, SocketOptions.RECONNECT_STOP_HANDSHAKE_FAILED);

        assertThat(nextAfterDelay(monitor, endpoint).type()).isEqualTo(EventType.CLOSED);
        assertThat(next(monitor).type()).isEqualTo(EventType.CONNECT_RETRIED);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldRetryAPeerThatHangsUpBeforeTheHandshakeByDefault(Transport transport) throws IOException {
        try (ServerSocketChannel hangsUp = rawListener(transport)) {
            Socket push = ctx.socket(SocketType.PUSH);
            push.set(SocketOptions.RECONNECT_IVL, RETRY);
            push.connect(endpointOf(transport, hangsUp));

            hangsUp.accept().close();
            hangsUp.accept().close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldGiveUpAPeerThatHangsUpBeforeTheHandshakeWithHandshakeFailed(Transport transport)
            throws IOException {
        try (ServerSocketChannel hangsUp = rawListener(transport)) {
            SocketMonitor monitor = connectingPush(endpointOf(transport, hangsUp),
                    SocketOptions.RECONNECT_STOP_HANDSHAKE_FAILED);

            hangsUp.accept().close();
            skipUntil(monitor, EventType.DISCONNECTED);
            assertThat(monitor.next(SILENCE)).as("no retry after a failed handshake").isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldStillReconnectAfterAHandshakeThatSucceeded(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        String endpoint = pull.bind(transport.bindable());
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOptions.RECONNECT_IVL, RETRY);
        push.set(SocketOptions.RECONNECT_STOP, SocketOptions.RECONNECT_STOP_HANDSHAKE_FAILED);
        SocketMonitor monitor = push.monitor(EventType.all());
        push.connect(endpoint);
        assertThat(nextAfterDelay(monitor, endpoint).type()).isEqualTo(EventType.CONNECTED);
        assertThat(next(monitor).type()).isEqualTo(EventType.HANDSHAKE_SUCCEEDED);

        pull.close();

        assertThat(next(monitor).type()).isEqualTo(EventType.DISCONNECTED);
        assertThat(next(monitor).type()).isEqualTo(EventType.CONNECT_RETRIED);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldEndALingeringDeliveryAtTheNextRefusalWithAfterDisconnect(Transport transport) {
        String endpoint = boundThenClosed(transport);
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOptions.RECONNECT_IVL, RETRY);
        push.set(SocketOptions.LINGER, Option.INFINITE);
        push.set(SocketOptions.RECONNECT_STOP, SocketOptions.RECONNECT_STOP_AFTER_DISCONNECT);
        SocketMonitor monitor = push.monitor(EventType.all());
        push.connect(endpoint);
        push.send("queued for a peer that never comes");
        // still retrying before the disconnect: this bit alone does not stop a connected endpoint
        assertThat(nextAfterDelay(monitor, endpoint).type()).isEqualTo(EventType.CLOSED);
        assertThat(next(monitor).type()).isEqualTo(EventType.CONNECT_RETRIED);

        push.disconnect(endpoint);

        // with an infinite linger the queued message would hold close() forever without the bit
        push.close();
        ctx.close();
    }

    @Test
    void shouldKeepRetryingAMissingIpcPathAsLibzmqDoes() {
        String endpoint = "ipc://" + dir.resolve("nobody-here");
        SocketMonitor monitor = connectingPush(endpoint, SocketOptions.RECONNECT_STOP_CONN_REFUSED);

        assertThat(nextAfterDelay(monitor, endpoint).type()).isEqualTo(EventType.CLOSED);
        assertThat(next(monitor).type()).isEqualTo(EventType.CONNECT_RETRIED);
    }

    /**
     * An endpoint where nothing listens: a plain listener of the JDK, closed at once (its close
     * is synchronous, where a zenmq socket's listener closes later on its I/O thread). Over ipc
     * that leaves a socket file whose listener is gone: a refusal, where a missing path is not
     * one (as in libzmq). The abstract namespace needs junixsocket, so zenmq binds it there.
     */
    private String refusingEndpoint(Transport transport) throws IOException {
        if (transport == Transport.IPC_ABSTRACT) {
            return boundThenClosed(transport);
        }
        try (ServerSocketChannel gone = rawListener(transport)) {
            return endpointOf(transport, gone);
        }
    }

    /** A PUSH retrying every {@link #RETRY} with the given RECONNECT_STOP bits; its monitor. */
    private SocketMonitor connectingPush(String endpoint, int reconnectStop) {
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOptions.RECONNECT_IVL, RETRY);
        push.set(SocketOptions.RECONNECT_STOP, reconnectStop);
        SocketMonitor monitor = push.monitor(EventType.all());
        push.connect(endpoint);
        return monitor;
    }

    /**
     * An endpoint whose zenmq listener was closed: close() ends a listener on the I/O thread, so
     * this waits until the socket's monitor has stopped, after the listener's CLOSED event. Once
     * in a full-suite run a tcp connect after that was still not refused, so tcp and ipc use a
     * JDK listener instead.
     */
    private String boundThenClosed(Transport transport) {
        Socket gone = ctx.socket(SocketType.PULL);
        SocketMonitor goneEvents = gone.monitor(EventType.all());
        String endpoint = gone.bind(transport.bindable());
        gone.close();
        skipUntil(goneEvents, EventType.MONITOR_STOPPED);
        return endpoint;
    }

    /** A listener that is not ZMTP: the test accepts and hangs up. */
    private ServerSocketChannel rawListener(Transport transport) throws IOException {
        if (transport == Transport.TCP) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return server;
        }
        Path path = Files.createTempDirectory(dir, "ipc").resolve("s");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return server;
    }

    private static String endpointOf(Transport transport, ServerSocketChannel server) throws IOException {
        if (transport == Transport.TCP) {
            return "tcp://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort();
        }
        return "ipc://" + ((UnixDomainSocketAddress) server.getLocalAddress()).getPath();
    }
}
