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
 * A stream of {@value #MESSAGES} messages, flushed in batches of three, crosses two chunk
 * boundaries while the reader drains it: the chunk the reader empties goes back to the writer
 * through the spare ring while the writer may be taking a spare for its next chunk. Whatever the
 * interleaving, every message arrives once, in order, and no recycled slot shows a stale frame.
 */
@JCStressTest
@Outcome(id = {"1, 0", "1, 1", "1, 2"}, expect = ACCEPTABLE,
        desc = "all messages once and in order (the reader took none, some, or all of them)")
@Outcome(expect = FORBIDDEN, desc = "a message lost, repeated, reordered or stale")
@State
public class FrameQueueStreamTest {
    private static final int MESSAGES = 2 * Frames.CHUNK_SIZE + 10;

    private final FrameQueue queue = Frames.queueAtChunkEnd(0);
    /** The next message expected; reader, then arbiter. */
    private int next;
    private boolean broken;

    /** The writer: numbered single-frame messages, flushed every third. */
    @Actor
    public void writer() {
        for (int i = 0; i < MESSAGES; i++) {
            queue.write(new byte[] {(byte) i, (byte) (i >> 8)}, false);
            if (i % 3 == 2) {
                queue.flush();
            }
        }
        queue.flush();
    }

    /** The reader: takes what is published, as often as there are messages, never waiting. */
    @Actor
    public void reader(II_Result r) {
        for (int i = 0; i < MESSAGES; i++) {
            take(queue.read());
        }
        r.r2 = next == 0 ? 0 : next < MESSAGES ? 1 : 2;
    }

    /** Reads the rest and checks the whole stream. */
    @Arbiter
    public void arbiter(II_Result r) {
        byte[] frame;
        while ((frame = queue.read()) != null) {
            take(frame);
        }
        r.r1 = !broken && next == MESSAGES ? 1 : 0;
    }

    private void take(byte[] frame) {
        if (frame == null) {
            return;
        }
        int number = (frame[0] & 0xff) | (frame[1] & 0xff) << 8;
        if (number != next) {
            broken = true;
        }
        next++;
    }
}
