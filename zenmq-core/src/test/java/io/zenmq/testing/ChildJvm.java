// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a test main class on this JVM's class path, with its own heap size: for
 * what needs a small heap (an OutOfMemoryError that is real). The child's stdout is read line by
 * line; its stderr goes to a file the test inspects. Always {@link #close()}d: it is destroyed and
 * waited for. Owner: the test thread.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Path stderr;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.stderr = stderr;
    }

    /**
     * Starts {@code mainClass} in a new JVM.
     *
     * @param maxHeap the {@code -Xmx} value, e.g. {@code 64m}
     * @param workDir where the stderr file goes
     * @param mainClass the class to run
     * @param args its arguments
     * @return the running child
     */
    public static ChildJvm start(String maxHeap, Path workDir, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile(workDir, "child", ".err");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            return new ChildJvm(p, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the child's next stdout line that starts with {@code prefix}, skipping others.
     *
     * @param prefix e.g. {@code "ENDPOINT "}
     * @return the rest of that line
     * @throws IOException if the child ends first
     */
    public String expect(String prefix) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new IOException("child ended before printing " + prefix + "; stderr: " + stderr());
    }

    /**
     * Waits for the child to exit.
     *
     * @param timeout the longest wait
     * @return its exit code
     * @throws InterruptedException if interrupted
     */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child JVM did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /**
     * Returns what the child wrote to stderr so far.
     *
     * @return the text
     */
    public String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
