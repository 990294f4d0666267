// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Authenticator;
import io.zenmq.Context;
import io.zenmq.CurveKeyPair;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code sock}'s PLAIN and CURVE options (cli.md, "Security") and {@code keygen}. */
@Timeout(60)
class SockSecurityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern LISTENING = Pattern.compile("event: LISTENING (tcp://127\\.0\\.0\\.1:\\d+) \\d+");
    private static final Pattern KEY_LINE = Pattern.compile("(public|secret): ([0-9a-zA-Z.:+=^!/*?&<>()\\[\\]{}@%$#-]{40})");

    private Context ctx;

    @BeforeEach
    void setUp() {
        ctx = Context.create();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @Test
    void shouldPrintAKeyPairWhosePublicKeyDerivesFromTheSecret() {
        CliRun run = CliRun.run("", "keygen");
        assertThat(run.status()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(2);
        Matcher publicLine = KEY_LINE.matcher(lines[0]);
        Matcher secretLine = KEY_LINE.matcher(lines[1]);
        assertThat(publicLine.matches() && publicLine.group(1).equals("public")).isTrue();
        assertThat(secretLine.matches() && secretLine.group(1).equals("secret")).isTrue();
        assertThat(CurveKeyPair.fromSecretKey(secretLine.group(2)).publicKeyZ85()).isEqualTo(publicLine.group(2));
        CliRun.run("", "keygen", "extra").assertFailure(2, "zenmq: keygen takes no arguments");
    }

    @Test
    void shouldAdmitOnlyTheListedPlainUsersAndKeepServing() {
        try (LiveCli cli = LiveCli.start("sock", "pull", "@tcp://127.0.0.1:*", "--plain-server", "--auth", "bob:pw",
                "--monitor", "-n", "1")) {
            String endpoint = listening(cli);
            Socket intruder = ctx.socket(SocketType.PUSH).set(SocketOptions.PLAIN_USERNAME, "bob")
                    .set(SocketOptions.PLAIN_PASSWORD, "guess").set(SocketOptions.LINGER, Duration.ZERO);
            intruder.connect(endpoint);
            intruder.trySend("intrusion".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            awaitErrLine(cli, "event: HANDSHAKE_FAILED_AUTH " + endpoint + " 400");
            Socket bob = ctx.socket(SocketType.PUSH).set(SocketOptions.PLAIN_USERNAME, "bob")
                    .set(SocketOptions.PLAIN_PASSWORD, "pw").set(SocketOptions.LINGER, WAIT);
            bob.connect(endpoint);
            bob.send("hello from bob");
            assertThat(cli.nextLine()).isEqualTo("hello from bob");
            assertThat(cli.finish().status()).isZero();
        }
    }

    @Test
    void shouldExitOneWhenTheServerRefusesOurPassword() {
        ctx.zapHandler(new Authenticator().plainUser("bob", "pw"));
        Socket server = ctx.socket(SocketType.PULL).set(SocketOptions.PLAIN_SERVER, true);
        String endpoint = server.bind("tcp://127.0.0.1:*");
        try (LiveCli cli = LiveCli.start("sock", "push", ">" + endpoint, "--plain-user", "bob",
                "--plain-password", "wrong")) {
            CliRun result = cli.finish();
            assertThat(result.status()).isEqualTo(1);
            assertThat(result.err().strip()).isEqualTo("zenmq: authentication failed: " + endpoint
                    + " refused our credentials (400)");
        }
    }

    @Test
    void shouldServeCurveClientsWhoseKeysAreListed() {
        CurveKeyPair server = CurveKeyPair.generate();
        CurveKeyPair client = CurveKeyPair.generate();
        try (LiveCli cli = LiveCli.start("sock", "pull", "@tcp://127.0.0.1:*", "--curve-server", "--curve-secret",
                server.secretKeyZ85(), "--auth-curve", client.publicKeyZ85(), "--monitor", "-n", "1")) {
            String endpoint = listening(cli);
            Socket stranger = ctx.socket(SocketType.PUSH).set(SocketOptions.CURVE_SERVERKEY, server.publicKey())
                    .set(SocketOptions.CURVE_SECRETKEY, CurveKeyPair.generate().secretKey())
                    .set(SocketOptions.LINGER, Duration.ZERO);
            stranger.connect(endpoint);
            awaitErrLine(cli, "event: HANDSHAKE_FAILED_AUTH " + endpoint + " 400");
            Socket known = ctx.socket(SocketType.PUSH).set(SocketOptions.CURVE_SERVERKEY, server.publicKey())
                    .set(SocketOptions.CURVE_SECRETKEY, client.secretKey()).set(SocketOptions.LINGER, WAIT);
            known.connect(endpoint);
            known.send("sealed");
            assertThat(cli.nextLine()).isEqualTo("sealed");
            assertThat(cli.finish().status()).isZero();
        }
    }

    @Test
    void shouldTalkToACurveServerWithAFreshKeyPair() {
        CurveKeyPair keys = CurveKeyPair.generate();
        Socket server = ctx.socket(SocketType.PULL).set(SocketOptions.CURVE_SERVER, true)
                .set(SocketOptions.CURVE_SECRETKEY, keys.secretKey());
        String endpoint = server.bind("tcp://127.0.0.1:*");
        try (LiveCli cli = LiveCli.start("sock", "push", ">" + endpoint, "--curve-serverkey", keys.publicKeyZ85())) {
            cli.write("over curve");
            assertThat(server.recvString(WAIT)).isEqualTo("over curve");
            cli.closeStdin();
            assertThat(cli.finish().status()).isZero();
        }
    }

    private static String listening(LiveCli cli) {
        Matcher listening = LISTENING.matcher(cli.nextErrLine());
        assertThat(listening.matches()).isTrue();
        return listening.group(1);
    }

    private static void awaitErrLine(LiveCli cli, String expected) {
        String line = cli.nextErrLine();
        while (!line.equals(expected)) {
            line = cli.nextErrLine();
        }
    }
}
