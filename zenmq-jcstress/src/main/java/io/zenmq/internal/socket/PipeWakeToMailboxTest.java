// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import io.zenmq.internal.queue.MpscWakeQueue;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * The whole wake-up chain of an inproc message: the peer writes and flushes a pipe whose reader
 * (the socket) had found it empty; the flush finds the reader's mark and posts the pipe's
 * reusable read wake-up through the socket's {@link Waiter} into its {@link Mailbox}, as
 * {@code SocketInbox.pipeReadable} does. Meanwhile the socket handles its mailbox and reads the
 * pipe only when woken, as its pattern does for a pipe it had set aside. The message is read by
 * the socket, or a wake-up for it is pending: never stranded without one.
 */
@JCStressTest
@Outcome(id = "7, 0, -1", expect = ACCEPTABLE, desc = "woken, read it")
@Outcome(id = "-3, 1, 7", expect = ACCEPTABLE, desc = "not woken yet: the wake-up is pending with the message")
@Outcome(id = "-3, 0, 7", expect = FORBIDDEN, desc = "lost wake-up: the message waits, the socket sleeps")
@Outcome(expect = FORBIDDEN, desc = "a wake-up without a message, a second wake-up, or a wrong frame")
@State
public class PipeWakeToMailboxTest {
    private static final int NOT_WOKEN = -3;

    private final Mailbox mailbox = new Mailbox();
    private final Waiter waiter = new Waiter(mailbox, 0, () -> { }, false);
    private final Pipe peer;
    private final Pipe socket;

    /** A pipe the socket has found empty. */
    public PipeWakeToMailboxTest() {
        PipeListener socketSide = new PipeListener() {
            @Override
            public void pipeReadable(Pipe pipe) {
                waiter.post(pipe.readWake());
            }

            @Override
            public void pipeWritable(Pipe pipe) {
                waiter.post(pipe.writeWake());
            }
        };
        PipeListener peerSide = new PipeListener() {
            @Override
            public void pipeReadable(Pipe pipe) {
            }

            @Override
            public void pipeWritable(Pipe pipe) {
            }
        };
        Pipe[] ends = Pipe.pair(peerSide, 1000, socketSide, 1000);
        peer = ends[0];
        socket = ends[1];
        if (socket.read() != null) {
            throw new IllegalStateException("the pipe should be empty");
        }
    }

    /** The peer: one message. */
    @Actor
    public void peer() {
        peer.write(new byte[] {7}, false);
        peer.flush();
    }

    /** The socket: handles its mailbox, reads the pipe if it was woken for it. */
    @Actor
    public void socket(III_Result r) {
        MpscWakeQueue.Node node = mailbox.poll();
        r.r1 = node == socket.readWake() ? firstByte(socket.read()) : NOT_WOKEN;
    }

    /** Is a wake-up pending, and what is left in the pipe? */
    @Arbiter
    public void arbiter(III_Result r) {
        r.r2 = mailbox.poll() == socket.readWake() ? 1 : 0;
        if (!mailbox.isEmpty()) {
            r.r2 = 2;
        }
        r.r3 = firstByte(socket.read());
    }

    private static int firstByte(byte[] frame) {
        return frame == null ? -1 : frame[0];
    }
}
