// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import static io.zenmq.internal.routing.TestPipes.b;
import static io.zenmq.internal.routing.TestPipes.drain;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.pipe.Pipe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Round-robin of whole messages over real pipes, no socket and no thread. */
class LoadBalancerTest {
    private final TestPipes pipes = new TestPipes();
    private final LoadBalancer balancer = new LoadBalancer();

    private Pipe attached(long hwm) {
        Pipe pipe = pipes.pipe(hwm);
        balancer.attach(pipe);
        return pipe;
    }

    @Test
    void shouldSendEachMessageToTheNextPipeInTurn() {
        Pipe one = attached(0);
        Pipe two = attached(0);
        Pipe three = attached(0);
        for (int i = 1; i <= 6; i++) {
            assertThat(balancer.send(b("m" + i), false)).isTrue();
        }
        assertThat(drain(one.peer())).containsExactly("m1", "|", "m4", "|");
        assertThat(drain(two.peer())).containsExactly("m2", "|", "m5", "|");
        assertThat(drain(three.peer())).containsExactly("m3", "|", "m6", "|");
    }

    @Test
    void shouldKeepAllFramesOfAMessageOnOnePipe() {
        Pipe one = attached(0);
        Pipe two = attached(0);
        balancer.send(b("a1"), true);
        assertThat(balancer.lastPipe()).isSameAs(one);
        balancer.send(b("a2"), true);
        balancer.send(b("a3"), false);
        balancer.send(b("b1"), true);
        balancer.send(b("b2"), false);
        assertThat(balancer.lastPipe()).isSameAs(two);
        assertThat(drain(one.peer())).containsExactly("a1", "a2", "a3", "|");
        assertThat(drain(two.peer())).containsExactly("b1", "b2", "|");
    }

    @Test
    void shouldSkipFullPipesUntilTheyAreWriteActivated() {
        Pipe small = attached(1);
        Pipe big = attached(0);
        balancer.send(b("m1"), false);
        balancer.send(b("m2"), false);
        balancer.send(b("m3"), false); // small is full: big takes it
        balancer.send(b("m4"), false);
        assertThat(drain(big.peer())).containsExactly("m2", "|", "m3", "|", "m4", "|");
        assertThat(drain(small.peer())).containsExactly("m1", "|");
        assertThat(pipes.socket.writable).containsExactly(small);

        balancer.activated(small);
        balancer.send(b("m5"), false);
        balancer.send(b("m6"), false);
        assertThat(drain(big.peer())).containsExactly("m5", "|");
        assertThat(drain(small.peer())).containsExactly("m6", "|");
    }

    @Test
    void shouldRefuseWhenEveryPipeIsFull() {
        Pipe only = attached(1);
        assertThat(balancer.hasOut()).isTrue();
        assertThat(balancer.send(b("m1"), false)).isTrue();
        assertThat(balancer.hasOut()).isFalse();
        assertThat(balancer.send(b("m2"), false)).isFalse();
        assertThat(drain(only.peer())).containsExactly("m1", "|");
        balancer.activated(only);
        assertThat(balancer.hasOut()).isTrue();
        assertThat(balancer.send(b("m2"), false)).isTrue();
        assertThat(drain(only.peer())).containsExactly("m2", "|");
    }

    @Test
    void shouldRefuseWithNoPipeAtAll() {
        assertThat(balancer.hasOut()).isFalse();
        assertThat(balancer.send(b("m"), false)).isFalse();
    }

    @Test
    void shouldDropTheRestOfAMessageWhosePipeWentAway() {
        Pipe gone = attached(0);
        Pipe staying = attached(0);
        balancer.send(b("a1"), true);
        balancer.terminated(gone);
        assertThat(balancer.hasOut()).isTrue();
        assertThat(balancer.send(b("a2"), true)).isTrue();
        assertThat(balancer.send(b("a3"), false)).isTrue();
        balancer.send(b("b"), false);
        assertThat(drain(gone.peer())).isEmpty();
        assertThat(drain(staying.peer())).containsExactly("b", "|");
    }

    @Test
    void shouldKeepTheTurnWhenAnEarlierPipeGoesAway() {
        Pipe one = attached(0);
        Pipe two = attached(0);
        Pipe three = attached(0);
        balancer.send(b("m1"), false);
        balancer.send(b("m2"), false); // the turn is three's now
        balancer.terminated(one);
        balancer.send(b("m3"), false);
        balancer.send(b("m4"), false);
        assertThat(drain(three.peer())).containsExactly("m3", "|");
        assertThat(drain(two.peer())).containsExactly("m2", "|", "m4", "|");
    }

    @Test
    void shouldGiveEachRemainingPipeOneMessagePerTurnAfterFullAndEndedPipesLeave() {
        List<Pipe> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(attached(i % 3 == 0 ? 1 : 0)); // pipes 0, 3 and 6 hold one message
        }
        for (int i = 0; i < 8; i++) {
            balancer.send(b("first"), false); // one each: 0, 3 and 6 are full now
        }
        balancer.terminated(all.get(3)); // a full pipe goes away
        balancer.terminated(all.get(4)); // and an active one
        List<Pipe> open = List.of(all.get(1), all.get(2), all.get(5), all.get(7));
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < open.size(); i++) {
                assertThat(balancer.send(b("r" + round), false)).isTrue();
            }
        }
        for (Pipe pipe : open) {
            assertThat(drain(pipe.peer())).containsExactly("first", "|", "r0", "|", "r1", "|", "r2", "|");
        }
        for (int i : new int[] {0, 3, 4, 6}) {
            assertThat(drain(all.get(i).peer())).containsExactly("first", "|");
        }

        balancer.activated(all.get(6)); // room again: back in turn, once per round like the others
        balancer.activated(all.get(3)); // ended: stays out
        for (int i = 0; i < 5; i++) {
            balancer.send(b("r3"), false);
        }
        assertThat(drain(all.get(6).peer())).containsExactly("r3", "|");
        for (Pipe pipe : open) {
            assertThat(drain(pipe.peer())).containsExactly("r3", "|");
        }
        assertThat(drain(all.get(3).peer())).isEmpty();
    }

    @Test
    void shouldReachEveryPipeAgainOnceAllWereFull() {
        List<Pipe> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(attached(1));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(balancer.send(b("m"), false)).isTrue();
        }
        assertThat(balancer.send(b("refused"), false)).isFalse();
        for (int i = 4; i >= 0; i--) { // drained and woken in the reverse order
            assertThat(drain(all.get(i).peer())).containsExactly("m", "|");
            balancer.activated(all.get(i));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(balancer.send(b("again"), false)).isTrue();
        }
        for (Pipe pipe : all) {
            assertThat(drain(pipe.peer())).containsExactly("again", "|");
        }
    }
}
