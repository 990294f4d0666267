// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the examples print, collected for the assertions; any number of threads may print. A test
 * can wait for a line (for instance the endpoint a server reports after binding port {@code *}).
 */
final class Output {
    private static final long WAIT_MILLIS = 60_000;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }

        @Override
        public synchronized void write(int b) {
            super.write(b);
            notifyAll();
        }
    };
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits for a whole line starting with {@code prefix} and returns the rest of it. */
    String awaitLine(String prefix) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "(.*)\\R");
        long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        synchronized (bytes) {
            while (true) {
                Matcher m = line.matcher(text());
                if (m.find()) {
                    return m.group(1);
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("no line starting with '" + prefix + "' in:\n" + text());
                }
                try {
                    bytes.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }
}
