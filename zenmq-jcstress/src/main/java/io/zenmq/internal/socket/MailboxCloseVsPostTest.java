// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.zenmq.internal.queue.MpscWakeQueue;
import java.util.List;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * A socket closing while an I/O thread hands it two new pipes ({@code ATTACH} commands): the
 * socket handles one command, then closes its {@link Mailbox}. Each post is either accepted, and then the
 * command reaches the socket exactly once (handled, or handed back by close so that its pipe is
 * ended), or refused, and then the poster ends the pipe itself. A command accepted and never seen
 * would leak a pipe (and its connection) forever.
 */
@JCStressTest
@Outcome(id = {"1, 1", "1, 2", "2, 2"}, expect = ACCEPTABLE,
        desc = "each command reached the socket once (1), or was refused and never seen (2)")
@Outcome(id = "2, 1", expect = FORBIDDEN, desc = "the first command refused, the second accepted after it")
@Outcome(expect = FORBIDDEN, desc = "accepted but lost or seen twice, or refused but seen")
@State
public class MailboxCloseVsPostTest {
    private static final int DELIVERED = 1;
    private static final int REFUSED = 2;
    private static final int BROKEN = 0;

    private final Mailbox mailbox = new Mailbox();
    private final Mailbox.Command first = new Mailbox.Command(Mailbox.Kind.ATTACH, null);
    private final Mailbox.Command second = new Mailbox.Command(Mailbox.Kind.ATTACH, null);
    private int firstPost;
    private int secondPost;
    /** Socket thread, then arbiter. */
    private int firstSeen;
    private int secondSeen;

    /** The I/O thread: two pipes, one after the other. */
    @Actor
    public void poster() {
        firstPost = mailbox.post(first);
        secondPost = mailbox.post(second);
    }

    /** The socket: handles one command if there is one, then closes. */
    @Actor
    public void socket() {
        see(mailbox.poll());
        List<MpscWakeQueue.Node> rest = mailbox.close();
        for (MpscWakeQueue.Node node : rest) {
            see(node);
        }
    }

    /** Checks each command against its post. */
    @Arbiter
    public void arbiter(II_Result r) {
        r.r1 = verdict(firstPost, firstSeen);
        r.r2 = verdict(secondPost, secondSeen);
    }

    private void see(MpscWakeQueue.Node node) {
        if (node == first) {
            firstSeen++;
        } else if (node == second) {
            secondSeen++;
        }
    }

    private static int verdict(int post, int seen) {
        if (post == MpscWakeQueue.REFUSED) {
            return seen == 0 ? REFUSED : BROKEN;
        }
        return post >= 0 && seen == 1 ? DELIVERED : BROKEN;
    }
}
