// SPDX-License-Identifier: MPL-2.0
package io.zenmq.release;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child process of a test: its stdout and stderr are read on their own threads (stderr also line
 * by line into a queue, to wait for a line such as a monitor event), so it never blocks on a full pipe.
 */
final class Proc implements AutoCloseable {
    private final Process process;
    private final CompletableFuture<String> out;
    private final StringBuffer err = new StringBuffer();
    private final BlockingQueue<String> errLines = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> errDone;

    private Proc(Process process) {
        this.process = process;
        this.out = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        this.errDone = CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    err.append(line).append('\n');
                    errLines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Starts a command in a directory with exactly the given environment. */
    static Proc start(Path dir, Map<String, String> env, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return new Proc(builder.start());
    }

    /** Runs a command to its end with the given stdin; returns status, stdout, stderr. */
    static Result run(Path dir, Map<String, String> env, String stdin, List<String> command) throws Exception {
        try (Proc proc = start(dir, env, command)) {
            proc.write(stdin);
            return proc.await();
        }
    }

    void write(String stdin) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Waits for the next stderr line that starts with a prefix. */
    String awaitErrLine(String prefix) throws InterruptedException {
        while (true) {
            String line = errLines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("no stderr line starting with '" + prefix + "'; stderr so far:\n" + err);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    Result await() throws Exception {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("still running after 120 s; stderr:\n" + err);
        }
        String stdout = out.get(30, TimeUnit.SECONDS);
        errDone.get(30, TimeUnit.SECONDS);
        return new Result(process.exitValue(), stdout, err.toString());
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** What a finished process left. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
