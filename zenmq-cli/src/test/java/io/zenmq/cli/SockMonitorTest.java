// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
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

@Timeout(60)
class SockMonitorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern LISTENING = Pattern.compile("event: LISTENING (tcp://127\\.0\\.0\\.1:(\\d+)) \\d+");

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
    void shouldPrintListeningWithTheRealPortThenEachConnectionsEvents() {
        try (LiveCli cli = LiveCli.start("sock", "pull", "@tcp://127.0.0.1:*", "--monitor", "-n", "1")) {
            Matcher listening = LISTENING.matcher(cli.nextErrLine());
            assertThat(listening.matches()).isTrue();
            String endpoint = listening.group(1);
            assertThat(Integer.parseInt(listening.group(2))).isPositive();

            Socket push = ctx.socket(SocketType.PUSH);
            push.set(SocketOptions.LINGER, WAIT);
            push.connect(endpoint);
            push.send("hello");
            assertThat(cli.nextErrLine()).matches("event: ACCEPTED " + Pattern.quote(endpoint) + " \\d+");
            assertThat(cli.nextErrLine()).isEqualTo("event: HANDSHAKE_SUCCEEDED " + endpoint + " 0");
            assertThat(cli.nextLine()).isEqualTo("hello");
            CliRun result = cli.finish();
            assertThat(result.status()).isZero();
            assertThat(result.err().lines()).allMatch(line -> line.startsWith("event: "));
        }
    }

    @Test
    void shouldPrintConnectEvents() {
        Socket pull = ctx.socket(SocketType.PULL);
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        try (LiveCli cli = LiveCli.start("sock", "push", ">" + endpoint, "--monitor")) {
            String line = cli.nextErrLine();
            if (line.startsWith("event: CONNECT_DELAYED ")) {
                assertThat(line).isEqualTo("event: CONNECT_DELAYED " + endpoint + " 115");
                line = cli.nextErrLine();
            }
            assertThat(line).matches("event: CONNECTED " + Pattern.quote(endpoint) + " \\d+");
            assertThat(cli.nextErrLine()).isEqualTo("event: HANDSHAKE_SUCCEEDED " + endpoint + " 0");
            cli.write("x");
            assertThat(pull.recvString(WAIT)).isEqualTo("x");
            cli.closeStdin();
            assertThat(cli.finish().status()).isZero();
        }
    }
}
