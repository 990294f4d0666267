// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ZMQ_CONFLATE: each queue keeps only the newest message, and a sender never waits. */
class ConflateTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int MESSAGES = 10_000;



    private Socket conflating(SocketType type) {
        Socket socket = ctx.socket(type);
        socket.set(SocketOptions.CONFLATE, true).set(SocketOptions.SNDHWM, 1).set(SocketOptions.RCVHWM, 1);
        socket.set(SocketOptions.LINGER, Duration.ZERO);
        return socket;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldNeverBlockAndDeliverTheNewestMessageLast(Transport transport) {
        Socket pull = conflating(SocketType.PULL);
        Socket push = conflating(SocketType.PUSH);
        push.connect(pull.bind(transport.bindable()));
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(push.trySend(Integer.toString(i).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .as("send %d at HWM 1", i).isTrue();
        }
        List<Integer> received = new ArrayList<>();
        int last = -1;
        while (last != MESSAGES - 1) {
            String text = pull.recvString(WAIT);
            assertThat(text).as("message after %s", received).isNotNull();
            last = Integer.parseInt(text);
            received.add(last);
        }
        assertThat(received).isSorted().doesNotHaveDuplicates();
        assertThat(received.size()).as("older messages were conflated").isLessThan(MESSAGES);
        assertThat(pull.recv(Duration.ofMillis(100))).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldIgnoreConflateOnTypesWithoutIt(Transport transport) {
        Socket a = conflating(SocketType.PAIR);
        Socket b = conflating(SocketType.PAIR);
        a.set(SocketOptions.SNDHWM, 1000).set(SocketOptions.RCVHWM, 1000);
        b.set(SocketOptions.SNDHWM, 1000).set(SocketOptions.RCVHWM, 1000);
        b.connect(a.bind(transport.bindable()));
        for (int i = 0; i < 100; i++) {
            b.send("m" + i);
        }
        for (int i = 0; i < 100; i++) {
            assertThat(a.recvString(WAIT)).isEqualTo("m" + i);
        }
    }
}
