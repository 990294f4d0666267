// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

/**
 * A socket's thread parks in {@link Waiter#await} (no timeout) until its mailbox has something,
 * while another thread posts a command: the waiter announces itself before it re-checks the
 * mailbox, and the post that makes the mailbox non-empty unparks it, so the wait always ends.
 */
@JCStressTest(Mode.Termination)
@Outcome(id = "TERMINATED", expect = ACCEPTABLE, desc = "the post woke the waiting thread")
@Outcome(id = "STALE", expect = FORBIDDEN, desc = "lost wake-up: parked forever with mail")
@State
public class WaiterParkVsPostTest {
    private final Mailbox mailbox = new Mailbox();
    private final Waiter waiter = new Waiter(mailbox, 0, () -> { }, false);

    /** The socket's thread: waits until mail came (a spurious unpark just waits again). */
    @Actor
    public void socket() {
        while (mailbox.isEmpty()) {
            waiter.await(-1, 0);
        }
    }

    /** Another thread: one command. */
    @Signal
    public void post() {
        waiter.post(new Mailbox.Command(Mailbox.Kind.CONNECTED, null));
    }
}
