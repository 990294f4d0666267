// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnbindDisconnectTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);



    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldFreeTheEndpointOnUnbind(Transport transport) {
        Socket first = ctx.socket(SocketType.PULL);
        SocketMonitor closed = first.monitor(EnumSet.of(EventType.CLOSED));
        String endpoint = first.bind(transport.bindable());
        first.unbind(endpoint);
        if (transport == Transport.IPC_ABSTRACT) {
            // an abstract name is free once the I/O thread has closed the listener, after unbind
            // returned (libzmq's unbind is asynchronous too)
            assertThat(closed.next(WAIT)).isNotNull();
        }
        Socket second = ctx.socket(SocketType.PULL);
        // inproc names and ipc paths are free again at once; a tcp port only once the I/O thread
        // has closed the listener, so tcp takes a fresh port
        second.bind(transport == Transport.TCP ? "tcp://127.0.0.1:*" : endpoint);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(second.get(SocketOptions.LAST_ENDPOINT));
        push.send("to the second");
        assertThat(second.recvString(WAIT)).isEqualTo("to the second");
    }

    /**
     * As with libzmq, CLOSED comes once the listening socket is really closed: whoever waits for it
     * can bind the very same endpoint again (for tcp the same port; for ipc the same path, which
     * the listener has removed by then). Abstract names are covered above; inproc has no listener.
     */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TCP", "IPC"})
    void shouldHaveReleasedTheEndpointWhenClosedIsReported(Transport transport) {
        Socket first = ctx.socket(SocketType.PULL);
        SocketMonitor closed = first.monitor(EnumSet.of(EventType.CLOSED));
        String endpoint = first.bind(transport.bindable());
        first.unbind(endpoint);
        assertThat(closed.next(WAIT)).isNotNull();
        if (transport == Transport.IPC) {
            assertThat(java.nio.file.Path.of(endpoint.substring("ipc://".length()))).doesNotExist();
        }
        Socket second = ctx.socket(SocketType.PULL);
        assertThat(second.bind(endpoint)).isEqualTo(endpoint);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send("to the second");
        assertThat(second.recvString(WAIT)).isEqualTo("to the second");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldStopSendingToADisconnectedPeer(Transport transport) {
        Socket a = ctx.socket(SocketType.PULL);
        Socket b = ctx.socket(SocketType.PULL);
        String toA = a.bind(transport.bindable());
        String toB = b.bind(transport.bindable());
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(toA);
        push.connect(toB);
        push.send("first");
        push.send("second");
        assertThat(a.recvString(WAIT)).isNotNull();
        assertThat(b.recvString(WAIT)).isNotNull();
        push.disconnect(toA);
        for (int i = 0; i < 4; i++) {
            push.send("only b " + i);
        }
        for (int i = 0; i < 4; i++) {
            assertThat(b.recvString(WAIT)).isEqualTo("only b " + i);
        }
        assertThat(a.recv(Duration.ofMillis(100))).isNull();
    }

    @Test
    void shouldReportUnknownEndpointsWithEnoent() {
        Socket pull = ctx.socket(SocketType.PULL);
        assertThatThrownBy(() -> pull.unbind("tcp://127.0.0.1:1")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOENT));
        assertThatThrownBy(() -> pull.disconnect("tcp://127.0.0.1:1")).isInstanceOfSatisfying(
                ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOENT));
    }
}
