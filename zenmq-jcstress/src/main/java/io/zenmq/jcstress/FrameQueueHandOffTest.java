// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.zenmq.internal.pipe.FrameQueue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A writer publishes one two-frame message while the reader reads twice: the reader sees whole
 * messages only (never the first frame alone) and the bytes the writer put in each frame. The
 * queue is prepared so that the message straddles two chunks: its first frame is the last slot
 * of one chunk, its second the first slot of a chunk the writer links in while the reader runs.
 */
@JCStressTest
@Outcome(id = "-1, -1", expect = ACCEPTABLE, desc = "nothing published yet")
@Outcome(id = "-1, 11", expect = ACCEPTABLE, desc = "published between the reader's two reads")
@Outcome(id = "11, 22", expect = ACCEPTABLE, desc = "the whole message")
@Outcome(id = "11, -1", expect = FORBIDDEN, desc = "half a message published")
@Outcome(expect = FORBIDDEN, desc = "a frame torn, out of order or invented")
@State
public class FrameQueueHandOffTest {
    private final FrameQueue queue = Frames.queueAtChunkEnd(1000);

    /** The writer: both frames, then the flush that publishes them. */
    @Actor
    public void writer() {
        queue.write(new byte[] {11}, true);
        queue.write(new byte[] {22}, false);
        queue.flush();
    }

    /** The reader: two reads, -1 for none. */
    @Actor
    public void reader(II_Result r) {
        r.r1 = Frames.firstByte(queue.read());
        r.r2 = Frames.firstByte(queue.read());
    }
}
