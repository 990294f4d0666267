// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import static io.zenmq.internal.routing.TestPipes.s;
import static io.zenmq.internal.routing.TestPipes.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.pipe.Pipe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fair-queued receipt of whole messages over real pipes, no socket and no thread. */
class FairQueueTest {
    /** A peer with state of its own, as a pattern would keep. */
    private static final class Named extends Peer {
        final String name;

        Named(Pipe pipe, String name) {
            super(pipe);
            this.name = name;
        }
    }

    private final TestPipes pipes = new TestPipes();
    private final TestPipes.Ends ends = new TestPipes.Ends();
    private final FairQueue<Named> queue = new FairQueue<>(ends);

    private Pipe attached(String name) {
        Pipe pipe = pipes.pipe(0);
        queue.attach(new Named(pipe, name));
        return pipe;
    }

    /** Receives every frame available now, as "peer:frame", "|" after each message's last. */
    private List<String> receiveAll() {
        List<String> got = new ArrayList<>();
        byte[] frame;
        while ((frame = queue.recv()) != null) {
            got.add(queue.lastPeer().name + ":" + s(frame));
            if (!queue.more()) {
                got.add("|");
            }
        }
        return got;
    }

    @Test
    void shouldTakeOneMessageFromEachPeerInTurn() {
        Pipe one = attached("one");
        Pipe two = attached("two");
        Pipe three = attached("three");
        send(one.peer(), "a");
        send(one.peer(), "b");
        send(two.peer(), "c");
        send(two.peer(), "d");
        send(three.peer(), "e");
        send(three.peer(), "f");
        assertThat(receiveAll()).containsExactly("one:a", "|", "two:c", "|", "three:e", "|", "one:b", "|", "two:d",
                "|", "three:f", "|");
    }

    @Test
    void shouldDeliverEveryFrameOfAMessageBeforeTheNextPeersTurn() {
        Pipe one = attached("one");
        Pipe two = attached("two");
        send(one.peer(), "a1", "a2", "a3");
        send(two.peer(), "b1", "b2");
        send(one.peer(), "c1");
        assertThat(receiveAll()).containsExactly("one:a1", "one:a2", "one:a3", "|", "two:b1", "two:b2", "|",
                "one:c1", "|");
    }

    @Test
    void shouldNeverHandOutAMessageHalfWritten() {
        Pipe one = attached("one");
        one.peer().write(TestPipes.b("x1"), true);
        one.peer().flush();
        assertThat(queue.hasIn()).isFalse();
        assertThat(queue.recv()).isNull();
        one.peer().write(TestPipes.b("x2"), false);
        one.peer().flush();
        queue.activated(one);
        assertThat(queue.hasIn()).isTrue();
        assertThat(receiveAll()).containsExactly("one:x1", "one:x2", "|");
    }

    @Test
    void shouldReadAPeerFoundEmptyOnlyAfterItIsReadActivated() {
        Pipe one = attached("one");
        assertThat(queue.recv()).isNull();
        send(one.peer(), "late");
        assertThat(pipes.socket.readable).containsExactly(one);
        assertThat(queue.hasIn()).isFalse();
        queue.activated(one);
        assertThat(queue.hasIn()).isTrue();
        assertThat(receiveAll()).containsExactly("one:late", "|");
        assertThat(queue.lastPipe()).isSameAs(one);
    }

    @Test
    void shouldReportAPeerThatEndedAfterItsLastMessage() {
        Pipe one = attached("one");
        Pipe two = attached("two");
        send(one.peer(), "last");
        one.peer().terminate();
        send(two.peer(), "x");
        assertThat(receiveAll()).containsExactly("one:last", "|", "two:x", "|");
        assertThat(ends.ended).containsExactly(one);
        assertThat(one.isInEnded()).isTrue();
    }

    @Test
    void shouldForgetATerminatedPeerAndItsMessageInProgress() {
        Pipe one = attached("one");
        Pipe two = attached("two");
        send(one.peer(), "a1", "a2");
        send(two.peer(), "b");
        assertThat(s(queue.recv())).isEqualTo("a1");
        assertThat(queue.more()).isTrue();
        queue.terminated(one);
        assertThat(queue.more()).isFalse();
        assertThat(receiveAll()).containsExactly("two:b", "|");
        send(one.peer(), "ignored");
        queue.activated(one);
        assertThat(queue.recv()).isNull();
    }

    @Test
    void shouldReadWhicheverOfAThousandEmptyPeersIsWoken() {
        List<Pipe> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            all.add(attached("p" + i));
        }
        assertThat(queue.recv()).isNull();
        for (int i : new int[] {999, 0, 500}) {
            send(all.get(i).peer(), "m");
            queue.activated(all.get(i));
        }
        queue.activated(all.get(7)); // woken with nothing to read: found empty again
        assertThat(receiveAll()).containsExactlyInAnyOrder("p999:m", "|", "p0:m", "|", "p500:m", "|");
        send(all.get(7).peer(), "late");
        queue.activated(all.get(7));
        assertThat(receiveAll()).containsExactly("p7:late", "|");
    }

    @Test
    void shouldFinishTheMessageInProgressWhenAnotherPeerGoesAway() {
        Pipe a = attached("a");
        attached("b");
        Pipe c = attached("c");
        send(a.peer(), "a");
        send(c.peer(), "c1", "c2");
        assertThat(s(queue.recv())).isEqualTo("a");
        assertThat(s(queue.recv())).isEqualTo("c1");
        assertThat(queue.more()).isTrue();
        queue.terminated(a);
        assertThat(receiveAll()).containsExactly("c:c2", "|");
    }

    @Test
    void shouldForgetAnEndedPeerEvenIfWokenAgain() {
        Pipe one = attached("one");
        one.peer().terminate();
        assertThat(queue.recv()).isNull();
        assertThat(ends.ended).containsExactly(one);
        queue.activated(one);
        assertThat(queue.recv()).isNull();
        assertThat(ends.ended).containsExactly(one);
    }
}
