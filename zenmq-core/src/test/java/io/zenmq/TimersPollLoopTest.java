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

/**
 * {@link Timers} on their own, driving a loop the application writes around a {@link Poller}: the
 * user guide's example ({@code docs/guide/reactor.md}), copied there exactly.
 */
class TimersPollLoopTest extends ContextTest {

    /** A custom loop: the poller waits for the socket or the next timer, whichever comes first. */
    static List<String> receiveWithHeartbeats(Socket in, Socket out, int wanted) {
        List<String> received = new ArrayList<>();
        Timers timers = Timers.create();
        timers.add(Duration.ofMillis(10), timer -> out.send("heartbeat " + received.size()));
        try (Poller poller = new Poller()) {
            poller.register(in, Poller.IN);
            while (received.size() < wanted) {
                poller.poll(timers.timeout());   // Option.INFINITE while no timer is armed
                if (poller.isReadable(in)) {
                    received.add(in.recvString());
                }
                timers.execute();
            }
        }
        return received;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReceiveWhatTheTimerSends(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(transport.bindable()));
        long start = System.nanoTime();

        List<String> received = receiveWithHeartbeats(pull, push, 3);

        assertThat(received).hasSize(3).allMatch(text -> text.startsWith("heartbeat "));
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(30).toNanos());
    }
}
