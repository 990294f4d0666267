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
 * {@link MpscWakeQueue}: two producers offer one node each at the same time (their CAS on the
 * head race); the consumer then drains. Exactly one offer finds the queue empty and reports
 * {@code QUEUED_FIRST} (the one that wakes the consumer), and both nodes come out once, oldest
 * first: the one that reported {@code QUEUED_FIRST} comes first.
 */
@JCStressTest
@Outcome(id = {"1, 2, 0", "1, 0, 2"}, expect = ACCEPTABLE,
        desc = "both nodes once; one wake-up, by the node that came out first")
@Outcome(expect = FORBIDDEN, desc = "a node lost or repeated, no or two wake-ups, or out of offer order")
@State
public class WakeQueueProducersTest {
    private final MpscWakeQueue queue = new MpscWakeQueue();
    private final MpscWakeQueue.Node a = new MpscWakeQueue.Node() { };
    private final MpscWakeQueue.Node b = new MpscWakeQueue.Node() { };
    /** What each offer returned; its producer only, then the arbiter. */
    private int offerA;
    private int offerB;

    /** First producer. */
    @Actor
    public void producerA() {
        offerA = queue.offer(a);
    }

    /** Second producer. */
    @Actor
    public void producerB() {
        offerB = queue.offer(b);
    }

    /** The consumer drains: were both there, once, the first-reported first? */
    @Arbiter
    public void consumer(III_Result r) {
        MpscWakeQueue.Node first = queue.drain();
        MpscWakeQueue.Node second = first == null ? null : first.next();
        boolean both = second != null && second.next() == null && first != second;
        boolean ordered = first == a && offerA == MpscWakeQueue.QUEUED_FIRST
                || first == b && offerB == MpscWakeQueue.QUEUED_FIRST;
        r.r1 = both && ordered ? 1 : 0;
        // QUEUED_FIRST as 2 and QUEUED as 0, so that the outcome reads as "which one woke"
        r.r2 = code(offerA);
        r.r3 = code(offerB);
    }

    private static int code(int offer) {
        return offer == MpscWakeQueue.QUEUED_FIRST ? 2 : offer == MpscWakeQueue.QUEUED ? 0 : -1;
    }
}
