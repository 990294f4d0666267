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
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * {@code ZMQ_CONFLATE}: the writer publishes two two-frame messages, A = [1, 11] then B = [2, 12],
 * while the reader takes one message; the arbiter then takes what is left. The reader sees a
 * whole message or none; B, the newest, is never lost; A is never seen after B. The two
 * {@code Message} objects travel between the sides (published, spare, reused), so a frame of one
 * message inside the other would show here.
 */
@JCStressTest
@Outcome(id = "0, 2, 0", expect = ACCEPTABLE, desc = "nothing yet; B, the newest, left for later")
@Outcome(id = "1, 2, 0", expect = ACCEPTABLE, desc = "took A; B published after")
@Outcome(id = "2, 0, 0", expect = ACCEPTABLE, desc = "took B; A conflated away")
@Outcome(expect = FORBIDDEN, desc = "a torn message, B lost, A after B, or a message twice")
@State
public class ConflateQueueNewestTest {
    private static final int TORN = 9;

    private final ConflateQueue queue = new ConflateQueue();

    /** The writer: A, then B, each published at once. */
    @Actor
    public void writer() {
        queue.write(new byte[] {1}, true);
        queue.write(new byte[] {11}, false);
        queue.flush();
        queue.write(new byte[] {2}, true);
        queue.write(new byte[] {12}, false);
        queue.flush();
    }

    /** The reader: one message if there is one. */
    @Actor
    public void reader(III_Result r) {
        r.r1 = takeMessage();
    }

    /** What is left: at most one message, then nothing. */
    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = takeMessage();
        r.r3 = takeMessage();
    }

    /** Reads one two-frame message: 1 for A, 2 for B, 0 for none, {@value #TORN} for anything else. */
    private int takeMessage() {
        int first = Frames.firstByte(queue.read());
        if (first == Frames.NONE) {
            return 0;
        }
        boolean moreAfterFirst = queue.lastMore();
        int second = Frames.firstByte(queue.read());
        if (!moreAfterFirst || queue.lastMore() || second != first + 10 || (first != 1 && first != 2)) {
            return TORN;
        }
        return first;
    }
}
