// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MainTest {
    @Test
    void shouldPrintUsageOnStdout() {
        for (String help : new String[] {"help", "-h", "--help"}) {
            CliRun run = CliRun.run("", help);
            assertThat(run.status()).isZero();
            assertThat(run.out()).startsWith("usage: zenmq");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void shouldRejectMissingAndUnknownCommands() {
        CliRun.run("").assertFailure(2, "zenmq: missing command");
        CliRun.run("", "frobnicate").assertFailure(2, "zenmq: unknown command 'frobnicate'");
    }

    @Test
    void shouldReportProxyUsageErrorsOnOneLine() {
        CliRun.run("", "proxy", "router", "@tcp://*:1", "dealer")
                .assertFailure(2, "zenmq: proxy: missing arguments");
    }

    @Test
    void shouldReportSockUsageErrorsOnOneLine() {
        CliRun.run("", "sock", "dish", "tcp://h:1").assertFailure(2, "zenmq: dish needs at least one --join GROUP");
        CliRun.run("", "sock", "push", "udp://1.2.3.4:5").assertFailure(2, "zenmq: endpoint");
    }

    @Test
    void shouldRejectBadPerfArguments() {
        CliRun.run("", "perf").assertFailure(2, "zenmq: perf: missing mode");
        CliRun.run("", "perf", "fast").assertFailure(2, "zenmq: perf: unknown mode");
        CliRun.run("", "perf", "local-thr", "tcp://127.0.0.1:1", "16").assertFailure(2, "zenmq: perf local-thr");
        CliRun.run("", "perf", "local-thr", "@tcp://127.0.0.1:1", "16", "10").assertFailure(2, "endpoint");
        CliRun.run("", "perf", "remote-lat", "tcp://127.0.0.1:1", "-1", "10").assertFailure(2, "MSG_SIZE");
        CliRun.run("", "perf", "remote-lat", "tcp://127.0.0.1:1", "1", "0").assertFailure(2, "COUNT");
        CliRun.run("", "perf", "inproc-thr", "16").assertFailure(2, "zenmq: perf inproc-thr");
        CliRun.run("", "perf", "inproc-lat", "x", "1").assertFailure(2, "MSG_SIZE");
    }

    @Test
    void shouldRejectBenchArguments() {
        CliRun.run("", "bench", "--slow").assertFailure(2, "zenmq: bench");
    }

    @Test
    void shouldDescribeUnexpectedExceptionsOnOneLine() {
        assertThat(Main.describe(new IllegalStateException("a\nb"))).isEqualTo("IllegalStateException: a b");
        assertThat(Main.describe(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
