// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link TimerQueue} against a plain sorted list: random adds, cancels, resets, interval changes and
 * passes over the due timers must fire the same timers in the same order.
 */
class TimerQueuePropertyTest {

    @Property(tries = 200)
    void shouldFireWhatASortedListFires(@ForAll long seed) {
        Random random = new Random(seed);
        TimerQueue<Integer> queue = new TimerQueue<>();
        List<TimerQueue.Entry<Integer>> entries = new ArrayList<>();
        List<Model> model = new ArrayList<>();
        long now = random.nextLong();
        long stampCount = 0;
        for (int step = 0; step < 300; step++) {
            int op = random.nextInt(10);
            if (op < 4 || entries.isEmpty()) {
                long interval = random.nextInt(1000);
                boolean repeating = random.nextBoolean();
                entries.add(queue.add(now, interval, repeating, entries.size()));
                model.add(new Model(entries.size() - 1, interval, repeating, now + interval, stampCount++));
            } else if (op == 4) {
                int i = random.nextInt(entries.size());
                queue.cancel(entries.get(i));
                model.get(i).armed = false;
            } else if (op == 5) {
                int i = random.nextInt(entries.size());
                queue.reset(entries.get(i), now);
                model.get(i).arm(now, stampCount++);
            } else if (op == 6) {
                int i = random.nextInt(entries.size());
                long interval = random.nextInt(1000);
                queue.changeInterval(entries.get(i), interval, now);
                model.get(i).interval = interval;
                model.get(i).arm(now, stampCount++);
            } else {
                now += random.nextInt(600);
                List<Integer> fired = new ArrayList<>();
                long stamp = queue.passStamp();
                TimerQueue.Entry<Integer> due;
                while ((due = queue.pollDue(now, stamp)) != null) {
                    fired.add(due.payload());
                }
                List<Integer> expected = new ArrayList<>();
                long passStamp = stampCount;
                Model next;
                while ((next = firstDue(model, now, passStamp)) != null) {
                    expected.add(next.id);
                    if (next.repeating) {
                        next.arm(now, stampCount++);
                    } else {
                        next.armed = false;
                    }
                }
                assertThat(fired).as("seed %d step %d", seed, step).isEqualTo(expected);
            }
            long armed = model.stream().filter(m -> m.armed).count();
            assertThat(queue.size()).as("seed %d", seed).isEqualTo(armed);
            long now0 = now;
            long expectedWait = model.stream().filter(m -> m.armed)
                    .mapToLong(m -> Math.max(0, m.deadline - now0)).min().orElse(-1);
            assertThat(queue.nanosUntilNext(now)).as("seed %d", seed).isEqualTo(expectedWait);
        }
    }

    private static Model firstDue(List<Model> model, long now, long passStamp) {
        return model.stream().filter(m -> m.armed && m.deadline - now <= 0 && m.stamp < passStamp)
                .min(Comparator.comparingLong((Model m) -> m.deadline - now).thenComparingLong(m -> m.stamp))
                .orElse(null);
    }

    /** The expected state of one timer. */
    private static final class Model {
        final int id;
        final boolean repeating;
        long interval;
        long deadline;
        long stamp;
        boolean armed = true;

        Model(int id, long interval, boolean repeating, long deadline, long stamp) {
            this.id = id;
            this.interval = interval;
            this.repeating = repeating;
            this.deadline = deadline;
            this.stamp = stamp;
        }

        void arm(long now, long newStamp) {
            deadline = now + interval;
            stamp = newStamp;
            armed = true;
        }
    }
}
