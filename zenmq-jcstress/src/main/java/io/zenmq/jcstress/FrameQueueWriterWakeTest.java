// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.zenmq.internal.pipe.FrameQueue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * The high-water mark's counters and the writer's wake-up. The queue (HWM 3, so the reader
 * reports every second message) starts full; the writer adds messages while they fit and stops
 * at the first refusal, while the reader takes two. The writer never holds more than the HWM,
 * and a writer left asleep on a queue that is no longer full has been woken.
 */
@JCStressTest
@Outcome(id = {"0, 1", "1, 1"}, expect = ACCEPTABLE,
        desc = "refused while full, then woken when the reader freed room")
@Outcome(id = {"2, 0", "2, 1"}, expect = ACCEPTABLE,
        desc = "filled the room freed, refused again at the HWM (woken once, or not yet due)")
@Outcome(id = {"0, 0", "1, 0"}, expect = FORBIDDEN, desc = "lost wake-up: room freed, the writer sleeps on")
@Outcome(expect = FORBIDDEN, desc = "more messages than the HWM, or more than one wake-up")
@State
public class FrameQueueWriterWakeTest {
    private static final int HWM = 3;

    private final FrameQueue queue = new FrameQueue(HWM);
    /** Run on the reader's thread only. */
    private int writerWakes;

    /** Fills the queue to its HWM. */
    public FrameQueueWriterWakeTest() {
        queue.setWakers(() -> { }, () -> writerWakes++);
        for (int i = 0; i < HWM; i++) {
            queue.write(new byte[] {1}, false);
        }
        queue.flush();
    }

    /** The writer: one more message at a time while the queue takes them (at most three tries). */
    @Actor
    public void writer(II_Result r) {
        int accepted = 0;
        for (int i = 0; i < 3 && queue.checkWritable(); i++) {
            queue.write(new byte[] {2}, false);
            queue.flush();
            accepted++;
        }
        r.r1 = accepted;
    }

    /** The reader: two messages. */
    @Actor
    public void reader() {
        queue.read();
        queue.read();
    }

    /** Counts the wake-ups. */
    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = writerWakes;
    }
}
