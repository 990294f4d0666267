// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A child group this test creates under one cgroup v1 controller (this machine type has v1:
 * freezer, memory...), holding the processes put in it; {@link #close()} removes it once they
 * are gone. Nothing outside the group changes. Owner: the test thread.
 */
public final class Cgroup implements AutoCloseable {
    private static final AtomicInteger GROUPS = new AtomicInteger();
    private final Path dir;

    private Cgroup(Path dir) {
        this.dir = dir;
    }

    /**
     * Creates a group.
     *
     * @param controller {@code freezer} or {@code memory}
     * @return the new, empty group
     */
    public static Cgroup create(String controller) {
        Path dir = Path.of("/sys/fs/cgroup", controller,
                "zenmq-test-" + ProcessHandle.current().pid() + "-" + GROUPS.incrementAndGet());
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Cgroup(dir);
    }

    /**
     * Moves a process into the group.
     *
     * @param pid the process
     */
    public void add(long pid) {
        write("cgroup.procs", Long.toString(pid));
    }

    /**
     * Writes one of the group's files, e.g. {@code memory.limit_in_bytes}.
     *
     * @param file the file's name
     * @param value what to write
     */
    public void write(String file, String value) {
        try {
            Files.writeString(dir.resolve(file), value, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file the file's name, e.g. {@code memory.failcnt}
     * @return its content, trimmed
     */
    public String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Freezes or thaws every process in the (freezer) group, waiting until the state is reached.
     *
     * @param frozen true to freeze
     */
    public void freeze(boolean frozen) {
        String want = frozen ? "FROZEN" : "THAWED";
        write("freezer.state", want);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!read("freezer.state").equals(want)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("freezer stuck at " + read("freezer.state"));
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Thaws (if frozen) and removes the group once its processes are gone (waits up to 10 s). */
    @Override
    public void close() {
        if (Files.exists(dir.resolve("freezer.state"))) {
            write("freezer.state", "THAWED");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                Files.delete(dir);
                return;
            } catch (IOException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw new UncheckedIOException("cannot remove " + dir, e);
                }
                LockSupport.parkNanos(10_000_000);
            }
        }
    }
}
