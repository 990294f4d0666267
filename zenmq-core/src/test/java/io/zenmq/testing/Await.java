// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, polling gently; never a fixed sleep. */
public final class Await {
    private Await() {
    }

    /**
     * Waits until the condition holds.
     *
     * @param what a description for the failure message
     * @param timeout the longest wait
     * @param condition the condition
     * @throws AssertionError if the deadline passes first
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 100_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 20_000_000);
        }
    }
}
