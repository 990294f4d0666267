// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class MpscWakeQueueTest {
    private static final class Counter extends MpscWakeQueue.Node {
        final int id;

        Counter(int id) {
            this.id = id;
        }
    }

    private static List<Integer> drainIds(MpscWakeQueue queue) {
        List<Integer> ids = new ArrayList<>();
        for (MpscWakeQueue.Node node = queue.drain(); node != null; ) {
            MpscWakeQueue.Node next = node.next();
            node.release();
            ids.add(((Counter) node).id);
            node = next;
        }
        return ids;
    }

    @Test
    void shouldHandOutNodesInOfferOrderAndQueueEachOnlyOnce() {
        MpscWakeQueue queue = new MpscWakeQueue();
        Counter a = new Counter(1);
        Counter b = new Counter(2);
        Counter c = new Counter(3);
        assertThat(queue.offer(a)).isEqualTo(MpscWakeQueue.QUEUED_FIRST);
        assertThat(queue.offer(b)).isEqualTo(MpscWakeQueue.QUEUED);
        assertThat(queue.offer(a)).isEqualTo(MpscWakeQueue.ALREADY_QUEUED);
        assertThat(queue.offer(c)).isEqualTo(MpscWakeQueue.QUEUED);
        assertThat(drainIds(queue)).containsExactly(1, 2, 3);
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.offer(b)).isEqualTo(MpscWakeQueue.QUEUED_FIRST);
        assertThat(drainIds(queue)).containsExactly(2);
    }

    @Test
    void shouldRefuseOffersAfterCloseAndReturnWhatWasLeft() {
        MpscWakeQueue queue = new MpscWakeQueue();
        Counter a = new Counter(1);
        Counter b = new Counter(2);
        queue.offer(a);
        queue.offer(b);
        MpscWakeQueue.Node rest = queue.close();
        assertThat(((Counter) rest).id).isEqualTo(1);
        assertThat(((Counter) rest.next()).id).isEqualTo(2);
        assertThat(rest.next().next()).isNull();
        assertThat(queue.offer(new Counter(3))).isEqualTo(MpscWakeQueue.REFUSED);
        assertThat(queue.drain()).isNull();
        assertThat(queue.isEmpty()).isTrue();
    }

    /**
     * Producers each own one node and a counter: they bump the counter, then offer the node. The
     * consumer releases a node before reading its counter, and parks only after an empty drain
     * when it is marked as waiting, as a socket does. Whatever the interleaving, it must end up
     * having seen every producer's final count: a dropped wake-up would leave it parked (the
     * test times out) or short of the total.
     */
    @Test
    void shouldNeverLoseTheLastWakeUpOfAnyProducer() throws InterruptedException {
        int producers = 3;
        int rounds = 200_000;
        MpscWakeQueue queue = new MpscWakeQueue();
        Counter[] nodes = new Counter[producers];
        AtomicLong[] counts = new AtomicLong[producers];
        for (int i = 0; i < producers; i++) {
            nodes[i] = new Counter(i);
            counts[i] = new AtomicLong();
        }
        Thread consumer = Thread.currentThread();
        AtomicLong waiting = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < producers; i++) {
            int id = i;
            Thread thread = new Thread(() -> {
                for (int r = 0; r < rounds; r++) {
                    counts[id].incrementAndGet();
                    if (queue.offer(nodes[id]) == MpscWakeQueue.QUEUED_FIRST && waiting.get() != 0) {
                        LockSupport.unpark(consumer);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        long[] seen = new long[producers];
        long total = (long) producers * rounds;
        long sum = 0;
        while (sum < total) {
            MpscWakeQueue.Node node = queue.drain();
            if (node == null) {
                waiting.set(1);
                if (queue.isEmpty()) {
                    LockSupport.park(this);
                }
                waiting.set(0);
                continue;
            }
            while (node != null) {
                MpscWakeQueue.Node next = node.next();
                node.release();
                int id = ((Counter) node).id;
                long now = counts[id].get();
                assertThat(now).isGreaterThanOrEqualTo(seen[id]);
                sum += now - seen[id];
                seen[id] = now;
                node = next;
            }
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(seen).containsOnly(rounds);
    }
}
