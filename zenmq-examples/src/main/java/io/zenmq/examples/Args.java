// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import java.time.Duration;

/** Positional command-line arguments with defaults: every example takes all of its settings this way. */
final class Args {
    private final String[] values;

    private Args(String[] values) {
        this.values = values.clone();
    }

    static Args of(String... values) {
        return new Args(values);
    }

    String text(int index, String fallback) {
        return index < values.length ? values[index] : fallback;
    }

    int number(int index, int fallback) {
        return index < values.length ? Integer.parseInt(values[index]) : fallback;
    }

    Duration millis(int index, long fallback) {
        return Duration.ofMillis(index < values.length ? Long.parseLong(values[index]) : fallback);
    }

    /** The arguments from {@code index} on. */
    String[] from(int index) {
        if (index >= values.length) {
            return new String[0];
        }
        String[] rest = new String[values.length - index];
        System.arraycopy(values, index, rest, 0, rest.length);
        return rest;
    }
}
