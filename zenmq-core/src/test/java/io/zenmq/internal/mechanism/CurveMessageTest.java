// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.mechanism.CurvePeers.assertProtocolError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.Mechanism.Unwrapped;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ZapReply;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MESSAGE after a CURVE handshake: flags, nonces, and every kind of damage (spec/security.md 3.3, 3.8). */
class CurveMessageTest {
    private final CurvePeers peers = new CurvePeers(7);

    @BeforeEach
    void handshake() throws Exception {
        peers.handshake(ZapReply.NO_HANDLER);
    }

    @Test
    void shouldCarryFlagsInThePlaintextBothWays() throws Exception {
        int both = ZmtpLayout.FLAG_MORE | ZmtpLayout.FLAG_COMMAND;

        Unwrapped more = CurvePeers.send(peers.client, peers.server, ascii("a"), ZmtpLayout.FLAG_MORE);
        Unwrapped command = CurvePeers.send(peers.server, peers.client, Commands.pingBody(10, null),
                ZmtpLayout.FLAG_COMMAND);
        Unwrapped last = CurvePeers.send(peers.client, peers.server, new byte[0], 0);
        Unwrapped moreCommand = CurvePeers.send(peers.server, peers.client, ascii("x"), both);

        assertThat(more.flags()).isEqualTo(ZmtpLayout.FLAG_MORE);
        assertThat(more.frame()).isEqualTo(ascii("a"));
        assertThat(command.flags()).isEqualTo(ZmtpLayout.FLAG_COMMAND);
        assertThat(command.frame()).isEqualTo(Commands.pingBody(10, null));
        assertThat(last.flags()).isZero();
        assertThat(last.frame()).isEmpty();
        assertThat(moreCommand.flags()).isEqualTo(both);
    }

    @Test
    void shouldNumberMessagesFromThreeForTheClientAndTwoForTheServer() {
        assertThat(CurveLayout.getLong(peers.client.encode(new byte[0], 0), 8)).isEqualTo(3);
        assertThat(CurveLayout.getLong(peers.client.encode(new byte[0], 0), 8)).isEqualTo(4);
        assertThat(CurveLayout.getLong(peers.server.encode(new byte[0], 0), 8)).isEqualTo(2);
    }

    @Test
    void shouldRejectAReplayedMessage() throws Exception {
        byte[] body = peers.client.encode(ascii("once"), 0);
        peers.server.decode(body);

        assertProtocolError(ProtocolErrors.ZMTP_INVALID_SEQUENCE, () -> peers.server.decode(body));
    }

    @Test
    void shouldRejectReorderedMessagesButAcceptGaps() throws Exception {
        byte[] first = peers.client.encode(ascii("1"), 0);
        byte[] second = peers.client.encode(ascii("2"), 0);

        assertThat(peers.server.decode(second).frame()).isEqualTo(ascii("2"));
        assertProtocolError(ProtocolErrors.ZMTP_INVALID_SEQUENCE, () -> peers.server.decode(first));
    }

    @Test
    void shouldRejectANonceNotAboveTheHandshakeBaseline() {
        byte[] body = peers.client.encode(ascii("x"), 0);
        CurveLayout.putLong(body, CurveLayout.MESSAGE_SHORT_NONCE_OFFSET, 2);

        assertProtocolError(ProtocolErrors.ZMTP_INVALID_SEQUENCE, () -> peers.server.decode(body));
    }

    @Test
    void shouldRejectARaisedNonceAsCryptographic() {
        byte[] body = peers.client.encode(ascii("x"), 0);
        CurveLayout.putLong(body, CurveLayout.MESSAGE_SHORT_NONCE_OFFSET, 1000);

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> peers.server.decode(body));
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 20, 31, 32, 33, 40})
    void shouldRejectAnAlteredBoxByte(int offset) {
        byte[] body = peers.client.encode(ascii("payload!"), 0);
        body[offset] ^= 0x01;

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> peers.server.decode(body));
    }

    @Test
    void shouldStillAcceptTheNextMessageAfterARejectedOne() throws Exception {
        byte[] forged = peers.client.encode(ascii("forged"), 0);
        forged[forged.length - 1] ^= 0x01;
        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> peers.server.decode(forged));

        byte[] next = peers.client.encode(ascii("next"), 0);

        assertThat(peers.server.decode(next).frame()).isEqualTo(ascii("next"));
    }

    @Test
    void shouldRejectATruncatedMessage() {
        byte[] body = peers.client.encode(ascii("abc"), 0);

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC,
                () -> peers.server.decode(Arrays.copyOf(body, body.length - 1)));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_MESSAGE,
                () -> peers.server.decode(Arrays.copyOf(body, CurveLayout.MESSAGE_MIN_SIZE - 1)));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_MESSAGE,
                () -> peers.server.decode(Arrays.copyOf(body, 8)));
    }

    @Test
    void shouldRejectAMessageReflectedBackToItsSender() {
        byte[] body = peers.client.encode(ascii("mirror"), 0);

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> peers.client.decode(body));
    }

    @Test
    void shouldRejectOtherCommandsAndNonCommands() {
        byte[] body = peers.client.encode(ascii("x"), 0);
        body[1] = 'm';

        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, () -> peers.server.decode(body));
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> peers.server.decode(Commands.pingBody(1, null)));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, () -> peers.server.decode(new byte[0]));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                () -> peers.server.decode(new byte[] {9, 'M'}));
    }

    @Test
    void shouldNotTouchTheBodyWhileDecoding() throws Exception {
        byte[] body = peers.server.encode(ascii("keep"), 0);
        byte[] copy = body.clone();

        peers.client.decode(body);

        assertThat(body).isEqualTo(copy);
    }

    @Test
    void shouldWrapIntoOneReusedBodyThatDecodesLikeEncode() throws Exception {
        int first = peers.client.wrap(ascii("first frame"), ZmtpLayout.FLAG_MORE);
        byte[] body = peers.client.wrapped();
        Unwrapped one = peers.server.decode(Arrays.copyOf(body, first));
        int second = peers.client.wrap(ascii("2nd"), 0);
        Unwrapped two = peers.server.decode(Arrays.copyOf(peers.client.wrapped(), second));

        assertThat(peers.client.wrapped()).isSameAs(body);
        assertThat(first).isEqualTo(CurveLayout.MESSAGE_BOX_OFFSET + CurveLayout.BOX_OVERHEAD + 1 + 11);
        assertThat(one.frame()).isEqualTo(ascii("first frame"));
        assertThat(one.flags()).isEqualTo(ZmtpLayout.FLAG_MORE);
        assertThat(two.frame()).isEqualTo(ascii("2nd"));
        assertThat(two.flags()).isZero();
    }

    @Test
    void shouldNotKeepABodyLargerThanTheReuseLimit() throws Exception {
        byte[] large = new byte[CurveMessageCodec.MAX_REUSED_BODY];
        large[large.length - 1] = 42;

        int length = peers.client.wrap(large, 0);
        byte[] first = peers.client.wrapped();
        Unwrapped opened = peers.server.decode(Arrays.copyOf(first, length));
        peers.client.wrap(large, 0);

        assertThat(opened.frame()).isEqualTo(large);
        assertThat(peers.client.wrapped()).isNotSameAs(first);
    }

    @Test
    void shouldRefuseToWrapBeforeTheHandshake() {
        CurvePeers fresh = new CurvePeers(8);

        assertThatThrownBy(() -> fresh.client.encode(new byte[1], 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fresh.server.decode(new byte[40])).isInstanceOf(IllegalStateException.class);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
