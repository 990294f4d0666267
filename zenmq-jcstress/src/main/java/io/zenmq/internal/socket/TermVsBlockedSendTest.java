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
 * As {@link TermVsBlockedRecvTest}, for a send that blocks: a PUSH socket with no peer waits for
 * one, and terminating the context ends that wait with {@code ETERM}.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "send ended with ETERM")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "send stays blocked in a terminated context")
@State
public class TermVsBlockedSendTest {
    private final ContextCore context = new ContextCore(0, Duration.ZERO, Duration.ZERO);
    private final SocketCore socket = SocketCore.open(context, SocketType.PUSH);

    /** The socket's thread: a send without timeout. */
    @Actor
    public void send() {
        try {
            socket.send(new byte[] {1}, false, -1);
            throw new IllegalStateException("sent to no peer");
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
