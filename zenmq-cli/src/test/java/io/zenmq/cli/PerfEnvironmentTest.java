// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PerfEnvironmentTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void shouldBuildAWorkingContextWithASpin() {
        try (Context ctx = PerfEnvironment.contextBuilder("2000").build();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            pull.bind("inproc://perf-spin");
            push.connect("inproc://perf-spin");
            push.send("spun");
            assertThat(pull.recvString(WAIT)).isEqualTo("spun");
        }
    }

    @Test
    void shouldTakeUnsetOrEmptyAsNoSpin() {
        try (Context unset = PerfEnvironment.contextBuilder(null).build();
             Context empty = PerfEnvironment.contextBuilder("").build()) {
            assertThat(unset).isNotNull();
            assertThat(empty).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "abc", "1.5", "1000000001"})
    void shouldRefuseASpinOutOfRange(String value) {
        assertThatThrownBy(() -> PerfEnvironment.contextBuilder(value))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.getMessage()).contains("ZENMQ_PERF_SPIN_NS").contains(value);
                    assertThat(e.exitCode()).isEqualTo(2);
                });
    }
}
