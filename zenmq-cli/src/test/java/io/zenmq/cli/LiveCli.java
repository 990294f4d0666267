// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link Main#run} on its own thread with a stdin the test writes to and a stdout the test
 * reads line by line as the command prints it, so a test can wait for what the command has seen
 * before it acts (no sleeping).
 */
final class LiveCli implements AutoCloseable {
    private static final long WAIT_SECONDS = 10;

    private final PipedOutputStream stdin;
    private final LineSink stdout = new LineSink();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final LineSink stderrLines = new LineSink();
    private final CompletableFuture<Integer> status;

    private LiveCli(String... args) throws IOException {
        stdin = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(stdin, 1 << 16);
        PrintStream out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (stderr) {
                    stderr.write(b);
                }
                stderrLines.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (stderr) {
                    stderr.write(b, off, len);
                }
                stderrLines.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        status = CompletableFuture.supplyAsync(() -> {
            try {
                return Main.run(args, in, out, err);
            } finally {
                out.flush();
            }
        });
    }

    static LiveCli start(String... args) {
        try {
            return new LiveCli(args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one input line (an LF is appended). */
    void write(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void closeStdin() {
        try {
            stdin.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next printed line, without its LF; fails after a while without one. */
    String nextLine() {
        try {
            String line = stdout.lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(line).as("a printed line within %d s; stderr: %s", WAIT_SECONDS, stderr()).isNotNull();
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next printed line, without its LF, or null if none is printed within {@code wait}. */
    String nextLineWithin(Duration wait) {
        try {
            return stdout.lines.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next line printed on stderr, without its LF; fails after a while without one. */
    String nextErrLine() {
        try {
            String line = stderrLines.lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(line).as("a stderr line within %d s; stderr: %s", WAIT_SECONDS, stderr()).isNotNull();
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the command to end; its stdout is what was not read with {@link #nextLine}. */
    CliRun finish() {
        CliRun result = finishWithin(Duration.ofSeconds(WAIT_SECONDS));
        if (result == null) {
            throw new IllegalStateException("command did not end; stderr: " + stderr());
        }
        return result;
    }

    /** Like {@link #finish}, but null if the command has not ended within {@code wait}. */
    CliRun finishWithin(Duration wait) {
        int code;
        try {
            code = status.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("command failed; stderr: " + stderr(), e);
        }
        StringBuilder rest = new StringBuilder();
        for (String line = stdout.lines.poll(); line != null; line = stdout.lines.poll()) {
            rest.append(line).append('\n');
        }
        return new CliRun(code, rest.append(stdout.partial()).toString(), stderr());
    }

    private String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        closeStdin();
    }

    /** Collects printed bytes and queues each complete line. */
    private static final class LineSink extends OutputStream {
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        synchronized String partial() {
            return current.toString(StandardCharsets.UTF_8);
        }
    }
}
