// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.zenmq.internal.queue.MpscWakeQueue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@link MpscWakeQueue}: a producer offers two nodes, A then B, while the consumer drains; the
 * arbiter drains the rest. Every node comes out exactly once, A before B, and the offers that
 * report {@code QUEUED_FIRST} (the only ones that wake the consumer) are exactly one per
 * non-empty batch: a batch without its wake-up would sit in the queue while the consumer sleeps.
 */
@JCStressTest
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "both in one batch, one wake-up")
@Outcome(id = "1, 2, 2", expect = ACCEPTABLE, desc = "one batch each (the drain came between), one wake-up each")
@Outcome(expect = FORBIDDEN, desc = "a node lost, repeated or out of order, or batches and wake-ups disagree")
@State
public class WakeQueueDrainTest {
    /** A node that knows its number. */
    static final class Numbered extends MpscWakeQueue.Node {
        final int number;

        Numbered(int number) {
            this.number = number;
        }
    }

    private final MpscWakeQueue queue = new MpscWakeQueue();
    private final Numbered a = new Numbered(1);
    private final Numbered b = new Numbered(2);
    /** Producer only, then arbiter. */
    private int wakeUps;
    /** Consumer, then arbiter. */
    private int taken;
    private int batches;
    private boolean broken;

    /** The producer: A, then B. */
    @Actor
    public void producer() {
        if (queue.offer(a) == MpscWakeQueue.QUEUED_FIRST) {
            wakeUps++;
        }
        if (queue.offer(b) == MpscWakeQueue.QUEUED_FIRST) {
            wakeUps++;
        }
    }

    /** The consumer: one drain. */
    @Actor
    public void consumer() {
        take(queue.drain());
    }

    /** Drains the rest and checks. */
    @Arbiter
    public void arbiter(III_Result r) {
        take(queue.drain());
        r.r1 = !broken && taken == 2 ? 1 : 0;
        r.r2 = wakeUps;
        r.r3 = batches;
    }

    private void take(MpscWakeQueue.Node first) {
        if (first == null) {
            return;
        }
        batches++;
        for (MpscWakeQueue.Node node = first; node != null; ) {
            MpscWakeQueue.Node next = node.next();
            node.release();
            // A is 1, B is 2: they come out in that order, each once
            if (((Numbered) node).number != ++taken) {
                broken = true;
            }
            node = next;
        }
    }
}
