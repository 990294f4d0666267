// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.Await;
import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ZMQ_IMMEDIATE: a connecting socket has a pipe only while its connection is up. Over inproc
 * libzmq ignores the option (the pipe is made at connect), so only ipc and tcp are covered.
 */
class ImmediateTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);




    private Socket push(boolean immediate) {
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOptions.IMMEDIATE, immediate).set(SocketOptions.LINGER, Duration.ZERO);
        push.set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(10));
        return push;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"IPC", "TCP"})
    void shouldRefuseToQueueUntilConnected(Transport transport) {
        String where = transport.unbound();
        Socket queueing = push(false);
        queueing.connect(where);
        assertThat(queueing.trySend(bytes("queued"))).as("without IMMEDIATE").isTrue();

        Socket immediate = push(true);
        immediate.connect(where);
        assertThat(immediate.trySend(bytes("refused"))).as("with IMMEDIATE").isFalse();

        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(where);
        assertThat(pull.recvString(WAIT)).isEqualTo("queued");
        assertThat(immediate.send(bytes("live"), WAIT)).as("send once connected").isTrue();
        assertThat(pull.recvString(WAIT)).isEqualTo("live");
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"IPC", "TCP"})
    void shouldLosePipeOnDisconnectAndGetANewOneOnReconnect(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOptions.LINGER, Duration.ZERO);
        String endpoint = pull.bind(transport.bindable());
        Socket push = push(true);
        push.connect(endpoint);
        assertThat(push.send(bytes("one"), WAIT)).isTrue();
        assertThat(pull.recvString(WAIT)).isEqualTo("one");

        pull.close();
        Await.until("the pipe to be dropped", WAIT, () -> !push.trySend(bytes("lost")));
        assertThat(push.trySend(bytes("refused"))).isFalse();

        Socket again = ctx.socket(SocketType.PULL);
        again.bind(endpoint);
        assertThat(push.send(bytes("two"), WAIT)).isTrue();
        assertThat(again.recvString(WAIT)).isEqualTo("two");
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"IPC", "TCP"})
    void shouldSendOnlyToConnectedPeers(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        String live = pull.bind(transport.bindable());
        Socket push = push(true);
        push.connect(transport.unbound());
        push.connect(live);
        for (int i = 0; i < 10; i++) {
            assertThat(push.send(bytes("m" + i), WAIT)).isTrue();
        }
        for (int i = 0; i < 10; i++) {
            assertThat(pull.recvString(WAIT)).as("message %d", i).isEqualTo("m" + i);
        }
    }
}
