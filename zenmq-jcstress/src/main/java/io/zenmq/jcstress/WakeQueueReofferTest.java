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
 * The rule that makes a reusable wake-up node safe: the consumer releases a node before acting on
 * it. A wake-up node is already queued; the producer changes what the node stands for (a pipe's
 * published count) and offers the node again, while the consumer drains, releases and then looks
 * at that state. Either the consumer sees the change, or the offer queued the node again (and the
 * arbiter finds it): the change is never stranded with no wake-up pending.
 */
@JCStressTest
@Outcome(id = "0, 1, 0", expect = ACCEPTABLE, desc = "node still queued; the consumer saw the change")
@Outcome(id = "2, 0, 1", expect = ACCEPTABLE, desc = "queued again after the release; the next drain sees it")
@Outcome(id = "2, 1, 1", expect = ACCEPTABLE, desc = "queued again and seen at once (one spare wake-up)")
@Outcome(id = {"0, 0, 0", "2, 0, 0", "2, 1, 0"}, expect = FORBIDDEN, desc = "lost wake-up: the change is stranded")
@Outcome(expect = FORBIDDEN, desc = "the node queued twice, or offered into a non-empty queue")
@State
public class WakeQueueReofferTest {
    private final MpscWakeQueue queue = new MpscWakeQueue();
    private final MpscWakeQueue.Node wake = new MpscWakeQueue.Node() { };
    /** What the wake-up stands for, published as a pipe publishes its frames. */
    private volatile int published;

    /** The first wake-up is pending. */
    public WakeQueueReofferTest() {
        queue.offer(wake);
    }

    /** The producer: new state, then the wake-up. */
    @Actor
    public void producer(III_Result r) {
        published = 1;
        r.r1 = queue.offer(wake);
    }

    /** The consumer: drain, release, act. */
    @Actor
    public void consumer(III_Result r) {
        MpscWakeQueue.Node node = queue.drain();
        if (node != null) {
            node.release();
        }
        r.r2 = published;
    }

    /** Is a wake-up pending? */
    @Arbiter
    public void arbiter(III_Result r) {
        MpscWakeQueue.Node node = queue.drain();
        r.r3 = node == null ? 0 : node.next() == null ? 1 : 2;
    }
}
