// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** Runs {@link Main#run} in-process and keeps what it printed. */
record CliRun(int status, String out, String err) {
    static CliRun run(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    static CliRun run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Main.run(args, stdin, o, e);
        }
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts a run on another thread. */
    static CompletableFuture<CliRun> start(String stdin, String... args) {
        return CompletableFuture.supplyAsync(() -> run(stdin, args));
    }

    void assertFailure(int expectedStatus, String errPrefix) {
        assertThat(status).as("status; stderr: %s", err).isEqualTo(expectedStatus);
        assertThat(err).contains(errPrefix).startsWith("zenmq: ").endsWith("\n");
        assertThat(err.lines().count()).as("stderr lines: %s", err).isEqualTo(1);
    }

    void assertOk() {
        assertThat(status).as("status; stderr: %s", err).isZero();
        assertThat(err).isEmpty();
    }
}
