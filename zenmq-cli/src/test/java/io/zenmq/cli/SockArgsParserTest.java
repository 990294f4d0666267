// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.SocketType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SockArgsParserTest {
    private static final String KEY = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";

    private static SockArgs parse(String... args) {
        return SockArgsParser.parse(Arrays.asList(args));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> parse(args)).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(2);
            assertThat(e.getMessage()).contains(message).doesNotContain("\n");
        });
    }

    @Test
    void shouldApplyDefaults() {
        SockArgs a = parse("pull", "tcp://*:5555");
        assertThat(a.type).isEqualTo(SocketType.PULL);
        assertThat(a.endpoints).containsExactly(new Endpoint(true, "tcp://*:5555"));
        assertThat(a.delim).isEqualTo("\t");
        assertThat(a.hexFormat).isFalse();
        assertThat(a.hasCount()).isFalse();
        assertThat(a.hasTimeout()).isFalse();
        assertThat(a.lingerMs).isEqualTo(2000);
        assertThat(a.delayMs).isZero();
        assertThat(a.intervalMs).isZero();
    }

    @Test
    void shouldAcceptOptionsAnywhereInBothForms() {
        SockArgs a = parse("-n", "3", "PUSH", "--delim=,", "tcp://h:1", "--linger", "-1", "-q", "--timeout=50",
                "--delay", "10", "--interval=5", "--sndhwm", "0", "--rcvhwm=7", "--reconnect-ivl", "-1",
                "--maxmsgsize", "9999999999", "--echo", "--format", "hex");
        assertThat(a.type).isEqualTo(SocketType.PUSH);
        assertThat(a.count).isEqualTo(3);
        assertThat(a.delim).isEqualTo(",");
        assertThat(a.lingerMs).isEqualTo(-1);
        assertThat(a.quiet).isTrue();
        assertThat(a.echo).isTrue();
        assertThat(a.timeoutMs).isEqualTo(50);
        assertThat(a.delayMs).isEqualTo(10);
        assertThat(a.intervalMs).isEqualTo(5);
        assertThat(a.sndhwm).isZero();
        assertThat(a.rcvhwm).isEqualTo(7);
        assertThat(a.reconnectIvlMs).isEqualTo(-1);
        assertThat(a.maxMsgSize).isEqualTo(9_999_999_999L);
        assertThat(a.hexFormat).isTrue();
    }

    @Test
    void shouldTakeValueStartingWithDashAndLastWins() {
        SockArgs a = parse("pair", "tcp://h:1", "--delim", "-", "--count", "1", "--count=4", "--delim", "--");
        assertThat(a.delim).isEqualTo("--");
        assertThat(a.count).isEqualTo(4);
    }

    @Test
    void shouldDecodeIdentityInSelectedFormat() {
        assertThat(parse("req", "tcp://h:1", "--identity", "0x4142").identityBytes)
                .isEqualTo("AB".getBytes(StandardCharsets.UTF_8));
        assertThat(parse("req", "tcp://h:1", "--identity", "abc").identityBytes)
                .isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(parse("req", "tcp://h:1", "--format", "hex", "--identity", "4142").identityBytes)
                .isEqualTo("AB".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldRejectBadIdentity() {
        assertUsage("--identity", "req", "tcp://h:1", "--identity", "");
        assertUsage("--identity", "req", "tcp://h:1", "--identity", "x".repeat(256));
        assertUsage("--identity", "req", "tcp://h:1", "--format", "hex", "--identity", "414");
        assertUsage("--identity", "req", "tcp://h:1", "--identity", "0x00aa");
    }

    @Test
    void shouldRejectBadNumbers() {
        assertUsage("--count", "pull", "tcp://*:1", "-n", "0");
        assertUsage("--count", "pull", "tcp://*:1", "-n", "x");
        assertUsage("--count", "pull", "tcp://*:1", "-n", "+3");
        assertUsage("--count", "pull", "tcp://*:1", "-n", "2147483648");
        assertUsage("--count", "pull", "tcp://*:1", "-n", "99999999999999999999999");
        assertUsage("--timeout", "pull", "tcp://*:1", "--timeout", "0");
        assertUsage("--linger", "pull", "tcp://*:1", "--linger", "-2");
        assertUsage("--sndhwm", "pull", "tcp://*:1", "--sndhwm", "-1");
        assertUsage("--reconnect-ivl", "pull", "tcp://*:1", "--reconnect-ivl=-5");
        assertUsage("--maxmsgsize", "pull", "tcp://*:1", "--maxmsgsize", "-2");
        assertUsage("--delay", "pull", "tcp://*:1", "--delay", "1.5");
        assertUsage("--interval", "pull", "tcp://*:1", "--interval=");
    }

    @Test
    void shouldRejectMissingValuesAndUnknownOptions() {
        assertUsage("needs a value", "pull", "tcp://*:1", "-n");
        assertUsage("unknown option --bogus", "pull", "tcp://*:1", "--bogus");
        assertUsage("unknown option -x", "pull", "tcp://*:1", "-x");
        assertUsage("takes no value", "pull", "tcp://*:1", "--quiet=yes");
        assertUsage("--format", "pull", "tcp://*:1", "--format", "base64");
        assertUsage("--delim", "pull", "tcp://*:1", "--delim", "");
    }

    @Test
    void shouldRejectMissingOrExtraPositionals() {
        assertUsage("missing socket type");
        assertUsage("missing endpoints", "pull");
        assertUsage("unexpected argument", "pull", "tcp://*:1", "extra");
        assertUsage("unknown socket type 'foo'", "foo", "tcp://*:1");
    }

    @Test
    void shouldAcceptEachDraftTypeOnceTheLibraryHasIt() {
        for (DraftType draft : DraftType.values()) {
            String endpoint = draft == DraftType.DGRAM ? "udp://127.0.0.1:5" : "tcp://h:1";
            for (String name : List.of(draft.lowerName(), draft.name())) {
                if (draft.socketType() == null) {
                    assertUsage("socket type " + draft.lowerName() + " is not supported yet", name, endpoint, "--join", "g");
                } else {
                    SockArgs a = parse(name, endpoint, "--join", "g");
                    assertThat(a.draft).isEqualTo(draft);
                    assertThat(a.type).isEqualTo(draft.socketType());
                    assertThat(a.type.name()).isEqualTo(draft.name());
                }
            }
        }
    }

    @Test
    void shouldRequireDishToJoinGroupsOf1To255Bytes() {
        assertUsage("dish needs at least one --join GROUP", "dish", "tcp://h:1");
        assertUsage("dish needs at least one --join GROUP", "DISH", "udp://*:5", "-n", "1");
        assertUsage("option --join: a group must be 1 to 255 bytes, got 0", "dish", "tcp://h:1", "--join", "");
        assertUsage("got 256", "dish", "tcp://h:1", "--join", "g", "--join", "x".repeat(256));
    }

    @Test
    void shouldCheckTheDraftTypesTransports() {
        assertUsage("dgram works over udp:// only", "dgram", "tcp://*:1");
        assertUsage("udp:// works with radio, dish and dgram only", "server", "udp://*:1");
        assertUsage("udp needs an explicit port", "dgram", "udp://*:*");
        assertUsage("udp needs an explicit port", "dish", "udp://*:0", "--join", "g");
        assertUsage("dish cannot connect over udp://", "dish", ">udp://127.0.0.1:5", "--join", "g");
    }

    @Test
    void shouldAcceptExactlyTheClassicTypesTheLibrarySupports() {
        for (SocketType type : SocketType.values()) {
            if (DraftType.byName(type.name().toLowerCase(Locale.ROOT)) != null) {
                continue; // the draft types: shouldAcceptEachDraftTypeOnceTheLibraryHasIt
            }
            String name = type.name().toLowerCase(Locale.ROOT);
            assertThat(parse(name, "tcp://h:1").type).isEqualTo(type);
            assertThat(parse(type.name(), "tcp://h:1").type).isEqualTo(type);
        }
    }

    @Test
    void shouldDecodeSubscriptionsInSelectedFormat() {
        SockArgs a = parse("sub", "tcp://h:1", "-s", "0x0001", "--subscribe=ab", "-s", "");
        assertThat(a.subscribeBytes).containsExactly(new byte[] {0, 1}, b("ab"), new byte[0]);
        assertThat(parse("sub", "tcp://h:1", "--format", "hex", "-s", "4142").subscribeBytes)
                .containsExactly(b("AB"));
        assertUsage("--subscribe", "sub", "tcp://h:1", "--format", "hex", "-s", "41x");
    }

    @Test
    void shouldRejectOptionsNotSupportedYetOnlyWhenTheyApply() {
        assertThat(parse("pull", "tcp://*:1", "--monitor").monitor).isTrue();
        assertThat(parse("pull", "tcp://*:1", "--heartbeat-ivl", "100", "--heartbeat-timeout", "300")
                .heartbeatTimeoutMs).isEqualTo(300);
        assertThat(parse("pull", "tcp://*:1", "--plain-server").plainServer).isTrue();
        assertThat(parse("rep", "tcp://*:1", "--curve-server", "--curve-secret", KEY).curveSecret).isEqualTo(KEY);
        SockArgs a = parse("pair", "tcp://h:1", "--conflate", "-s", "x", "--join", "g", "--router-mandatory",
                "--xpub-verbose");
        assertThat(a.subscribe).containsExactly("x");
        assertThat(a.conflate).isTrue();
        assertThat(a.routerMandatory).isTrue();
        assertThat(a.xpubVerbose).isTrue();
        assertThat(parse("push", "tcp://h:1", "--conflate").conflate).isTrue();
    }

    @Test
    void shouldCheckSecurityOptions() {
        assertUsage("Z85", "push", "tcp://h:1", "--curve-serverkey", KEY.substring(1) + "~");
        assertUsage("40 Z85", "push", "tcp://h:1", "--curve-serverkey", "abc");
        assertUsage("2^32-1", "push", "tcp://h:1", "--curve-serverkey", "#####" + KEY.substring(5));
        assertUsage("USER:PASS", "pull", "tcp://*:1", "--plain-server", "--auth", "bob");
        assertUsage("--plain-server", "pull", "tcp://*:1", "--auth", "bob:x");
        assertUsage("--curve-server", "pull", "tcp://*:1", "--auth-curve", KEY);
        assertUsage("--curve-secret", "pull", "tcp://*:1", "--curve-server");
        assertUsage("--curve-serverkey", "push", "tcp://h:1", "--curve-secret", KEY);
        assertUsage("both", "push", "tcp://h:1", "--plain-user", "u");
        assertUsage("mixed", "push", "tcp://h:1", "--plain-user", "u", "--plain-password", "p",
                "--curve-serverkey", KEY);
        assertUsage("client keys", "pull", "tcp://*:1", "--curve-server", "--curve-secret", KEY,
                "--curve-serverkey", KEY);
    }

    @Test
    void shouldRejectBadEndpointsAsUsageErrors() {
        assertUsage("inproc", "pull", "inproc://x");
        assertUsage("port", "push", "tcp://h:70000");
        assertUsage("connect", "push", "tcp://*:1");
    }
}
