// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.mechanism.SecurityConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CurveRehearsalTest {
    private static final byte[] NONE = new byte[0];
    private static final byte[] KEY = new byte[32];

    @Test
    void shouldOpenEveryBoxItSeals() {
        // short, whole-block and many-block boxes all come round within the first 2048
        assertThat(CurveRehearsal.rehearse(2048)).isTrue();
    }

    @Test
    void shouldNotStartForSocketsWithoutCurve() {
        boolean before = CurveRehearsal.started();
        SecurityConfig plain = new SecurityConfig("PLAIN", true, NONE, NONE, NONE, NONE, NONE, "");

        assertThat(CurveRehearsal.startFor(SecurityConfig.NULL)).isNull();
        assertThat(CurveRehearsal.startFor(plain)).isNull();
        assertThat(CurveRehearsal.started()).isEqualTo(before);
    }

    @Test
    void shouldStartOncePerJvmOnADaemonThreadThatEnds() throws InterruptedException {
        SecurityConfig curve = new SecurityConfig("CURVE", true, NONE, NONE, NONE, KEY, NONE, "");

        // another test of this JVM may have bound a CURVE socket first: then none starts here
        Thread first = CurveRehearsal.startFor(curve);
        Thread second = CurveRehearsal.startFor(curve);

        assertThat(CurveRehearsal.started()).isTrue();
        assertThat(second).isNull();
        if (first != null) {
            assertThat(first.isDaemon()).isTrue();
            assertThat(first.getName()).isEqualTo(CurveRehearsal.THREAD_NAME);
            first.join(Duration.ofSeconds(60).toMillis());
            assertThat(first.isAlive()).isFalse();
        }
    }
}
