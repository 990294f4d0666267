// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.peer;

import io.zenmq.reliability.oracle.Verdict;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link PeerMain} in a child JVM: started (optionally behind {@code ip netns exec}), fed stdin
 * commands, its stdout lines collected, signalled (SIGKILL, SIGSTOP, SIGCONT), and always ended by
 * {@link #close()}. Its output goes to {@code <name>.out}/{@code .err} in the log directory.
 *
 * <p>Owner: the test thread; one reader thread appends the child's lines.
 */
public final class PeerProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final PrintStream stdin;
    private final List<String> lines = new ArrayList<>();
    private final Path log;
    private boolean ended;

    private PeerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(this::collect, "peer-out-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a peer.
     *
     * @param logDir where its output goes
     * @param name a name for logs
     * @param prefix a command prefix (e.g. {@code ip netns exec ns}), or empty
     * @param jvmOptions JVM options, e.g. {@code -Xmx64m}
     * @param args the peer's {@code key=value} arguments
     * @return the running peer
     */
    public static PeerProcess start(Path logDir, String name, List<String> prefix, List<String> jvmOptions,
            String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Xss512k");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(ClassPathJars.classPath(logDir.getParent() == null ? logDir : logDir.getParent()));
        cmd.add(PeerMain.class.getName());
        cmd.addAll(List.of(args));
        try {
            Files.createDirectories(logDir);
            Path out = logDir.resolve(name + ".out");
            Process p = new ProcessBuilder(cmd).redirectError(logDir.resolve(name + ".err").toFile()).start();
            return new PeerProcess(name, p, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start peer " + name, e);
        }
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream copy = Files.newOutputStream(log)) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
                copy.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the child ended
        } finally {
            synchronized (lines) {
                ended = true;
                lines.notifyAll();
            }
        }
    }

    /** @return the child's pid */
    public long pid() {
        return process.pid();
    }

    /** @return whether it still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends one stdin command ({@code stop}, {@code probe}).
     *
     * @param command the command
     */
    public void command(String command) {
        stdin.println(command);
    }

    /**
     * Waits for the {@code nth} (1-based) line that starts with {@code prefix}.
     *
     * @param prefix the line's start
     * @param nth which occurrence
     * @param timeout the longest wait
     * @return the line
     * @throws AssertionError on timeout or when the child ends first
     */
    public String await(String prefix, int nth, Duration timeout) {
        return awaitMatch(l -> l.startsWith(prefix), "'" + prefix + "'", nth, timeout);
    }

    /**
     * @param prefix a line's start
     * @param timeout the longest wait
     * @return the first line that starts with {@code prefix}
     */
    public String await(String prefix, Duration timeout) {
        return await(prefix, 1, timeout);
    }

    private String awaitMatch(Predicate<String> match, String what, int nth, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                int seen = 0;
                for (String l : lines) {
                    if (match.test(l) && ++seen == nth) {
                        return l;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError(name + ": no line #" + nth + " matching " + what + " (alive="
                            + process.isAlive() + "); last lines: " + tail());
                }
                try {
                    lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
        }
    }

    /** @return every line so far that starts with {@code prefix} */
    public List<String> linesStarting(String prefix) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    private static boolean isEvent(String line, String type) {
        return line.startsWith("EVENT ") && line.split(" ")[2].equals(type);
    }

    /**
     * Counts monitor events of one type reported so far.
     *
     * @param type e.g. {@code DISCONNECTED}
     * @return how many
     */
    public long events(String type) {
        synchronized (lines) {
            return lines.stream().filter(l -> isEvent(l, type)).count();
        }
    }

    /**
     * @param type an event type
     * @param nth which occurrence (1-based)
     * @param timeout the longest wait
     * @return the monotonic time (ms, {@code System.nanoTime} of the child, which is the same
     *     clock as this JVM's on Linux) at which the child saw it
     */
    public long awaitEvent(String type, int nth, Duration timeout) {
        return Long.parseLong(awaitMatch(l -> isEvent(l, type), type, nth, timeout).split(" ")[1]);
    }

    /**
     * Stops a receiver (if it still runs) and reads its verdict.
     *
     * @param timeout the longest wait
     * @return the verdict
     */
    public Verdict verdict(Duration timeout) {
        String line = await("VERDICT ", timeout);
        return Verdict.fromJson(line.substring("VERDICT ".length()));
    }

    /**
     * Sends a signal with {@code kill}.
     *
     * @param signal e.g. {@code STOP}, {@code CONT}
     */
    public void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILLs the child and waits for it to be gone. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /**
     * @param timeout the longest wait
     * @return the exit code, or -1 if it still runs
     */
    public int waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** @return the last lines, for failure messages */
    public String tail() {
        synchronized (lines) {
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
        }
    }

    /** Asks the child to stop, waits up to 10 s, then SIGKILLs it; always returns with it gone. */
    @Override
    public void close() {
        if (process.isAlive()) {
            command("stop");
            stdin.close();
            if (waitFor(Duration.ofSeconds(10)) == -1) {
                kill();
            }
        }
    }
}
