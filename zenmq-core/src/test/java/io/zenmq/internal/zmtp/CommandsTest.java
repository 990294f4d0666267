// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ProtocolAssertions.assertProtocolError;
import static io.zenmq.internal.zmtp.WireBytes.ascii;
import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static io.zenmq.internal.zmtp.WireBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command bodies against the byte layouts of spec/zmtp.md sections 5, 9 and 10. */
class CommandsTest {

    private static byte[] commandFrame(byte[] body) {
        return FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, body);
    }

    @Test
    void shouldBuildReadyOfDealerWithIdentityAbAsLibzmq() {
        byte[] body = TestCommands.readyBody("DEALER", ascii("AB"));

        assertThat(body).hasSize(43);
        assertThat(commandFrame(body)).isEqualTo(bytes(0x04, 0x2b, 0x05, "READY",
                0x0b, "Socket-Type", 0x00, 0x00, 0x00, 0x06, "DEALER",
                0x08, "Identity", 0x00, 0x00, 0x00, 0x02, "AB"));
    }

    @Test
    void shouldSendEmptyIdentityWhenGivenEmptyArray() {
        assertThat(commandFrame(TestCommands.readyBody("ROUTER", new byte[0]))).isEqualTo(bytes(0x04, 0x29,
                0x05, "READY", 0x0b, "Socket-Type", 0, 0, 0, 6, "ROUTER", 0x08, "Identity", 0, 0, 0, 0));
    }

    @Test
    void shouldOmitIdentityWhenNull() throws ProtocolException {
        byte[] body = TestCommands.readyBody("PUB", null);

        assertThat(body).isEqualTo(bytes(0x05, "READY", 0x0b, "Socket-Type", 0, 0, 0, 3, "PUB"));
        assertThat(Commands.parseReady(body)).containsOnlyKeys("Socket-Type");
    }

    @Test
    void shouldParseReadyMetadataCaseInsensitively() throws ProtocolException {
        byte[] body = bytes(0x05, "READY", 0x0b, "socket-type", 0, 0, 0, 3, "REQ", 0x08, "IDENTITY", 0, 0, 0, 0);

        Map<String, byte[]> props = Commands.parseReady(body);

        assertThat(Metadata.get(props, ZmtpLayout.PROPERTY_SOCKET_TYPE)).isEqualTo(ascii("REQ"));
        assertThat(Metadata.get(props, ZmtpLayout.PROPERTY_IDENTITY)).isEmpty();
        assertThat(Metadata.get(props, "X-Missing")).isNull();
    }

    @Test
    void shouldRejectReadyWithTrailingByte() {
        byte[] body = bytes(TestCommands.readyBody("DEALER", null), 0x01);

        assertProtocolError(ProtocolErrors.ZMTP_INVALID_METADATA, () -> Commands.parseReady(body));
    }

    @Test
    void shouldRejectNonReadyAndMalformedBodiesAsReady() {
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, () -> Commands.parseReady(Commands.pongBody(null)));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY, () -> Commands.parseReady(new byte[0]));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY, () -> Commands.parseReady(bytes(5, "REA")));
    }

    @Test
    void shouldBuildAndParseError400() throws ProtocolException {
        byte[] body = Commands.errorBody("400");

        assertThat(commandFrame(body)).isEqualTo(bytes(0x04, 0x0a, 0x05, "ERROR", 0x03, "400"));
        assertThat(Commands.parseError(body)).isEqualTo("400");
    }

    @Test
    void shouldTruncateErrorReasonTo255Bytes() throws ProtocolException {
        byte[] body = Commands.errorBody("r".repeat(300));

        assertThat(Commands.parseError(body)).isEqualTo("r".repeat(255));
    }

    @Test
    void shouldRejectMalformedError() {
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_ERROR,
                () -> Commands.parseError(bytes(0x05, "ERROR")));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_ERROR,
                () -> Commands.parseError(bytes(0x05, "ERROR", 0x05, "400")));
    }

    @Test
    void shouldNotRecognizeLibzmqPlainServersMisspelledError() {
        byte[] body = hex("05 5E 52 52 4F 52 03 34 30 30");

        assertThat(Commands.is(body, ZmtpLayout.ERROR)).isFalse();
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, () -> Commands.parseError(body));
    }

    @Test
    void shouldBuildSubscribeAndCancelForTopicAb() throws ProtocolException {
        byte[] subscribe = Commands.subscribeBody(ascii("AB"));
        byte[] cancel = Commands.cancelBody(ascii("AB"));

        assertThat(commandFrame(subscribe)).isEqualTo(bytes(0x04, 0x0c, 0x09, "SUBSCRIBE", "AB"));
        assertThat(commandFrame(cancel)).isEqualTo(bytes(0x04, 0x09, 0x06, "CANCEL", "AB"));
        assertThat(Commands.topic(subscribe)).isEqualTo(ascii("AB"));
        assertThat(Commands.topic(cancel)).isEqualTo(ascii("AB"));
        assertThat(Commands.topic(Commands.subscribeBody(new byte[0]))).isEmpty();
    }

    @Test
    void shouldBuildJoinForGroupG1() throws ProtocolException {
        byte[] join = TestCommands.joinBody(ascii("g1"));

        assertThat(commandFrame(join)).isEqualTo(bytes(0x04, 0x07, 0x04, "JOIN", "g1"));
        assertThat(Commands.topic(TestCommands.leaveBody(ascii("g1")))).isEqualTo(ascii("g1"));
        assertThatThrownBy(() -> TestCommands.joinBody(new byte[256])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldBuildPingWithTtl20AsLibzmq() throws ProtocolException {
        byte[] ping = Commands.pingBody(20, null);

        assertThat(commandFrame(ping)).isEqualTo(bytes(0x04, 0x07, 0x04, "PING", 0x00, 0x14));
        assertThat(Commands.pingTtl(ping)).isEqualTo(20);
        assertThat(Commands.pingContext(ping)).isEmpty();
    }

    @Test
    void shouldBuildPongWithoutContextAsLibzmq() throws ProtocolException {
        byte[] pong = Commands.pongBody(null);

        assertThat(commandFrame(pong)).isEqualTo(bytes(0x04, 0x05, 0x04, "PONG"));
        assertThat(TestCommands.pongContext(pong)).isEmpty();
    }

    @Test
    void shouldTruncatePingAndPongContextTo16Bytes() throws ProtocolException {
        byte[] context = ascii("0123456789abcdefXYZ");

        byte[] ping = Commands.pingBody(0xFFFF, context);
        byte[] longPing = bytes(0x04, "PING", 0x01, 0x00, context);

        assertThat(Commands.pingTtl(ping)).isEqualTo(0xFFFF);
        assertThat(Commands.pingContext(ping)).isEqualTo(ascii("0123456789abcdef"));
        assertThat(Commands.pingTtl(longPing)).isEqualTo(256);
        assertThat(Commands.pingContext(longPing)).isEqualTo(ascii("0123456789abcdef"));
        assertThat(Commands.pongBody(Commands.pingContext(longPing)))
                .isEqualTo(bytes(0x04, "PONG", "0123456789abcdef"));
        assertThat(TestCommands.pongContext(bytes(0x04, "PONG", context))).isEqualTo(ascii("0123456789abcdef"));
    }

    @Test
    void shouldRejectPingWithoutTtl() {
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                () -> Commands.pingTtl(bytes(0x04, "PING", 0x00)));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                () -> Commands.pingContext(bytes(0x04, "PING")));
        assertThatThrownBy(() -> Commands.pingBody(65_536, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Commands.pingBody(-1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadNamesAndRejectMalformedOnes() throws ProtocolException {
        assertThat(Commands.name(Commands.pingBody(1, null))).isEqualTo("PING");
        // the data starts right after the name: at offset 1 + 4 of 04 'PING' 00 01
        assertThat(Commands.topic(Commands.pingBody(1, null))).isEqualTo(hex("00 01"));
        assertThat(Commands.is(bytes(0x04, "PING"), "PING")).isTrue();
        assertThat(Commands.is(bytes(0x04, "PING"), "ping")).isFalse();
        assertThat(Commands.is(bytes(0x04, "PING"), "PINGS")).isFalse();

        for (byte[] bad : new byte[][] {new byte[0], bytes(0x00, "PING"), bytes(0x05, "PING")}) {
            assertThat(Commands.is(bad, "PING")).isFalse();
            assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, () -> Commands.name(bad));
            assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, () -> Commands.topic(bad));
        }
    }
}
