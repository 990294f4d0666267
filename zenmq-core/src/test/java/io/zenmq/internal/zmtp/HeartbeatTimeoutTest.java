// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.SocketType;
import org.junit.jupiter.api.Test;

/**
 * When a silent peer is caught: within one heartbeat interval plus the timeout after its last
 * answer, whatever the phase (found by the reliability suite's paused-consumer scenario, R8).
 */
class HeartbeatTimeoutTest {
    private static final long SECOND = 1_000_000_000L;

    private static ConnectionHarness active(long ivl, long timeout) {
        ConnectionSettings settings = new ConnectionSettings(SocketType.DEALER, new byte[0], true, -1, 0, ivl, 0,
                timeout);
        ConnectionHarness ours = new ConnectionHarness(settings,
                ConnectionHarness.mechanism(io.zenmq.internal.mechanism.SecurityConfig.NULL, settings.type(), 1));
        ours.start();
        byte[] greeting = Greeting.encode("NULL", false);
        greeting[ZmtpLayout.MINOR_OFFSET] = 1;
        ours.feed(bytes(greeting,
                FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, TestCommands.readyBody("ROUTER", null))));
        assertThat(ours.connection.isActive()).isTrue();
        ours.output();
        return ours;
    }

    @Test
    void aPeerThatFallsSilentRightAfterAnsweringIsCaughtOneIntervalPlusTheTimeoutLater() {
        ConnectionHarness ours = active(SECOND, 3 * SECOND);
        ours.connection.deadlineReached(SECOND); // PING; its timeout would end at 4 s
        ours.output();
        ours.now = SECOND + 5;
        ours.feed(FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, Commands.pongBody(null))); // the last answer
        for (long t = 2; t <= 4; t++) {
            ours.connection.deadlineReached(t * SECOND); // PING at 2 s arms a fresh timeout: 5 s
            ours.output();
            assertThat(ours.connection.status()).as("at %d s", t).isEqualTo(ZmtpConnection.Status.OPEN);
        }
        assertThat(ours.connection.nextDeadline()).isEqualTo(5 * SECOND);

        ours.connection.deadlineReached(5 * SECOND);

        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.HEARTBEAT_EXPIRED);
    }

    @Test
    void aPeerThatKeepsAnsweringIsNeverDropped() {
        ConnectionHarness ours = active(SECOND, 3 * SECOND);
        for (long t = 1; t <= 20; t++) {
            ours.connection.deadlineReached(t * SECOND);
            ours.output();
            ours.now = t * SECOND + 5;
            ours.feed(FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, Commands.pongBody(null)));
            assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.OPEN);
        }
    }
}
