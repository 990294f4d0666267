// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zenmq proxy} (cli.md, "proxy"): usage errors in-process; forwarding, capture and the
 * clean exit on SIGTERM and SIGINT in a child JVM, since only a real process gets signals.
 */
@Timeout(60)
class ProxyCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void shouldReportUsageErrorsOnOneLine() {
        CliRun.run("", "proxy").assertFailure(2, "zenmq: proxy: missing arguments; usage: zenmq proxy FRONT_TYPE");
        CliRun.run("", "proxy", "router", "tcp://*:1", "dealer").assertFailure(2, "proxy: missing arguments");
        CliRun.run("", "proxy", "router", "tcp://*:1", "dealer", "tcp://*:2", "extra")
                .assertFailure(2, "proxy: unexpected argument 'extra'");
        CliRun.run("", "proxy", "router", "tcp://*:1", "dealer", "tcp://*:2", "--linger", "0")
                .assertFailure(2, "unknown option --linger");
        CliRun.run("", "proxy", "router", "tcp://*:1", "dealer", "tcp://*:2", "--capture")
                .assertFailure(2, "option --capture needs a socket type and endpoints");
        CliRun.run("", "proxy", "router", "tcp://*:1", "dealer", "tcp://*:2", "--capture", "pub")
                .assertFailure(2, "option --capture needs endpoints");
        CliRun.run("", "proxy", "rooter", "tcp://*:1", "dealer", "tcp://*:2").assertFailure(2, "unknown socket type");
        CliRun.run("", "proxy", "server", "tcp://*:1", "dealer", "tcp://*:2").assertFailure(2, "not supported yet");
        CliRun.run("", "proxy", "router", "tcp://*:99999", "dealer", "tcp://*:2").assertFailure(2, "bad port");
        CliRun.run("", "proxy", "router", "inproc://a", "dealer", "tcp://*:2").assertFailure(2, "inproc");
        CliRun.run("", "proxy", "router", "tcp://*:1", "dealer", "tcp://*:2", "--capture", "pub", "tcp://*:0:")
                .assertFailure(2, "endpoint");
        CliRun.run("", "proxy", "router", "tcp://*:1", "dealer", "tcp://127.0.0.1:*")
                .assertFailure(2, "cannot connect to port");
    }

    @Test
    void shouldExitWithStatusOneWhenABindFails() {
        try (Context ctx = Context.create()) {
            Socket taken = ctx.socket(SocketType.PULL);
            String endpoint = taken.bind("tcp://127.0.0.1:*");
            CliRun.run("", "proxy", "pull", endpoint, "push", "tcp://127.0.0.1:1")
                    .assertFailure(1, "zenmq: cannot bind to " + endpoint);
        }
    }

    @Test
    void shouldServeAQueueWithBareEndpointsAndEndCleanlyOnSigterm() throws Exception {
        String front = "ipc://" + dir.resolve("front.ipc");
        String back = "ipc://" + dir.resolve("back.ipc");
        try (Context ctx = Context.create()) {
            Socket worker = ctx.socket(SocketType.REP);
            worker.bind(back);
            // bare endpoints: the ROUTER binds, the DEALER connects
            Process proxy = start("proxy", "router", front, "dealer", back);
            Socket client = ctx.socket(SocketType.REQ);
            client.connect(front);
            client.send("question");
            assertThat(worker.recvString(WAIT)).isEqualTo("question");
            worker.send("answer");
            assertThat(client.recvString(WAIT)).isEqualTo("answer");
            proxy.destroy();  // SIGTERM
            assertEndedSilently(proxy);
        }
    }

    @Test
    void shouldCaptureAStreamAndEndCleanlyOnSigint() throws Exception {
        try (Context ctx = Context.create()) {
            Socket producer = ctx.socket(SocketType.PUSH);
            String in = producer.bind("tcp://127.0.0.1:*");
            Socket consumer = ctx.socket(SocketType.PULL);
            String out = consumer.bind("tcp://127.0.0.1:*");
            Socket captured = ctx.socket(SocketType.PULL);
            String capture = captured.bind("tcp://127.0.0.1:*");
            Process proxy = start("proxy", "pull", ">" + in, "push", ">" + out, "--capture", "push", ">" + capture);
            assertThat(producer.send("one\u0001".getBytes(StandardCharsets.UTF_8), WAIT)).isTrue();
            assertThat(consumer.recvString(WAIT)).isEqualTo("one\u0001");
            assertThat(captured.recvString(WAIT)).isEqualTo("one\u0001");
            signal(proxy, "INT");
            assertEndedSilently(proxy);
        }
    }

    @Test
    void shouldSubscribeASubSideToEverything() throws Exception {
        try (Context ctx = Context.create()) {
            Socket publisher = ctx.socket(SocketType.XPUB);
            String in = publisher.bind("tcp://127.0.0.1:*");
            Socket consumer = ctx.socket(SocketType.PULL);
            String out = consumer.bind("tcp://127.0.0.1:*");
            Process proxy = start("proxy", "sub", in, "push", ">" + out);
            // the SUB side's subscription to everything reaches the XPUB publisher
            assertThat(publisher.recv(WAIT)).containsExactly(1);
            publisher.send("news");
            assertThat(consumer.recvString(WAIT)).isEqualTo("news");
            proxy.destroy();
            assertEndedSilently(proxy);
        }
    }

    /**
     * Starts {@code zenmq ARGS} in a child JVM on this test's class path. A child inherits ignored
     * signals, and a shell without job control starts background commands (a build run with
     * {@code mvn verify &} in a script) with SIGINT ignored; the JVM then leaves SIGINT ignored and
     * the proxy, rightly, never sees it. GNU env resets SIGINT to its default first, as a terminal's
     * foreground job has it.
     */
    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("env");
        command.add("--default-signal=INT");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectOutput(dir.resolve("stdout").toFile());
        builder.redirectError(dir.resolve("stderr").toFile());
        return builder.start();
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private void assertEndedSilently(Process process) throws Exception {
        boolean ended = process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS);
        String err = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("ended; stderr: %s", err).isTrue();
        assertThat(process.exitValue()).as("status; stderr: %s", err).isZero();
        assertThat(err).isEmpty();
        assertThat(Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8)).isEmpty();
    }
}
