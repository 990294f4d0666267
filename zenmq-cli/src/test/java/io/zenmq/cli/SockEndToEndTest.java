// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code sock} in-process against peers made with the library API. */
@Timeout(20)
class SockEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Context ctx;

    @BeforeEach
    void setUp() {
        ctx = Context.create();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private Socket bound(SocketType type) {
        Socket socket = ctx.socket(type);
        socket.set(SocketOptions.LINGER, Duration.ZERO);
        return socket;
    }

    @Test
    void shouldSendStdinLinesFromPush() {
        try (Socket pull = bound(SocketType.PULL)) {
            String endpoint = pull.bind("tcp://127.0.0.1:*");
            CliRun run = CliRun.run("a\n\tq\nlast", "sock", "push", endpoint);
            run.assertOk();
            assertThat(run.out()).isEmpty();
            assertThat(pull.recvMsg(WAIT).frames()).containsExactly(b("a"));
            assertThat(pull.recvMsg(WAIT).frames()).usingElementComparator(java.util.Arrays::compare)
                    .containsExactly(b(""), b("q"));
            assertThat(pull.recvMsg(WAIT).frames()).usingElementComparator(java.util.Arrays::compare)
                    .containsExactly(b("last"));
        }
    }

    @Test
    void shouldPrintMessagesUntilCountOnPull() throws Exception {
        try (Socket push = bound(SocketType.PUSH)) {
            String endpoint = push.bind("tcp://127.0.0.1:*");
            CompletableFuture<CliRun> run = CliRun.start("", "sock", "pull", ">" + endpoint, "-n", "3");
            push.send(Msg.of(b("one")));
            push.send(Msg.of(b("two"), b(""), new byte[] {1, 2}));
            push.send(Msg.of(b("0x41")));
            // not a blocking send: the CLI may have read three and closed already, and a PUSH
            // without a peer would block; queued or not, a fourth message is never printed
            push.trySend(Msg.of(b("not printed")));
            CliRun result = run.get(15, TimeUnit.SECONDS);
            result.assertOk();
            assertThat(result.out()).isEqualTo("one\ntwo\t\t0x0102\n0x30783431\n");
        }
    }

    @Test
    void shouldPrintInHexFormatWithCustomDelimiter() throws Exception {
        try (Socket push = bound(SocketType.PUSH)) {
            String endpoint = push.bind("tcp://127.0.0.1:*");
            CompletableFuture<CliRun> run = CliRun.start("", "sock", "pull", ">" + endpoint, "-n", "1",
                    "--format", "hex", "--delim", "|");
            push.send(Msg.of(b("AB"), b("")));
            CliRun result = run.get(15, TimeUnit.SECONDS);
            result.assertOk();
            assertThat(result.out()).isEqualTo("4142|\n");
        }
    }

    @Test
    void shouldPrintRepliesOnReq() throws Exception {
        try (Socket rep = bound(SocketType.REP)) {
            String endpoint = rep.bind("tcp://127.0.0.1:*");
            CompletableFuture<CliRun> run = CliRun.start("hello\nworld\tx\n", "sock", "req", endpoint);
            for (int i = 0; i < 2; i++) {
                Msg request = rep.recvMsg(WAIT);
                Msg reply = new Msg();
                request.frames().forEach(frame -> reply.add(upper(frame)));
                rep.send(reply);
            }
            CliRun result = run.get(15, TimeUnit.SECONDS);
            result.assertOk();
            assertThat(result.out()).isEqualTo("HELLO\nWORLD\tX\n");
        }
    }

    @Test
    void shouldEchoOnRep() throws Exception {
        try (Socket req = bound(SocketType.REQ)) {
            String endpoint = req.bind("tcp://127.0.0.1:*");
            CompletableFuture<CliRun> run = CliRun.start("", "sock", "rep", ">" + endpoint, "--echo", "-n", "2");
            req.send(Msg.of(b("ping"), b("1")));
            assertThat(req.recvMsg(WAIT).frames()).usingElementComparator(java.util.Arrays::compare)
                    .containsExactly(b("ping"), b("1"));
            req.send("pong");
            assertThat(req.recvString(WAIT)).isEqualTo("pong");
            CliRun result = run.get(15, TimeUnit.SECONDS);
            result.assertOk();
            assertThat(result.out()).isEqualTo("ping\t1\npong\n");
        }
    }

    @Test
    void shouldAnswerRequestsWithStdinLinesOnRep() throws Exception {
        try (Socket req = bound(SocketType.REQ)) {
            String endpoint = req.bind("tcp://127.0.0.1:*");
            CompletableFuture<CliRun> run = CliRun.start("first\nsecond\n", "sock", "rep", ">" + endpoint);
            req.send("q1");
            assertThat(req.recvString(WAIT)).isEqualTo("first");
            req.send("q2");
            assertThat(req.recvString(WAIT)).isEqualTo("second");
            req.send("q3");
            CliRun result = run.get(15, TimeUnit.SECONDS);
            result.assertOk();
            assertThat(result.out()).isEqualTo("q1\nq2\nq3\n");
        }
    }

    @Test
    void shouldSendAndReceiveOnPair() throws Exception {
        try (Socket pair = bound(SocketType.PAIR)) {
            String endpoint = pair.bind("tcp://127.0.0.1:*");
            CompletableFuture<CliRun> run = CliRun.start("to peer\n", "sock", "pair", endpoint, "-n", "1");
            assertThat(pair.recvString(WAIT)).isEqualTo("to peer");
            pair.send("to cli");
            CliRun result = run.get(15, TimeUnit.SECONDS);
            result.assertOk();
            assertThat(result.out()).isEqualTo("to cli\n");
        }
    }

    @Test
    void shouldEndPairAtCountWhileStdinStaysOpen() throws Exception {
        try (Socket pair = bound(SocketType.PAIR);
             PipedOutputStream stdinWriter = new PipedOutputStream();
             PipedInputStream stdin = new PipedInputStream(stdinWriter)) {
            String endpoint = pair.bind("tcp://127.0.0.1:*");
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                    () -> CliRun.run(stdin, "sock", "pair", endpoint, "-n", "2", "--quiet"));
            stdinWriter.write(b("line one\n"));
            stdinWriter.flush();
            assertThat(pair.recvString(WAIT)).isEqualTo("line one");
            pair.send("a");
            stdinWriter.write(b("line two\n"));
            stdinWriter.flush();
            assertThat(pair.recvString(WAIT)).isEqualTo("line two");
            pair.send("b");
            CliRun result = run.get(15, TimeUnit.SECONDS);
            result.assertOk();
            assertThat(result.out()).isEmpty();
        }
    }

    @Test
    void shouldPaceSendsWithDelayAndInterval() {
        try (Socket pull = bound(SocketType.PULL)) {
            String endpoint = pull.bind("tcp://127.0.0.1:*");
            long start = System.nanoTime();
            CliRun.run("1\n2\n3\n", "sock", "push", endpoint, "--delay", "100", "--interval", "50").assertOk();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(200));
            for (String expected : new String[] {"1", "2", "3"}) {
                assertThat(pull.recvString(WAIT)).isEqualTo(expected);
            }
        }
    }

    @Test
    void shouldExitThreeWhenTimeoutExpires() {
        try (Socket push = bound(SocketType.PUSH)) {
            String endpoint = push.bind("tcp://127.0.0.1:*");
            CliRun.run("", "sock", "pull", ">" + endpoint, "--timeout", "200")
                    .assertFailure(3, "zenmq: timeout");
        }
    }

    @Test
    void shouldExitThreeWhenReqGetsNoReply() {
        try (Socket rep = bound(SocketType.REP)) {
            String endpoint = rep.bind("tcp://127.0.0.1:*");
            CliRun.run("unanswered\n", "sock", "req", endpoint, "--timeout", "200").assertFailure(3, "timeout");
        }
    }

    @Test
    void shouldExitOneWhenBindFails() {
        try (Socket pull = bound(SocketType.PULL)) {
            String endpoint = pull.bind("tcp://127.0.0.1:*");
            CliRun.run("", "sock", "pull", endpoint).assertFailure(1, "zenmq: cannot bind to " + endpoint);
        }
    }

    @Test
    void shouldExitOneOnBadHexInput() {
        try (Socket pull = bound(SocketType.PULL)) {
            String endpoint = pull.bind("tcp://127.0.0.1:*");
            CliRun.run("4142\nabc\n", "sock", "push", endpoint, "--format", "hex").assertFailure(1, "hex");
        }
    }

    @Test
    void shouldWorkOverIpc(@TempDir Path dir) throws Exception {
        String endpoint = "ipc://" + dir.resolve("s.ipc");
        CompletableFuture<CliRun> receiver = CliRun.start("", "sock", "pull", endpoint, "-n", "2");
        try (Socket push = bound(SocketType.PUSH)) {
            push.connect(endpoint);
            push.send("x");
            push.send("y");
            CliRun result = receiver.get(15, TimeUnit.SECONDS);
            result.assertOk();
            assertThat(result.out()).isEqualTo("x\ny\n");
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] upper(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8).toUpperCase(java.util.Locale.ROOT)
                .getBytes(StandardCharsets.UTF_8);
    }
}
