// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import static io.zenmq.internal.routing.TestPipes.b;
import static io.zenmq.internal.routing.TestPipes.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import org.junit.jupiter.api.Test;

/** Fan-out of whole messages to selected pipes over real pipes, no socket and no thread. */
class DistributorTest {
    private final TestPipes pipes = new TestPipes();
    private final Distributor distributor = new Distributor();

    private boolean sendLast(String frame, boolean invert, boolean noDrop) {
        return distributor.send(b(frame), 0, invert, noDrop);
    }

    @Test
    void shouldSendOnlyToTheSelectedTargets() {
        Pipe one = pipes.pipe(0);
        Pipe two = pipes.pipe(0);
        Pipe three = pipes.pipe(0);
        Distributor.Target first = distributor.attach(one);
        distributor.attach(two);
        Distributor.Target third = distributor.attach(three);
        assertThat(distributor.target(two).pipe()).isSameAs(two);

        distributor.beginSelection();
        distributor.select(first);
        distributor.select(third);
        distributor.select(third);
        assertThat(sendLast("m", false, false)).isTrue();

        assertThat(drain(one.peer())).containsExactly("m", "|");
        assertThat(drain(two.peer())).isEmpty();
        assertThat(drain(three.peer())).containsExactly("m", "|");
    }

    @Test
    void shouldSendToTheOthersWhenInverted() {
        Pipe one = pipes.pipe(0);
        Pipe two = pipes.pipe(0);
        distributor.beginSelection();
        distributor.select(distributor.attach(one));
        distributor.attach(two);
        sendLast("m", true, false);
        assertThat(drain(one.peer())).isEmpty();
        assertThat(drain(two.peer())).containsExactly("m", "|");
    }

    @Test
    void shouldForgetTheSelectionOfThePreviousMessage() {
        Pipe one = pipes.pipe(0);
        distributor.beginSelection();
        distributor.select(distributor.attach(one));
        sendLast("first", false, false);
        distributor.beginSelection();
        sendLast("second", false, false);
        assertThat(drain(one.peer())).containsExactly("first", "|");
    }

    @Test
    void shouldSendToEveryPipeWhenAllAreSelected() {
        Pipe one = pipes.pipe(0);
        Pipe two = pipes.pipe(0);
        distributor.attach(one);
        distributor.attach(two);
        distributor.selectAll();
        sendLast("m", false, false);
        assertThat(drain(one.peer())).containsExactly("m", "|");
        assertThat(drain(two.peer())).containsExactly("m", "|");
    }

    @Test
    void shouldGiveEachRecipientItsOwnCopy() {
        Pipe one = pipes.pipe(0);
        Pipe two = pipes.pipe(0);
        distributor.attach(one);
        distributor.attach(two);
        distributor.selectAll();
        byte[] frame = b("m");
        distributor.send(frame, 0, false, false);
        byte[] first = one.peer().read();
        byte[] second = two.peer().read();
        assertThat(first).isSameAs(frame);
        assertThat(second).isNotSameAs(frame).isEqualTo(frame);
    }

    @Test
    void shouldDropTheMessageForAFullRecipientOnly() {
        Pipe full = pipes.pipe(1);
        Pipe roomy = pipes.pipe(0);
        distributor.attach(full);
        distributor.attach(roomy);
        distributor.selectAll();
        sendLast("m1", false, false);
        distributor.selectAll();
        assertThat(sendLast("m2", false, false)).isTrue();
        assertThat(drain(full.peer())).containsExactly("m1", "|");
        assertThat(drain(roomy.peer())).containsExactly("m1", "|", "m2", "|");
    }

    @Test
    void shouldSendNothingWithNoDropWhileARecipientIsFull() {
        Pipe full = pipes.pipe(1);
        Pipe roomy = pipes.pipe(0);
        distributor.attach(full);
        distributor.attach(roomy);
        distributor.selectAll();
        sendLast("m1", false, true);
        distributor.selectAll();
        assertThat(sendLast("m2", false, true)).isFalse();
        assertThat(distributor.isMidMessage()).isFalse();
        assertThat(drain(roomy.peer())).containsExactly("m1", "|");
        assertThat(drain(full.peer())).containsExactly("m1", "|");
        distributor.selectAll();
        assertThat(sendLast("m2", false, true)).isTrue();
        assertThat(drain(full.peer())).containsExactly("m2", "|");
        assertThat(drain(roomy.peer())).containsExactly("m2", "|");
    }

    @Test
    void shouldFixTheRecipientsAtTheFirstFrame() {
        Pipe one = pipes.pipe(0);
        Pipe two = pipes.pipe(0);
        Distributor.Target first = distributor.attach(one);
        Distributor.Target second = distributor.attach(two);
        distributor.beginSelection();
        distributor.select(first);
        distributor.send(b("a1"), FrameQueue.FLAG_MORE, false, false);
        assertThat(distributor.isMidMessage()).isTrue();
        distributor.beginSelection();
        distributor.select(second);
        distributor.send(b("a2"), 0, false, false);
        assertThat(distributor.isMidMessage()).isFalse();
        assertThat(drain(one.peer())).containsExactly("a1", "a2", "|");
        assertThat(drain(two.peer())).isEmpty();
    }

    @Test
    void shouldStopSendingToARecipientThatWentAwayMidMessage() {
        Pipe gone = pipes.pipe(0);
        Pipe staying = pipes.pipe(0);
        distributor.attach(gone);
        distributor.attach(staying);
        distributor.selectAll();
        distributor.send(b("a1"), FrameQueue.FLAG_MORE, false, false);
        distributor.terminated(gone);
        assertThat(distributor.target(gone)).isNull();
        distributor.send(b("a2"), 0, false, false);
        distributor.selectAll();
        sendLast("b", false, false);
        assertThat(drain(gone.peer())).isEmpty();
        assertThat(drain(staying.peer())).containsExactly("a1", "a2", "|", "b", "|");
    }

    @Test
    void shouldGiveEveryWireRecipientTheSameArrayAndEveryInprocOneACopy() {
        Pipe wireOne = pipes.wirePipe(0);
        Pipe inproc = pipes.pipe(0);
        Pipe wireTwo = pipes.wirePipe(0);
        distributor.attach(wireOne);
        distributor.attach(inproc);
        distributor.attach(wireTwo);
        distributor.selectAll();
        byte[] first = b("a1");
        byte[] last = b("a2");
        distributor.send(first, FrameQueue.FLAG_MORE, false, false);
        distributor.send(last, 0, false, false);

        assertThat(wireOne.peer().read()).isSameAs(first);
        assertThat(wireOne.peer().read()).isSameAs(last);
        assertThat(wireTwo.peer().read()).isSameAs(first);
        assertThat(wireTwo.peer().read()).isSameAs(last);
        byte[] copy = inproc.peer().read();
        assertThat(copy).isNotSameAs(first).isEqualTo(first);
        assertThat(inproc.peer().read()).isNotSameAs(last).isEqualTo(last);
    }

    @Test
    void shouldHandTheArrayItselfToTheOnlyInprocRecipientOnceNoWireRecipientRemains() {
        Pipe wire = pipes.wirePipe(0);
        Pipe inproc = pipes.pipe(0);
        distributor.attach(wire);
        distributor.attach(inproc);
        distributor.selectAll();
        distributor.send(b("a1"), FrameQueue.FLAG_MORE, false, false);
        distributor.terminated(wire);
        byte[] last = b("a2");
        distributor.send(last, 0, false, false);
        distributor.selectAll();
        byte[] next = b("b");
        distributor.send(next, 0, false, false);

        assertThat(drain(wire.peer())).isEmpty(); // a message cut short never becomes readable
        inproc.peer().read();
        assertThat(inproc.peer().read()).isSameAs(last);
        assertThat(inproc.peer().read()).isSameAs(next);
    }

    @Test
    void shouldHandTheArrayToTheFirstInprocRecipientWhenTheOnlyWireOneIsFull() {
        Pipe full = pipes.wirePipe(1);
        Pipe inprocOne = pipes.pipe(0);
        Pipe inprocTwo = pipes.pipe(0);
        distributor.attach(full);
        distributor.attach(inprocOne);
        distributor.attach(inprocTwo);
        distributor.selectAll();
        sendLast("m1", false, false);
        distributor.selectAll();
        byte[] second = b("m2");
        distributor.send(second, 0, false, false);

        assertThat(drain(full.peer())).containsExactly("m1", "|");
        inprocOne.peer().read();
        inprocTwo.peer().read();
        assertThat(inprocOne.peer().read()).isSameAs(second);
        assertThat(inprocTwo.peer().read()).isNotSameAs(second).isEqualTo(second);
    }

    @Test
    void shouldReachEveryOneOfAThousandTargets() {
        Pipe[] all = new Pipe[1000];
        for (int i = 0; i < all.length; i++) {
            all[i] = i % 10 == 0 ? pipes.pipe(0) : pipes.wirePipe(0);
            distributor.attach(all[i]);
        }
        for (int round = 0; round < 3; round++) {
            distributor.selectAll();
            sendLast("m" + round, false, false);
        }
        for (Pipe pipe : all) {
            assertThat(drain(pipe.peer())).containsExactly("m0", "|", "m1", "|", "m2", "|");
        }
    }
}
