// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FrameQueueTest {
    private static byte[] frame(int n) {
        return ByteBuffer.allocate(4).putInt(n).array();
    }

    private static int value(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt();
    }

    @Test
    void shouldPublishOnlyWholeMessages() {
        FrameQueue queue = new FrameQueue(0);
        queue.write(frame(1), true);
        queue.flush();
        assertThat(queue.read()).isNull();
        queue.write(frame(2), false);
        queue.write(frame(3), true);
        queue.flush();
        assertThat(value(queue.read())).isEqualTo(1);
        assertThat(queue.lastMore()).isTrue();
        assertThat(value(queue.read())).isEqualTo(2);
        assertThat(queue.lastMore()).isFalse();
        assertThat(queue.read()).isNull();
    }

    @Test
    void shouldRollBackOnlyTheMessageCutShort() {
        FrameQueue queue = new FrameQueue(0);
        for (int i = 0; i < 300; i++) {
            queue.write(frame(i), false);
        }
        for (int i = 0; i < 300; i++) {
            queue.write(frame(-1), true);
        }
        queue.rollback();
        queue.write(frame(300), false);
        queue.flush();
        for (int i = 0; i <= 300; i++) {
            assertThat(value(queue.read())).isEqualTo(i);
        }
        assertThat(queue.read()).isNull();
    }

    @Test
    void shouldEndAfterTheLastWholeMessage() {
        FrameQueue queue = new FrameQueue(0);
        queue.write(frame(1), false);
        queue.write(frame(2), true);
        queue.writeEnd();
        assertThat(value(queue.read())).isEqualTo(1);
        assertThat(FrameQueue.isEnd(queue.read())).isTrue();
    }

    @Test
    void shouldRefuseNewMessagesAtTheHighWaterMarkAndWakeTheWriterAtLowWater() {
        FrameQueue queue = new FrameQueue(4);
        AtomicInteger writerWakes = new AtomicInteger();
        AtomicInteger readerWakes = new AtomicInteger();
        queue.setWakers(readerWakes::incrementAndGet, writerWakes::incrementAndGet);
        assertThat(queue.read()).isNull();
        for (int i = 0; i < 4; i++) {
            assertThat(queue.checkWritable()).isTrue();
            queue.write(frame(i), false);
            queue.flush();
        }
        assertThat(readerWakes.get()).isEqualTo(1);
        assertThat(queue.checkWritable()).isFalse();
        queue.read();
        assertThat(writerWakes.get()).isZero();
        queue.read();
        assertThat(writerWakes.get()).isEqualTo(1);
        assertThat(queue.checkWritable()).isTrue();
    }

    /**
     * Both sides park with no timeout, so only the queue's wake-ups move them: a lost wake-up hangs
     * a side and the timeout fails the test (run in a thread of its own, so it cannot hang the build).
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldPassMillionsOfFramesBetweenTwoThreadsInOrder() throws InterruptedException {
        FrameQueue queue = new FrameQueue(1000);
        Thread[] reader = new Thread[1];
        Thread writerThread = Thread.currentThread();
        queue.setWakers(() -> LockSupport.unpark(reader[0]), () -> LockSupport.unpark(writerThread));
        int messages = 1_000_000;
        AtomicInteger failures = new AtomicInteger();
        reader[0] = new Thread(() -> {
            int expected = 0;
            while (expected < messages) {
                byte[] first = queue.read();
                if (first == null) {
                    LockSupport.park(queue);
                    continue;
                }
                byte[] second = queue.read();
                if (value(first) != expected || second == null || value(second) != -expected) {
                    failures.incrementAndGet();
                    return;
                }
                expected++;
            }
        });
        reader[0].setDaemon(true);
        reader[0].start();
        for (int i = 0; i < messages; i++) {
            while (!queue.checkWritable()) {
                LockSupport.park(queue);
            }
            queue.write(frame(i), true);
            queue.write(frame(-i), false);
            queue.flush();
        }
        reader[0].join();
        assertThat(reader[0].isAlive()).isFalse();
        assertThat(failures.get()).isZero();
        // 2,000 frames in flight fill at most 9 chunks; spares come back instead of new ones
        assertThat(queue.chunksAllocated()).isLessThanOrEqualTo(10);
    }

    @Test
    void shouldReuseChunksInASteadyStream() {
        FrameQueue queue = new FrameQueue(1000);
        for (int round = 0; round < 200; round++) {
            for (int i = 0; i < 1000; i++) {
                assertThat(queue.checkWritable()).isTrue();
                queue.write(frame(i), false);
            }
            queue.flush();
            assertThat(queue.checkWritable()).isFalse();
            for (int i = 0; i < 1000; i++) {
                assertThat(value(queue.read())).isEqualTo(i);
            }
        }
        // 1,000 messages span at most 5 chunks; 200,000 messages would need 782 without reuse
        assertThat(queue.chunksAllocated()).isLessThanOrEqualTo(6);
    }

    @Test
    void shouldKeepABoundedNumberOfSpareChunksAfterABurst() {
        FrameQueue queue = new FrameQueue(0);
        int burst = 100 * FrameQueue.CHUNK_SIZE;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < burst; i++) {
                queue.write(frame(i), false);
            }
            queue.flush();
            for (int i = 0; i < burst; i++) {
                assertThat(value(queue.read())).isEqualTo(i);
            }
        }
        // an unbounded queue keeps only a few spares, so each burst makes most of its chunks anew
        long perBurst = queue.chunksAllocated() / 3;
        assertThat(perBurst).isGreaterThan(90);
    }
}
