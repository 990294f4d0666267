// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.EventType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** curve-service and monitor, each one program over tcp on an ephemeral port. */
@Timeout(120)
class SecurityAndMonitorExamplesTest {
    private final Output output = new Output();

    @Test
    void curveServiceAnswersTheTrustedClientAndRefusesTheOther() {
        String reply = Background.start("curve-service",
                ctx -> CurveService.run(ctx, "tcp://127.0.0.1:*", output.out)).result();
        assertThat(reply).isEqualTo("World");
        assertThat(output.text()).contains("server event HANDSHAKE_FAILED_AUTH", "refused");
    }

    @Test
    void monitorPrintsTheLifeOfAConnection() {
        List<EventType> events = Background.start("monitor",
                ctx -> MonitorDemo.run(ctx, "tcp://127.0.0.1:*", output.out)).result();
        assertThat(events).containsSubsequence(EventType.LISTENING, EventType.ACCEPTED,
                EventType.HANDSHAKE_SUCCEEDED, EventType.DISCONNECTED);
        assertThat(output.text()).contains("monitor: LISTENING tcp://127.0.0.1:");
    }
}
