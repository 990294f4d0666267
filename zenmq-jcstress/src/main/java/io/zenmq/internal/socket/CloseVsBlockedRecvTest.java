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
 * A thread-safe socket (CLIENT) closed by one thread while another blocks in a receive: the
 * receiver waits with the socket's lock released ({@link Waiter#awaitUnlocked}); close takes the
 * lock, closes, and wakes the waiters on its way out, so the receive ends with {@code ENOTSOCK}
 * whether it parked before or after the close.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "recv ended with ENOTSOCK")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "recv stays blocked on a closed socket")
@State
public class CloseVsBlockedRecvTest {
    private final ContextCore context = new ContextCore(0, Duration.ZERO, Duration.ZERO);
    private final SocketCore socket = SocketCore.open(context, SocketType.CLIENT);

    /** One thread: a receive without timeout. */
    @Actor
    public void receive() {
        try {
            socket.recv(-1);
            throw new IllegalStateException("received a message nobody sent");
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.ENOTSOCK) {
                throw e;
            }
        }
    }

    /** Another thread: closes the socket. */
    @Signal
    public void close() {
        socket.close();
    }
}
