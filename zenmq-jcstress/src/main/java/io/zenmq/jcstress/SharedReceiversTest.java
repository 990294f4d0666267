// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.zenmq.SocketType;
import io.zenmq.internal.ctx.ContextCore;
import io.zenmq.internal.socket.SocketCore;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two threads receive on one thread-safe socket (GATHER): one from the start, the other right
 * after it sent the two messages from a SCATTER over inproc (jcstress runs tests with at most as
 * many threads as cores, two here). Each receiver that finds nothing waits with the lock released, in the waiter's
 * one slot or in its set; the pipe's wake-up unparks all of them, and a receiver that takes a
 * message after handling that mail wakes the others on its way out, since it may have taken the
 * very wake-up they waited for. So both messages are received, one by each thread; a receiver
 * that waits out its (10 s) timeout has slept through a message.
 */
@JCStressTest
@Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE, desc = "one message each")
@Outcome(expect = FORBIDDEN, desc = "lost wake-up (-1: timed out with a message waiting), or a message twice")
@State
public class SharedReceiversTest {
    private final ContextCore context = new ContextCore(0, Duration.ZERO, Duration.ZERO);
    private final SocketCore gather = SocketCore.open(context, SocketType.GATHER);
    private final SocketCore scatter = SocketCore.open(context, SocketType.SCATTER);

    /** Connects the two sockets. */
    public SharedReceiversTest() {
        gather.bind("inproc://jcstress");
        scatter.connect("inproc://jcstress");
    }

    /** A receiver. */
    @Actor
    public void receiver(II_Result r) {
        r.r1 = receive();
    }

    /** The sender: two messages, then it receives on the same GATHER too. */
    @Actor
    public void senderThenReceiver(II_Result r) {
        scatter.send(new byte[] {1}, false, -1);
        scatter.send(new byte[] {2}, false, -1);
        r.r2 = receive();
    }

    /** Releases the sockets. */
    @Arbiter
    public void close() {
        scatter.close();
        gather.close();
        context.terminate();
    }

    private int receive() {
        byte[] frame = gather.recv(Frames.LONG_WAIT_NANOS);
        return frame == null ? Frames.NONE : frame[0];
    }
}
