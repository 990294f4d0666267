// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Timers} on a clock the test moves by hand: no thread, no sleep. */
class TimersTest {
    /** Far past what nanoseconds in a long can hold. */
    private static final Duration FOREVER = Duration.ofDays(365L * 1000);

    private long now = 1_000_000_000L;
    private final Timers timers = Timers.create(() -> now);
    private final List<String> fired = new ArrayList<>();

    private void advance(Duration by) {
        now += by.toNanos();
    }

    private Timers.Handler record(String name) {
        return timer -> fired.add(name);
    }

    @Test
    void shouldReportNoTimeoutWithoutTimers() {
        assertThat(timers.timeout()).isEqualTo(Option.INFINITE);
        assertThat(timers.timeoutNanos()).isEqualTo(-1);
        assertThat(timers.execute()).isZero();
    }

    @Test
    void shouldFireAOneShotTimerOnceWhenDue() {
        Timers.Timer timer = timers.once(Duration.ofMillis(50), record("a"));

        assertThat(timers.timeout()).isEqualTo(Duration.ofMillis(50));
        advance(Duration.ofMillis(49));
        assertThat(timers.execute()).isZero();
        assertThat(timers.timeout()).isEqualTo(Duration.ofMillis(1));
        advance(Duration.ofMillis(1));
        assertThat(timers.execute()).isEqualTo(1);
        advance(Duration.ofSeconds(10));
        assertThat(timers.execute()).isZero();

        assertThat(fired).containsExactly("a");
        assertThat(timer.isActive()).isFalse();
        assertThat(timers.timeout()).isEqualTo(Option.INFINITE);
    }

    @Test
    void shouldFireARepeatingTimerEveryIntervalFromTheExecuteThatRanIt() {
        timers.add(Duration.ofMillis(10), record("tick"));

        advance(Duration.ofMillis(10));
        assertThat(timers.execute()).isEqualTo(1);
        assertThat(timers.timeout()).isEqualTo(Duration.ofMillis(10));
        // a late pass fires once, then the next run is one interval after that pass, not a burst
        advance(Duration.ofMillis(35));
        assertThat(timers.execute()).isEqualTo(1);
        assertThat(timers.timeout()).isEqualTo(Duration.ofMillis(10));
        advance(Duration.ofMillis(10));
        assertThat(timers.execute()).isEqualTo(1);

        assertThat(fired).containsExactly("tick", "tick", "tick");
    }

    @Test
    void shouldReportZeroTimeoutWhenATimerIsOverdue() {
        timers.once(Duration.ofMillis(5), record("a"));
        advance(Duration.ofMillis(7));

        assertThat(timers.timeout()).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldRunDueTimersInDeadlineOrderAndTiesInTheOrderAdded() {
        timers.once(Duration.ofMillis(30), record("c"));
        timers.once(Duration.ofMillis(10), record("a"));
        timers.add(Duration.ofMillis(20), record("b1"));
        timers.once(Duration.ofMillis(20), record("b2"));
        timers.once(Duration.ofMillis(40), record("later"));

        advance(Duration.ofMillis(30));
        assertThat(timers.execute()).isEqualTo(4);

        assertThat(fired).containsExactly("a", "b1", "b2", "c");
        assertThat(timers.size()).isEqualTo(2);
    }

    @Test
    void shouldNotFireACancelledTimer() {
        Timers.Timer timer = timers.add(Duration.ofMillis(10), record("a"));
        timer.cancel();
        timer.cancel();

        advance(Duration.ofMillis(100));
        assertThat(timers.execute()).isZero();
        assertThat(timer.isActive()).isFalse();
        assertThat(timers.timeout()).isEqualTo(Option.INFINITE);
    }

    @Test
    void shouldLetAHandlerCancelItsOwnRepeatingTimer() {
        int[] runs = {0};
        timers.add(Duration.ofMillis(10), timer -> {
            if (++runs[0] == 3) {
                timer.cancel();
            }
        });

        for (int i = 0; i < 10; i++) {
            advance(Duration.ofMillis(10));
            timers.execute();
        }

        assertThat(runs[0]).isEqualTo(3);
        assertThat(timers.size()).isZero();
    }

    @Test
    void shouldSkipATimerThatAnEarlierHandlerOfTheSamePassCancelled() {
        Timers.Timer[] victim = new Timers.Timer[1];
        timers.once(Duration.ofMillis(10), timer -> {
            fired.add("killer");
            victim[0].cancel();
        });
        victim[0] = timers.once(Duration.ofMillis(10), record("victim"));

        advance(Duration.ofMillis(10));
        assertThat(timers.execute()).isEqualTo(1);

        assertThat(fired).containsExactly("killer");
    }

    @Test
    void shouldRestartTheIntervalFromNowOnReset() {
        Timers.Timer timer = timers.add(Duration.ofMillis(100), record("a"));

        advance(Duration.ofMillis(80));
        timer.reset();
        advance(Duration.ofMillis(80));
        assertThat(timers.execute()).isZero();
        assertThat(timers.timeout()).isEqualTo(Duration.ofMillis(20));
        advance(Duration.ofMillis(20));
        assertThat(timers.execute()).isEqualTo(1);
        assertThat(fired).containsExactly("a");
    }

    @Test
    void shouldArmAFiredOneShotTimerAgainOnReset() {
        Timers.Timer timer = timers.once(Duration.ofMillis(10), record("a"));
        advance(Duration.ofMillis(10));
        timers.execute();

        timer.reset();
        assertThat(timer.isActive()).isTrue();
        advance(Duration.ofMillis(10));
        timers.execute();

        assertThat(fired).containsExactly("a", "a");
    }

    @Test
    void shouldRunATimerResetInsideAHandlerAtTheNextPassOnly() {
        timers.add(Duration.ZERO, record("zero"));
        Timers.Timer[] other = new Timers.Timer[1];
        timers.once(Duration.ofMillis(1), timer -> {
            fired.add("resetter");
            other[0].reset();
        });
        other[0] = timers.add(Duration.ofMillis(1), record("other"));

        advance(Duration.ofMillis(1));
        timers.execute();
        assertThat(fired).containsExactly("zero", "resetter");
        advance(Duration.ofMillis(1));
        timers.execute();
        assertThat(fired).containsExactly("zero", "resetter", "zero", "other");
    }

    @Test
    void shouldRestartFromNowWithANewInterval() {
        Timers.Timer timer = timers.add(Duration.ofMillis(100), record("a"));
        advance(Duration.ofMillis(50));

        timer.interval(Duration.ofMillis(20));

        assertThat(timer.interval()).isEqualTo(Duration.ofMillis(20));
        assertThat(timers.timeout()).isEqualTo(Duration.ofMillis(20));
        advance(Duration.ofMillis(20));
        assertThat(timers.execute()).isEqualTo(1);
        assertThat(timers.timeout()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void shouldLetAHandlerAddATimer() {
        timers.once(Duration.ofMillis(10), timer -> timers.once(Duration.ZERO, record("added")));

        advance(Duration.ofMillis(10));
        assertThat(timers.execute()).isEqualTo(1);
        assertThat(fired).isEmpty();
        assertThat(timers.execute()).isEqualTo(1);
        assertThat(fired).containsExactly("added");
    }

    @Test
    void shouldPropagateAHandlersExceptionAndRunTheRestAtTheNextExecute() {
        timers.once(Duration.ofMillis(10), timer -> {
            throw new IllegalStateException("handler failed");
        });
        Timers.Timer repeating = timers.add(Duration.ofMillis(10), record("after"));

        advance(Duration.ofMillis(10));
        assertThatThrownBy(timers::execute).isInstanceOf(IllegalStateException.class).hasMessage("handler failed");
        assertThat(fired).isEmpty();
        assertThat(timers.execute()).isEqualTo(1);
        assertThat(fired).containsExactly("after");
        assertThat(repeating.isActive()).isTrue();
    }

    @Test
    void shouldRejectNegativeIntervals() {
        assertThatThrownBy(() -> timers.add(Duration.ofMillis(-1), record("a")))
                .isInstanceOf(IllegalArgumentException.class);
        Timers.Timer timer = timers.once(Duration.ofMillis(1), record("a"));
        assertThatThrownBy(() -> timer.interval(Duration.ofNanos(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTreatAHugeIntervalAsNever() {
        timers.once(FOREVER, record("never"));
        advance(Duration.ofDays(365L * 100));

        assertThat(timers.execute()).isZero();
        assertThat(timers.timeout()).isGreaterThan(Duration.ofDays(365L * 40));
    }

    @Test
    void shouldWorkAcrossAClockThatWraps() {
        now = Long.MAX_VALUE - Duration.ofMillis(5).toNanos();
        timers.once(Duration.ofMillis(10), record("a"));
        timers.once(Duration.ofMillis(1), record("b"));

        advance(Duration.ofMillis(10));
        assertThat(timers.execute()).isEqualTo(2);
        assertThat(fired).containsExactly("b", "a");
    }

    @Test
    void shouldFireManyTimersInDeadlineOrder() {
        Random random = new Random(42);
        List<Long> firedAt = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long delayMicros = random.nextInt(1_000_000);
            timers.once(Duration.ofNanos(delayMicros * 1000), timer -> firedAt.add(now));
        }
        List<Timers.Timer> cancelled = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            cancelled.add(timers.add(Duration.ofNanos(random.nextInt(1_000_000_000)), record("cancelled")));
        }
        cancelled.forEach(Timers.Timer::cancel);

        int ran = 0;
        while (timers.size() > 0) {
            now += timers.timeoutNanos();
            ran += timers.execute();
        }

        assertThat(ran).isEqualTo(2000);
        assertThat(firedAt).isSorted();
        assertThat(fired).isEmpty();
    }
}
