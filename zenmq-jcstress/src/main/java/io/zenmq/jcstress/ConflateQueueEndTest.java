// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.zenmq.internal.pipe.ConflateQueue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;

/**
 * A conflating queue's last message against its end (the peer sends, then closes): the reader
 * sees the message, then the end marker, whichever moment it reads at; and a reader that found
 * nothing is woken (the flush or the end's publication wakes it).
 */
@JCStressTest
@Outcome(id = "-1, 5, -2, 1", expect = ACCEPTABLE, desc = "found nothing and was woken; message, then end")
@Outcome(id = "5, -2, -1, 0", expect = ACCEPTABLE, desc = "took the message; the end follows")
@Outcome(id = "5, -2, -1, 1", expect = ACCEPTABLE,
        desc = "took the message while marking itself asleep; one spare wake-up")
@Outcome(id = "-1, 5, -2, 0", expect = FORBIDDEN, desc = "lost wake-up: the reader sleeps, the message waits")
@Outcome(expect = FORBIDDEN, desc = "the message lost, the end before it, or a second wake-up")
@State
public class ConflateQueueEndTest {
    private final ConflateQueue queue = new ConflateQueue();
    /** Run on the writer's thread only. */
    private int readerWakes;

    /** Wires the wake-up counter. */
    public ConflateQueueEndTest() {
        queue.setWakers(() -> readerWakes++, () -> { });
    }

    /** The writer: one message, then the end. */
    @Actor
    public void writer() {
        queue.write(new byte[] {5}, false);
        queue.flush();
        queue.writeEnd();
    }

    /** The reader: one read. */
    @Actor
    public void reader(IIII_Result r) {
        r.r1 = Frames.firstByte(queue.read());
    }

    /** Two more reads, and the wake-ups. */
    @Arbiter
    public void arbiter(IIII_Result r) {
        r.r2 = Frames.firstByte(queue.read());
        r.r3 = Frames.firstByte(queue.read());
        r.r4 = readerWakes;
    }
}
