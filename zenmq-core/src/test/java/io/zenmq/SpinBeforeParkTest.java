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

/** {@code Context.builder().spinBeforePark}: the same behaviour, with a spin before each park. */
class SpinBeforeParkTest {
    private int fds;
    private Context ctx;

    @BeforeEach
    void open() {
        fds = Leaks.openFds();
        ctx = Context.builder().spinBeforePark(Duration.ofMillis(2)).build();
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
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(Transport.INPROC.bindable());
        pull.set(SocketOptions.RCVTIMEO, Duration.ofMillis(1));
        assertThatThrownBy(pull::recv)
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EAGAIN));
    }

    @Test
    void shouldRejectANegativeOrTooLongSpin() {
        assertThatThrownBy(() -> Context.builder().spinBeforePark(Duration.ofNanos(-1)))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> Context.builder().spinBeforePark(Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
    }
}
