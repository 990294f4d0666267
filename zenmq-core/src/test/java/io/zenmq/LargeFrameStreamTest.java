// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Frames around the sizes where a connection's output is cut into several write calls (32 KiB per
 * call on tcp, a 64 KiB buffer) arrive whole and in order, byte for byte, also when the sender
 * queues many of them before the receiver reads, so that writes stop part way and resume.
 */
class LargeFrameStreamTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int[] SIZES = {32_767, 32_768, 32_769, 65_526, 65_527, 65_535, 65_536, 65_537, 98_304,
        200_003, 0, 1};
    private static final int ROUNDS = 20;

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"INPROC", "IPC", "TCP"})
    void shouldDeliverFramesAcrossWriteBoundariesIntact(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(transport.bindable()));
        int sequence = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int size : SIZES) {
                push.sendMore(frame(sequence, 5));
                push.send(frame(sequence + 1, size));
                sequence += 2;
            }
        }
        int expected = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int size : SIZES) {
                assertThat(pull.recv(WAIT)).isEqualTo(frame(expected, 5));
                assertThat(pull.hasMore()).isTrue();
                assertThat(pull.recv(WAIT)).isEqualTo(frame(expected + 1, size));
                assertThat(pull.hasMore()).isFalse();
                expected += 2;
            }
        }
    }

    /** Bytes that differ from frame to frame and along each frame, so a shifted or torn frame shows. */
    private static byte[] frame(int sequence, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (sequence * 31 + i * 7 + (i >>> 8));
        }
        return bytes;
    }
}
