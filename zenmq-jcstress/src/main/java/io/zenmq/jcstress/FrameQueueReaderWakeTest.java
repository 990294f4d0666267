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
 * The reader's sleep mark against the writer's flush: a reader that found the queue empty (and so
 * will wait for a wake-up) is woken by the flush that publishes the next message, exactly once.
 * A lost wake-up leaves a socket blocked with a message in its pipe.
 */
@JCStressTest
@Outcome(id = "-1, 1", expect = ACCEPTABLE, desc = "found it empty, then woken by the flush")
@Outcome(id = "7, 0", expect = ACCEPTABLE, desc = "read the message, no wake-up needed")
@Outcome(id = "7, 1", expect = ACCEPTABLE,
        desc = "read it while marking itself asleep; the flush saw the mark first (one spare wake-up)")
@Outcome(id = "-1, 0", expect = FORBIDDEN, desc = "lost wake-up: the reader sleeps, the message waits")
@Outcome(expect = FORBIDDEN, desc = "more than one wake-up, or a wrong frame")
@State
public class FrameQueueReaderWakeTest {
    private final FrameQueue queue = new FrameQueue(1000);
    /** Run on the writer's thread only. */
    private int readerWakes;

    /** Wires the wake-up counter. */
    public FrameQueueReaderWakeTest() {
        queue.setWakers(() -> readerWakes++, () -> { });
    }

    /** The writer: one message. */
    @Actor
    public void writer() {
        queue.write(new byte[] {7}, false);
        queue.flush();
    }

    /** The reader: one read. */
    @Actor
    public void reader(II_Result r) {
        r.r1 = Frames.firstByte(queue.read());
    }

    /** Counts the wake-ups. */
    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = readerWakes;
    }
}
