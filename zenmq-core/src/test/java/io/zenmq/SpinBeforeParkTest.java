// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.Leaks;
import io.zenmq.testing.Transport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code Context.builder().spinBeforePark}: the same behaviour, with a spin before each park. The
 * round trips spin 50 µs, the length the javadoc suggests: some waits end in the spin, others
 * park after it. A spin of milliseconds made each of 2,000 round trips take a few milliseconds on
 * a busy 2-core machine (each spinning thread holds a core the thread it waits for needs), so
 * that test's time grew with the load past its timeout.
 */
class SpinBeforeParkTest {
    private static final Duration SHORT_SPIN = Duration.ofNanos(50_000);
    private static final Duration LONG_SPIN = Duration.ofMillis(2);

    private int fds;
    private Context ctx;

    @BeforeEach
    void open() {
        fds = Leaks.openFds();
        ctx = Context.builder().spinBeforePark(SHORT_SPIN).build();
    }

    @AfterEach
    void close() {
        ctx.close();
        Leaks.assertNone(fds);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"INPROC", "IPC", "TCP"})
    void shouldAnswerEveryRequestWhileSpinning(Transport transport) throws Exception {
        Socket rep = ctx.socket(SocketType.REP);
        Socket req = ctx.socket(SocketType.REQ);
        req.connect(rep.bind(transport.bindable()));
        int rounds = 2_000;
        CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < rounds; i++) {
                rep.send(rep.recvString());
            }
        });
        for (int i = 0; i < rounds; i++) {
            req.send("q" + i);
            assertThat(req.recvString()).isEqualTo("q" + i);
        }
        server.get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldStillTimeOutWhenTheSpinIsLongerThanTheTimeout() {
        try (Context spinning = Context.builder().spinBeforePark(LONG_SPIN).build()) {
            Socket pull = spinning.socket(SocketType.PULL);
            pull.bind(Transport.INPROC.bindable());
            pull.set(SocketOptions.RCVTIMEO, Duration.ofMillis(1));
            assertThatThrownBy(pull::recv)
                    .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EAGAIN));
        }
    }

    @Test
    void shouldRejectANegativeOrTooLongSpin() {
        assertThatThrownBy(() -> Context.builder().spinBeforePark(Duration.ofNanos(-1)))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> Context.builder().spinBeforePark(Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
    }
}
