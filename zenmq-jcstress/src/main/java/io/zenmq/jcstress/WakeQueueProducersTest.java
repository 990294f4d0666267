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
 * {@link MpscWakeQueue}: two producers offer one node each while the consumer drains; the arbiter
 * drains the rest. Every node comes out exactly once, and the offers that report
 * {@code QUEUED_FIRST} (the only ones that wake the consumer) are exactly one per non-empty
 * batch: a batch without its wake-up would sit in the queue while the consumer sleeps.
 */
@JCStressTest
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "both nodes in one batch, one wake-up")
@Outcome(id = "1, 2, 2", expect = ACCEPTABLE, desc = "one batch each, one wake-up each")
@Outcome(expect = FORBIDDEN, desc = "a node lost or repeated, or batches and wake-ups disagree")
@State
public class WakeQueueProducersTest {
    /** A node that knows its bit. */
    static final class Tagged extends MpscWakeQueue.Node {
        final int bit;

        Tagged(int bit) {
            this.bit = bit;
        }
    }

    private final MpscWakeQueue queue = new MpscWakeQueue();
    private final Tagged a = new Tagged(1);
    private final Tagged b = new Tagged(2);
    private volatile int firstA;
    private volatile int firstB;
    /** Consumer, then arbiter. */
    private int seen;
    private int batches;
    private boolean repeated;

    /** First producer. */
    @Actor
    public void producerA() {
        firstA = queue.offer(a) == MpscWakeQueue.QUEUED_FIRST ? 1 : 0;
    }

    /** Second producer. */
    @Actor
    public void producerB() {
        firstB = queue.offer(b) == MpscWakeQueue.QUEUED_FIRST ? 1 : 0;
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
        r.r1 = seen == 3 && !repeated ? 1 : 0;
        r.r2 = firstA + firstB;
        r.r3 = batches;
    }

    private void take(MpscWakeQueue.Node first) {
        if (first == null) {
            return;
        }
        batches++;
        MpscWakeQueue.Node node = first;
        while (node != null) {
            MpscWakeQueue.Node next = node.next();
            node.release();
            int bit = ((Tagged) node).bit;
            if ((seen & bit) != 0) {
                repeated = true;
            }
            seen |= bit;
            node = next;
        }
    }
}
