// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ChildJvm;
import io.zenmq.testing.RawZmtpPeer;
import io.zenmq.testing.SmallHeapPull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message larger than the receiver's heap: the OutOfMemoryError while allocating its body closes
 * that peer's connection only (libzmq's decoder fails with ENOMEM and closes), the I/O thread and the
 * listener go on, and nothing prints a stack trace. The receiver is a child JVM with a small heap,
 * so the error is real.
 */
class OutOfMemoryPeerTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void shouldCloseOnlyTheConnectionWhoseMessageDoesNotFitTheHeap() throws Exception {
        try (ChildJvm child = ChildJvm.start("64m", dir, SmallHeapPull.class, "1");
             Context ctx = Context.create()) {
            String endpoint = child.expect("ENDPOINT ");
            try (RawZmtpPeer liar = RawZmtpPeer.handshaken(endpoint, "PUSH")) {
                // 300 MiB announced (no MAXMSGSIZE set), the first 64 KiB of it sent
                liar.send(RawZmtpPeer.longHeader(0, 300L << 20)).sendUnlessClosed(new byte[64 * 1024]);
                assertThat(liar.closedByPeerWithin(WAIT)).as("the offender's connection is closed").isTrue();
            }
            // the listener still accepts, the I/O thread still serves
            Socket push = ctx.socket(SocketType.PUSH);
            push.connect(endpoint);
            push.send("after");
            assertThat(child.expect("RECEIVED ")).isEqualTo("5 after");
            assertThat(child.exitCode(WAIT)).isZero();
            String stderr = child.stderr();
            assertThat(stderr).doesNotContain("OutOfMemoryError").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    /**
     * Messages that fit the heap one at a time, not two: the decoder must not fail a body while the
     * socket still holds unread messages of the same peer (they may be what fills the heap), but
     * wait until they are read. Without that wait the second allocation meets the first message,
     * still queued, and the connection is closed.
     */
    @Test
    @Timeout(120)
    void shouldWaitForQueuedMessagesToBeReadBeforeGivingUpOnTheHeap() throws Exception {
        int count = 3;
        byte[] big = new byte[56 << 20];
        Arrays.fill(big, 0, 16, (byte) 'y');
        try (ChildJvm child = ChildJvm.start("100m", dir, SmallHeapPull.class, Integer.toString(count));
             Context ctx = Context.create()) {
            String endpoint = child.expect("ENDPOINT ");
            Socket push = ctx.socket(SocketType.PUSH);
            push.connect(endpoint);
            for (int i = 0; i < count; i++) {
                push.send(new Msg().add(big));
            }
            for (int i = 0; i < count; i++) {
                assertThat(child.expect("RECEIVED ")).as("message %d", i).isEqualTo((56 << 20) + " yyyyyyyyyyyyyyyy");
            }
            assertThat(child.exitCode(WAIT)).isZero();
            assertThat(child.stderr()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        }
    }

    /**
     * The measurement: a 512 MiB message received under -Xmx1g (the body is allocated once at
     * its announced size, never grown by copying). Off by default (it moves 512 MiB);
     * {@code -Dzenmq.test.scale=full} runs it; {@code -Dzenmq.test.largeMiB} and
     * {@code -Dzenmq.test.largeHeap} change the sizes.
     */
    @Test
    @Timeout(300)
    @EnabledIfSystemProperty(named = "zenmq.test.scale", matches = "full")
    void shouldReceiveAMessageOfHalfTheHeap() throws Exception {
        int mib = Integer.getInteger("zenmq.test.largeMiB", 512);
        String heap = System.getProperty("zenmq.test.largeHeap", "1g");
        byte[] big = new byte[mib << 20];
        Arrays.fill(big, 0, 16, (byte) 'x');
        try (ChildJvm child = ChildJvm.start(heap, dir, SmallHeapPull.class, "1");
             Context ctx = Context.create()) {
            String endpoint = child.expect("ENDPOINT ");
            Socket push = ctx.socket(SocketType.PUSH);
            push.connect(endpoint);
            push.send(new Msg().add(big));
            long start = System.nanoTime();
            assertThat(child.expect("RECEIVED ")).isEqualTo((mib << 20) + " xxxxxxxxxxxxxxxx");
            System.out.println("received " + mib + " MiB under -Xmx" + heap + " in "
                    + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
            assertThat(child.exitCode(WAIT)).isZero();
        }
    }
}
