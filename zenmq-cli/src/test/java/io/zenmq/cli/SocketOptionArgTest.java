// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.Context;
import io.zenmq.Option;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SocketOptionArgTest {
    private static SocketOptionArg parse(String text) {
        return SocketOptionArg.parse(text, TextFormat.standard());
    }

    private static void assertUsage(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(2);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void shouldParseEachKindOfValueByItsLibzmqName() {
        assertThat(parse("tcp_keepalive=1")).isEqualTo(new SocketOptionArg(SocketOptions.TCP_KEEPALIVE, 1));
        assertThat(parse("ZMQ_IMMEDIATE=1")).isEqualTo(new SocketOptionArg(SocketOptions.IMMEDIATE, true));
        assertThat(parse("ipv6=false").value()).isEqualTo(false);
        assertThat(parse("handshake_ivl=250").value()).isEqualTo(Duration.ofMillis(250));
        assertThat(parse("sndtimeo=-1").value()).isEqualTo(Option.INFINITE);
        assertThat(parse("maxmsgsize=4096").value()).isEqualTo(4096L);
        assertThat(parse("zap_domain=admin").value()).isEqualTo("admin");
        assertThat((byte[]) parse("xpub_welcome_msg=0x0102").value()).containsExactly(1, 2);
        assertThat((byte[]) parse("routing_id=peer-1").value()).isEqualTo("peer-1".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseUnknownReadOnlyAndBadValues() {
        assertUsage("nonsense=1", "unknown socket option 'nonsense'");
        assertUsage("rcvmore=1", "unknown socket option");
        assertUsage("tcp_keepalive", "expected NAME=VALUE");
        assertUsage("=1", "expected NAME=VALUE");
        assertUsage("immediate=yes", "expected 1 or 0");
        assertUsage("sndhwm=x", "not a decimal integer");
        assertUsage("sndhwm=-5", "bad value");
        assertUsage("linger=-2", "--option linger");
    }

    @Test
    void shouldListEveryWritableOption() {
        assertThat(SocketOptionArg.names()).contains("tcp_keepalive", "tcp_keepalive_idle", "immediate", "ipv6",
                "sndhwm", "curve_serverkey").doesNotContain("rcvmore", "type", "last_endpoint");
    }

    @Test
    void shouldSetTheOptionOnTheSocketOrRefuseATypeItDoesNotApplyTo() {
        try (Context ctx = Context.create(); Socket push = ctx.socket(SocketType.PUSH)) {
            parse("tcp_keepalive=1").applyTo(push);
            assertThat(push.get(SocketOptions.TCP_KEEPALIVE)).isEqualTo(1);
            assertThatThrownBy(() -> parse("xpub_verbose=1").applyTo(push))
                    .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
        }
    }

    @Test
    void shouldBeAcceptedBySockAndRepeatable() {
        SockArgs a = SockArgsParser.parse(Arrays.asList("push", "tcp://h:1", "--option", "immediate=1",
                "--option=tcp_keepalive=1"));
        assertThat(a.socketOptions).extracting(SocketOptionArg::option)
                .containsExactly(SocketOptions.IMMEDIATE, SocketOptions.TCP_KEEPALIVE);
        CliRun.run("", "sock", "push", "tcp://127.0.0.1:1", "--option", "bogus=1")
                .assertFailure(2, "zenmq: option --option: unknown socket option 'bogus'");
        CliRun.run("", "sock", "push", "tcp://127.0.0.1:1", "--option", "xpub_verbose=1")
                .assertFailure(2, "zenmq: option --option: xpub_verbose cannot be set on PUSH");
    }
}
