// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.ctx.ContextCore;
import io.zenmq.internal.ctx.ContextMember;
import java.time.Duration;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A socket opening while its context terminates: {@link ContextCore#register} either refuses
 * it with {@code ETERM} or registers it where {@code terminate()} finds it and wakes it. A socket
 * registered and never woken would let a thread block in a terminated context.
 */
@JCStressTest
@Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "registered, then woken by terminate")
@Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "refused with ETERM")
@Outcome(id = "0, 1", expect = ACCEPTABLE,
        desc = "refused with ETERM after terminate saw it for a moment (a harmless spare wake-up)")
@Outcome(id = "1, 0", expect = FORBIDDEN, desc = "registered but never woken")
@Outcome(expect = FORBIDDEN, desc = "woken twice")
@State
public class RegisterVsTerminateTest {
    private final ContextCore context = new ContextCore(0, Duration.ZERO, Duration.ZERO);
    /** Run on the terminating thread only. */
    private int wakes;
    private final ContextMember socket = () -> wakes++;

    /** A socket's thread: opens (registers) a socket. */
    @Actor
    public void open(II_Result r) {
        try {
            context.register(socket);
            r.r1 = 1;
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.ETERM) {
                throw e;
            }
            r.r1 = 0;
        }
    }

    /** Another thread: terminates the context. */
    @Actor
    public void terminate() {
        context.terminate();
    }

    /** Counts the wake-ups. */
    @Arbiter
    public void arbiter(II_Result r) {
        r.r2 = wakes;
    }
}
