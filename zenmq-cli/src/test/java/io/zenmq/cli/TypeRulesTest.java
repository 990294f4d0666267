// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.Msg;
import io.zenmq.SocketType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The per-type line and message rules, without sockets. */
@Timeout(10)
class TypeRulesTest {
    private static TypeRules rules(SocketType type) {
        return rules(type, TextFormat.standard());
    }

    private static TypeRules rules(SocketType type, TextFormat format) {
        return new TypeRules(type, format, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void shouldDropOneFrameLinesOnlyOnRouterAndStream() {
        assertThat(rules(SocketType.ROUTER).toMsg(b("peer"))).isNull();
        assertThat(rules(SocketType.STREAM).toMsg(b("peer"))).isNull();
        assertThat(frames(rules(SocketType.ROUTER).toMsg(b("peer\t")))).containsExactly("peer", "");
        assertThat(frames(rules(SocketType.DEALER).toMsg(b("alone")))).containsExactly("alone");
        assertThat(frames(rules(SocketType.XPUB).toMsg(b("")))).containsExactly("");
    }

    @Test
    void shouldKeepRouterFramesAsWritten() {
        assertThat(frames(rules(SocketType.ROUTER).toMsg(b("0x6964\t\tq\t0x41")))).containsExactly("id", "", "q", "A");
    }

    @Test
    void shouldTakeRestOfLineAsOneDataFrameOnStream() {
        assertThat(frames(rules(SocketType.STREAM).toMsg(b("0x0001\tab\tcd")))).containsExactly("\0\1", "ab\tcd");
        assertThat(frames(rules(SocketType.STREAM).toMsg(b("0x0001\t0x4142")))).containsExactly("\0\1", "AB");
        assertThat(frames(rules(SocketType.STREAM).toMsg(b("0x0001\t")))).containsExactly("\0\1", "");
        TextFormat hex = new TextFormat(true, b("|"));
        assertThat(frames(rules(SocketType.STREAM, hex).toMsg(b("0001|4142")))).containsExactly("\0\1", "AB");
        assertThatThrownBy(() -> rules(SocketType.STREAM, hex).toMsg(b("0001|41|42")))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(1));
    }

    @Test
    void shouldRecogniseStreamNoticesOnly() {
        assertThat(rules(SocketType.STREAM).isNotice(Msg.of(b("id"), new byte[0]))).isTrue();
        assertThat(rules(SocketType.STREAM).isNotice(Msg.of(b("id"), b("data")))).isFalse();
        assertThat(rules(SocketType.ROUTER).isNotice(Msg.of(b("id"), new byte[0]))).isFalse();
    }

    @Test
    void shouldSubscribeXsubToEachPrefixOrEverything() {
        assertThat(rules(SocketType.XSUB).initialMessages(List.of()))
                .singleElement().satisfies(m -> assertThat(m.frames()).containsExactly(new byte[] {1}));
        assertThat(rules(SocketType.XSUB).initialMessages(List.of(b("a"), new byte[] {0})))
                .extracting(m -> m.frame(0)).containsExactly(new byte[] {1, 'a'}, new byte[] {1, 0});
        assertThat(rules(SocketType.SUB).initialMessages(List.of(b("a")))).isEmpty();
        assertThat(rules(SocketType.DEALER).initialMessages(List.of())).isEmpty();
    }

    private static List<String> frames(Msg msg) {
        return msg.frames().stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
