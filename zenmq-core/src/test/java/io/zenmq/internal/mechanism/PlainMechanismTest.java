// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.TestCommands;
import io.zenmq.internal.zmtp.ZapReply;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import io.zenmq.internal.zap.ZapLayout;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PLAIN and NULL mechanisms as pure state machines, and the PLAIN/ZAP layouts. */
class PlainMechanismTest {
    private static final byte[] META = Mechanisms.metadata("DEALER", new byte[0]);

    @Test
    void shouldLayOutHelloAsRfc24() {
        assertThat(HexFormat.of().formatHex(PlainLayout.hello(ascii("ab"), ascii("c"))))
                .isEqualTo("0548454c4c4f" + "026162" + "0163");
    }

    @Test
    void shouldRejectAHelloWhosePasswordDoesNotEndTheBody() throws ProtocolException {
        byte[] hello = PlainLayout.hello(ascii("user"), ascii("pw"));
        assertThat(PlainLayout.parseHello(hello)).isDeepEqualTo(new byte[][] {ascii("user"), ascii("pw")});
        byte[] trailing = java.util.Arrays.copyOf(hello, hello.length + 1);
        assertThatThrownBy(() -> PlainLayout.parseHello(trailing)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO));
        byte[] truncated = java.util.Arrays.copyOf(hello, hello.length - 1);
        assertThatThrownBy(() -> PlainLayout.parseHello(truncated)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void shouldCompleteAClientServerHandshakeWhenZapAdmits() throws ProtocolException {
        PlainMechanism client = new PlainMechanism(false, ascii("admin"), ascii("secret"), META);
        PlainMechanism server = new PlainMechanism(true, new byte[0], new byte[0], Mechanisms.metadata("ROUTER", null));
        RecordingOutput c = new RecordingOutput();
        RecordingOutput s = new RecordingOutput();
        client.start(c);
        server.start(s);
        server.onCommand(c.sent.get(0), s);
        assertThat(s.zapMechanisms).containsExactly("PLAIN");
        assertThat(s.zapRequests.get(0)).isDeepEqualTo(new byte[][] {ascii("admin"), ascii("secret")});
        server.onZapReply(new ZapReply(200, "OK", ascii("admin-id"), Map.of("X-Role", ascii("ops"))), s);
        assertThat(s.sent.get(0)).isEqualTo(new byte[] {7, 'W', 'E', 'L', 'C', 'O', 'M', 'E'});
        client.onCommand(s.sent.get(0), c);
        server.onCommand(c.sent.get(1), s);
        assertThat(s.ready).containsKeys("Socket-Type", "User-Id", "X-Role");
        assertThat(s.ready.get("User-Id")).isEqualTo(ascii("admin-id"));
        client.onCommand(s.sent.get(1), c);
        assertThat(c.ready.get("Socket-Type")).isEqualTo(ascii("ROUTER"));
    }

    @Test
    void shouldSendErrorWithTheStatusForARefusalAndNothingForATemporaryFailure() throws ProtocolException {
        for (int status : new int[] {300, 400, 500}) {
            PlainMechanism server = new PlainMechanism(true, new byte[0], new byte[0], META);
            RecordingOutput s = new RecordingOutput();
            server.start(s);
            server.onCommand(PlainLayout.hello(ascii("u"), ascii("p")), s);
            server.onZapReply(new ZapReply(status, "no", new byte[0], Map.of()), s);
            assertThat(s.refused).isEqualTo(status);
            if (status == 300) {
                assertThat(s.sent).isEmpty();
            } else {
                assertThat(Commands.parseError(s.sent.get(0))).isEqualTo(Integer.toString(status));
            }
        }
    }

    @Test
    void shouldFailWithEfaultWhenNoHandlerIsBound() throws ProtocolException {
        PlainMechanism server = new PlainMechanism(true, new byte[0], new byte[0], META);
        RecordingOutput s = new RecordingOutput();
        server.start(s);
        server.onCommand(PlainLayout.hello(ascii("u"), ascii("p")), s);
        server.onZapReply(ZapReply.NO_HANDLER, s);
        assertThat(s.failed).isEqualTo(14);
        assertThat(s.sent).isEmpty();
    }

    @Test
    void shouldRejectAWelcomeThatIsNotExactlyEightBytes() {
        PlainMechanism client = new PlainMechanism(false, ascii("u"), ascii("p"), META);
        RecordingOutput c = new RecordingOutput();
        client.start(c);
        assertThatThrownBy(() -> client.onCommand(new byte[] {7, 'W', 'E', 'L', 'C', 'O', 'M', 'E', 0}, c))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ProtocolErrors.ZMTP_MALFORMED_COMMAND_WELCOME));
        assertThatThrownBy(() -> client.onCommand(TestCommands.readyBody("PUB", null), c))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.code()).isEqualTo(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND));
    }

    @Test
    void shouldLetNullSendReadyOnlyAfterZapAdmits() throws ProtocolException {
        NullMechanism mechanism = new NullMechanism(META, true);
        RecordingOutput out = new RecordingOutput();
        mechanism.start(out);
        assertThat(out.sent).isEmpty();
        assertThat(out.zapMechanisms).containsExactly("NULL");
        mechanism.onCommand(TestCommands.readyBody("DEALER", null), out);
        assertThat(out.ready).isNull();
        mechanism.onZapReply(new ZapReply(200, "", ascii("anon"), Map.of()), out);
        assertThat(Commands.is(out.sent.get(0), "READY")).isTrue();
        assertThat(out.ready.get("User-Id")).isEqualTo(ascii("anon"));
        assertThatThrownBy(() -> mechanism.onCommand(TestCommands.readyBody("DEALER", null), out))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void shouldLayOutZapRequestsAndCheckRepliesAsLibzmq() throws ProtocolException {
        List<byte[]> request = ZapLayout.request("dom", "127.0.0.1", ascii("me"), "PLAIN", ascii("u"), ascii("p"));
        assertThat(request).containsExactly(new byte[0], ascii("1.0"), ascii("1"), ascii("dom"), ascii("127.0.0.1"),
                ascii("me"), ascii("PLAIN"), ascii("u"), ascii("p"));
        ZapReply reply = ZapLayout.parseReply(List.of(new byte[0], ascii("1.0"), ascii("1"), ascii("200"), ascii("OK"),
                ascii("bob"), new byte[0]));
        assertThat(reply.admitted()).isTrue();
        assertThat(reply.userId()).isEqualTo(ascii("bob"));
        assertZapError(List.of(new byte[0], ascii("1.0"), ascii("1"), ascii("200")), ProtocolErrors.ZAP_MALFORMED_REPLY);
        assertZapError(List.of(new byte[0], ascii("2.0"), ascii("1"), ascii("200"), ascii(""), ascii(""), new byte[0]),
                ProtocolErrors.ZAP_BAD_VERSION);
        assertZapError(List.of(new byte[0], ascii("1.0"), ascii("7"), ascii("200"), ascii(""), ascii(""), new byte[0]),
                ProtocolErrors.ZAP_BAD_REQUEST_ID);
        assertZapError(List.of(new byte[0], ascii("1.0"), ascii("1"), ascii("201"), ascii(""), ascii(""), new byte[0]),
                ProtocolErrors.ZAP_INVALID_STATUS_CODE);
        assertZapError(List.of(new byte[0], ascii("1.0"), ascii("1"), ascii("200"), ascii(""), ascii(""), new byte[] {9}),
                ProtocolErrors.ZAP_INVALID_METADATA);
    }

    private static void assertZapError(List<byte[]> reply, int code) {
        assertThatThrownBy(() -> ZapLayout.parseReply(reply)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
