// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PairTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);



    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldTalkBothWays(Transport transport) {
        Socket a = ctx.socket(SocketType.PAIR);
        Socket b = ctx.socket(SocketType.PAIR);
        b.connect(a.bind(transport.bindable()));
        b.send("to a");
        assertThat(a.recvString(WAIT)).isEqualTo("to a");
        a.send(Msg.of("x", "y"));
        Msg msg = b.recvMsg(WAIT);
        assertThat(msg.string(0)).isEqualTo("x");
        assertThat(msg.string(1)).isEqualTo("y");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldKeepTheFirstPeerOnly(Transport transport) {
        Socket a = ctx.socket(SocketType.PAIR);
        Socket first = ctx.socket(SocketType.PAIR);
        String endpoint = a.bind(transport.bindable());
        first.connect(endpoint);
        first.send("first");
        assertThat(a.recvString(WAIT)).isEqualTo("first");
        Socket second = ctx.socket(SocketType.PAIR);
        second.set(SocketOptions.LINGER, Duration.ZERO);
        second.connect(endpoint);
        second.trySend("second".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        first.send("again");
        assertThat(a.recvString(WAIT)).isEqualTo("again");
        assertThat(a.recvString(Duration.ofMillis(100))).isNull();
    }
}
