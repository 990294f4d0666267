// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.peer;

import java.util.Arrays;

/**
 * One-way latencies in a fixed array, summarised as percentiles and reset by {@link #drain()}.
 * Owner: the receiving thread.
 */
final class Latencies {
    private static final int CAPACITY = 1 << 20;
    private final long[] nanos = new long[CAPACITY];
    private int count;
    private long seen;

    void record(long latencyNanos) {
        seen++;
        if (count < CAPACITY) {
            nanos[count++] = latencyNanos;
        } else {
            // keep a uniform sample once full (reservoir sampling, cheap and seeded by the count)
            long slot = (seen * 0x9E3779B97F4A7C15L >>> 1) % seen;
            if (slot < CAPACITY) {
                nanos[(int) slot] = latencyNanos;
            }
        }
    }

    /** @return "lat n= p50= p99= p999= max=" in microseconds, then starts over */
    String drain() {
        if (count == 0) {
            return "lat n=0";
        }
        Arrays.sort(nanos, 0, count);
        String s = "lat n=" + seen + " p50=" + at(0.50) + " p99=" + at(0.99) + " p999=" + at(0.999) + " max="
                + nanos[count - 1] / 1000;
        count = 0;
        seen = 0;
        return s;
    }

    private long at(double q) {
        return nanos[Math.min(count - 1, (int) (q * count))] / 1000;
    }
}
