// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.zenmq.ErrorCode;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import io.zenmq.internal.ctx.ContextCore;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * The context's termination flag against a receive that blocks forever: {@code terminate()} sets
 * the flag and wakes every socket; the receiving thread checks the flag after announcing itself
 * as the waiter and before parking, so whichever comes first, the receive ends with {@code ETERM}.
 * The context has no I/O threads, so each sample is a real context and a real PULL socket.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "recv ended with ETERM")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "recv stays blocked in a terminated context")
@State
public class TermVsBlockedRecvTest {
    private final ContextCore context = new ContextCore(0, Duration.ZERO, Duration.ZERO);
    private final SocketCore socket = SocketCore.open(context, SocketType.PULL);

    /** The socket's thread: a receive without timeout. */
    @Actor
    public void receive() {
        try {
            socket.recv(-1);
            throw new IllegalStateException("received a message nobody sent");
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.ETERM) {
                throw e;
            }
        }
    }

    /** Another thread: ends the context. */
    @Signal
    public void terminate() {
        context.terminate();
    }
}
