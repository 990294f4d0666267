// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import io.zenmq.internal.timer.TimerQueue;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Timers for a loop the application runs itself, as libzmq's {@code zmq_timers}: add timers that
 * fire once or repeatedly, ask {@link #timeout()} how long the loop may wait, and call
 * {@link #execute()} to run the handlers of the timers that are due.
 *
 * <pre>{@code
 * Timers timers = Timers.create();
 * timers.add(Duration.ofSeconds(1), timer -> socket.send("heartbeat"));
 * while (running) {
 *     poller.poll(timers.timeout());   // Option.INFINITE (wait for sockets only) when no timer is armed
 *     // ... serve the ready sockets ...
 *     timers.execute();
 * }
 * }</pre>
 *
 * <p>Timing: a timer is due one interval after it was added, reset or given a new interval. A
 * repeating timer that fires is re-armed for one interval after the {@code execute()} call that
 * ran it (as libzmq does), so a loop that falls behind runs it once, not in a burst. Timers due
 * together run in deadline order, and those with equal deadlines in the order they were armed.
 * The clock is {@link System#nanoTime()} unless {@link #create(LongSupplier)} supplies another one,
 * which lets tests move time by hand.
 *
 * <p>Handlers run on the thread that calls {@code execute()}, inside that call. A handler may
 * add, cancel, reset or re-time any timer, itself included; a timer armed during a pass (a reset,
 * a new timer, even with a zero interval) waits for the next {@code execute()}. An exception
 * thrown by a handler comes out of {@code execute()} as from any plain call: that handler's timer
 * has already been re-armed (repeating) or finished (one-shot), and the timers still due run at
 * the next {@code execute()}.
 *
 * <p>Not thread-safe and without a thread of its own: one thread at a time uses a {@code Timers}
 * and its timers, handing them over with a happens-before edge. {@link Reactor} uses one for its
 * loop.
 */
public final class Timers {
    private final TimerQueue<Timer> queue = new TimerQueue<>();
    private final LongSupplier clock;

    private Timers(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Creates timers on the {@link System#nanoTime()} clock.
     *
     * @return timers with none armed
     */
    public static Timers create() {
        return new Timers(System::nanoTime);
    }

    /**
     * Creates timers on the given clock, e.g. a counter a test advances.
     *
     * @param nanoClock returns the current time in nanoseconds, as {@link System#nanoTime()} does
     *     (an arbitrary origin; it must not run backwards)
     * @return timers with none armed
     */
    public static Timers create(LongSupplier nanoClock) {
        return new Timers(Objects.requireNonNull(nanoClock, "nanoClock"));
    }

    /**
     * Adds a timer that fires every {@code interval}, the first time one interval from now
     * ({@code zmq_timers_add}).
     *
     * @param interval the time between runs, zero or more
     * @param handler called each time the timer fires
     * @return the timer, to cancel, reset or re-time it
     * @throws IllegalArgumentException if the interval is negative
     */
    public Timer add(Duration interval, Handler handler) {
        return arm(interval, handler, true);
    }

    /**
     * Adds a timer that fires once, {@code delay} from now.
     *
     * @param delay the time until it fires, zero or more
     * @param handler called when it fires
     * @return the timer; {@link Timer#reset()} arms it again
     * @throws IllegalArgumentException if the delay is negative
     */
    public Timer once(Duration delay, Handler handler) {
        return arm(delay, handler, false);
    }

    /**
     * Returns how long until the next timer is due ({@code zmq_timers_timeout}), to bound a wait.
     *
     * @return {@link Duration#ZERO} if one is due already, {@link Option#INFINITE} (negative, as
     *     libzmq's -1 and as {@code Poller.poll} reads it) if no timer is armed
     */
    public Duration timeout() {
        long nanos = timeoutNanos();
        return nanos < 0 ? Option.INFINITE : Duration.ofNanos(nanos);
    }

    /**
     * Returns how long until the next timer is due, in nanoseconds.
     *
     * @return 0 if one is due already, -1 if no timer is armed
     */
    public long timeoutNanos() {
        return queue.nanosUntilNext(clock.getAsLong());
    }

    /**
     * Runs the handlers of the timers that are due now ({@code zmq_timers_execute}), earliest
     * first, on the calling thread. An exception from a handler ends the call and propagates; the
     * timers still due run at the next call.
     *
     * @return how many handlers ran
     */
    public int execute() {
        return execute(null);
    }

    /** Runs the due timers as {@link #execute()}, but none after {@code loop} was asked to stop. */
    int execute(Reactor loop) {
        long now = clock.getAsLong();
        long stamp = queue.passStamp();
        int ran = 0;
        TimerQueue.Entry<Timer> due;
        while ((loop == null || !loop.isStopping()) && (due = queue.pollDue(now, stamp)) != null) {
            Timer timer = due.payload();
            ran++;
            timer.handler.onTimer(timer);
        }
        return ran;
    }

    /**
     * Returns how many timers are armed.
     *
     * @return the count; a one-shot timer that fired or a cancelled one is not counted
     */
    public int size() {
        return queue.size();
    }

    private Timer arm(Duration interval, Handler handler, boolean repeating) {
        Objects.requireNonNull(handler, "handler");
        Timer timer = new Timer(this, handler);
        timer.entry = queue.add(clock.getAsLong(), nanos(interval), repeating, timer);
        return timer;
    }

    private static long nanos(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("negative interval: " + interval);
        }
        // a longer interval means never in practice; toNanos would overflow past 292 years
        return interval.compareTo(Duration.ofNanos(TimerQueue.MAX_INTERVAL_NANOS)) > 0
                ? TimerQueue.MAX_INTERVAL_NANOS : interval.toNanos();
    }

    /** What a timer runs when it fires. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Called on the thread running {@link Timers#execute()} (or the {@link Reactor}'s loop).
         *
         * @param timer the timer that fired, e.g. to {@link Timer#cancel()} it
         */
        void onTimer(Timer timer);
    }

    /**
     * One timer of a {@link Timers}: cancel it, restart it, or change its interval. Used on the
     * thread that owns its {@code Timers}.
     */
    public static final class Timer {
        private final Timers owner;
        private final Handler handler;
        private TimerQueue.Entry<Timer> entry;

        private Timer(Timers owner, Handler handler) {
            this.owner = owner;
            this.handler = handler;
        }

        /**
         * Stops the timer from firing ({@code zmq_timers_cancel}); harmless if it is not armed.
         * {@link #reset()} arms it again.
         */
        public void cancel() {
            owner.queue.cancel(entry);
        }

        /**
         * Arms the timer for one interval from now ({@code zmq_timers_reset}), whether it was
         * armed, cancelled, or a one-shot timer that already fired.
         */
        public void reset() {
            owner.queue.reset(entry, owner.clock.getAsLong());
        }

        /**
         * Changes the interval and arms the timer for the new interval from now
         * ({@code zmq_timers_set_interval}).
         *
         * @param interval the new interval, zero or more
         * @throws IllegalArgumentException if the interval is negative
         */
        public void interval(Duration interval) {
            owner.queue.changeInterval(entry, nanos(interval), owner.clock.getAsLong());
        }

        /**
         * Returns the interval.
         *
         * @return the time between runs (or until the one run)
         */
        public Duration interval() {
            return Duration.ofNanos(entry.intervalNanos());
        }

        /**
         * Tells whether the timer is armed.
         *
         * @return false once it is cancelled, or once a one-shot timer has fired (even while its
         *     handler runs)
         */
        public boolean isActive() {
            return entry.isArmed();
        }

        /**
         * Tells whether the timer fires repeatedly.
         *
         * @return true for {@link Timers#add}, false for {@link Timers#once}
         */
        public boolean isRepeating() {
            return entry.isRepeating();
        }

        @Override
        public String toString() {
            return (entry.isRepeating() ? "Timer[every " : "Timer[once after ") + interval()
                    + (entry.isArmed() ? "]" : ", idle]");
        }
    }
}
