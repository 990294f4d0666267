// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConflateQueueTest {
    private static byte[] frame(int n) {
        return ByteBuffer.allocate(4).putInt(n).array();
    }

    private static int value(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt();
    }

    @Test
    void shouldKeepOnlyTheNewestPublishedMessage() {
        ConflateQueue queue = new ConflateQueue();
        for (int i = 0; i < 1000; i++) {
            assertThat(queue.checkWritable()).isTrue();
            queue.write(frame(i), false);
            queue.flush();
        }
        assertThat(queue.hasReadable()).isTrue();
        assertThat(value(queue.read())).isEqualTo(999);
        assertThat(queue.lastMore()).isFalse();
        assertThat(queue.read()).isNull();
        assertThat(queue.hasReadable()).isFalse();
    }

    @Test
    void shouldConflateWholeMessagesWrittenBetweenFlushes() {
        ConflateQueue queue = new ConflateQueue();
        queue.write(frame(1), false);
        queue.write(frame(2), true);
        queue.write(frame(-2), false);
        queue.write(frame(3), true);
        queue.flush();
        assertThat(value(queue.read())).isEqualTo(2);
        assertThat(queue.lastMore()).isTrue();
        assertThat(value(queue.read())).isEqualTo(-2);
        assertThat(queue.lastMore()).isFalse();
        assertThat(queue.read()).as("half-written message stays private").isNull();
        assertThat(queue.hasUnflushed()).isTrue();
    }

    @Test
    void shouldRollBackOnlyTheMessageCutShort() {
        ConflateQueue queue = new ConflateQueue();
        queue.write(frame(1), false);
        queue.write(frame(2), true);
        queue.rollback();
        assertThat(queue.hasUnflushed()).isFalse();
        queue.flush();
        assertThat(value(queue.read())).isEqualTo(1);
        assertThat(queue.read()).isNull();
    }

    @Test
    void shouldDeliverTheLastMessageBeforeTheEndMarker() {
        ConflateQueue queue = new ConflateQueue();
        queue.write(frame(1), false);
        queue.write(frame(2), false);
        queue.write(frame(3), true);
        queue.writeEnd();
        assertThat(queue.isEndWritten()).isTrue();
        assertThat(queue.hasReadable()).isTrue();
        assertThat(queue.peekIsEnd()).isFalse();
        assertThat(value(queue.read())).isEqualTo(2);
        assertThat(queue.hasReadable()).isTrue();
        assertThat(queue.peekIsEnd()).isTrue();
        assertThat(FrameQueue.isEnd(queue.read())).isTrue();
        assertThat(queue.read()).isNull();
    }

    @Test
    void shouldWakeASleepingReaderOncePerSleep() {
        ConflateQueue queue = new ConflateQueue();
        AtomicInteger readerWakes = new AtomicInteger();
        queue.setWakers(readerWakes::incrementAndGet, () -> {
            throw new AssertionError("a conflating writer never waits");
        });
        queue.write(frame(0), false);
        queue.flush();
        assertThat(readerWakes.get()).as("reader was not asleep").isZero();
        assertThat(queue.read()).isNotNull();
        assertThat(queue.read()).isNull();
        queue.write(frame(1), false);
        queue.flush();
        queue.write(frame(2), false);
        queue.flush();
        assertThat(readerWakes.get()).isEqualTo(1);
        assertThat(value(queue.read())).isEqualTo(2);
        assertThat(queue.read()).isNull();
        queue.writeEnd();
        assertThat(readerWakes.get()).as("the end marker wakes it too").isEqualTo(2);
    }

    /** The reader parks with no timeout: a lost wake-up hangs it and the timeout fails the test. */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldHandOverIncreasingWholeMessagesBetweenTwoThreads() throws InterruptedException {
        ConflateQueue queue = new ConflateQueue();
        Thread[] reader = new Thread[1];
        queue.setWakers(() -> LockSupport.unpark(reader[0]), () -> { });
        int messages = 1_000_000;
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        AtomicInteger last = new AtomicInteger(-1);
        reader[0] = new Thread(() -> {
            while (true) {
                byte[] first = queue.read();
                if (first == null) {
                    LockSupport.park(queue);
                    continue;
                }
                if (FrameQueue.isEnd(first)) {
                    return;
                }
                byte[] second = queue.read();
                int n = value(first);
                if (!queue.lastMore() && second != null && value(second) == -n && n > last.get()) {
                    last.set(n);
                    received.incrementAndGet();
                } else {
                    failures.incrementAndGet();
                    return;
                }
            }
        });
        reader[0].setDaemon(true);
        reader[0].start();
        for (int i = 0; i < messages; i++) {
            queue.write(frame(i), true);
            queue.write(frame(-i), false);
            queue.flush();
        }
        queue.writeEnd();
        reader[0].join();
        assertThat(reader[0].isAlive()).isFalse();
        assertThat(failures.get()).isZero();
        assertThat(last.get()).as("the newest message always arrives").isEqualTo(messages - 1);
        assertThat(received.get()).isBetween(1, messages);
    }
}
