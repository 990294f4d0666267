// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ConnectionHarness.Frame;
import static io.zenmq.internal.zmtp.ConnectionHarness.ascii;
import static io.zenmq.internal.zmtp.ConnectionHarness.pump;
import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static io.zenmq.internal.zmtp.WireBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.SocketType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Drives {@link ZmtpConnection} byte by byte, with no channel and no thread. */
class ZmtpConnectionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final int MORE = ZmtpConnection.MORE;
    private static final int SUBSCRIBE = ZmtpConnection.SUBSCRIBE;
    private static final int CANCEL = ZmtpConnection.CANCEL;

    /** A libzmq 4.3 NULL peer's greeting with this minor version. */
    private static byte[] greeting(int minor) {
        byte[] greeting = Greeting.encode("NULL", false);
        greeting[ZmtpLayout.MINOR_OFFSET] = (byte) minor;
        return greeting;
    }

    private static byte[] readyFrame(String type) {
        return FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, TestCommands.readyBody(type, null));
    }

    private static byte[] command(byte[] body) {
        return FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, body);
    }

    /** Our connection of this type, handshaken with a 3.x NULL peer of that type. */
    private static ConnectionHarness activeWith31Peer(ConnectionSettings settings, String peerType) {
        ConnectionHarness ours = new ConnectionHarness(settings,
                ConnectionHarness.mechanism(io.zenmq.internal.mechanism.SecurityConfig.NULL, settings.type(), 1));
        ours.start();
        ours.feed(bytes(greeting(1), readyFrame(peerType)));
        assertThat(ours.connection.isActive()).isTrue();
        ours.output();
        return ours;
    }

    private static List<RecordingSink.Frame> decode(byte[] wire, boolean zmtp10) throws ProtocolException {
        RecordingSink sink = new RecordingSink();
        (zmtp10 ? FrameDecoder.zmtp10(-1) : new FrameDecoder(-1)).decode(ByteBuffer.wrap(wire), sink);
        return sink.frames;
    }

    // ------------------------------------------------------------------ handshakes

    @Test
    void shouldHandshakeAndCarryFramesBothWaysWithNull() {
        ConnectionHarness[] peers = ConnectionHarness.pair("NULL", SocketType.DEALER, SocketType.ROUTER, 1);
        peers[0].start();
        peers[1].start();

        pump(peers[0], peers[1]);

        assertThat(peers[0].events).containsExactly("ready");
        assertThat(peers[1].events).containsExactly("ready");
        assertThat(Metadata.get(peers[1].peerProperties, "Socket-Type")).isEqualTo(ascii("DEALER"));
        peers[0].toSend.addAll(List.of(Frame.of("a", MORE), Frame.of("b", 0)));
        peers[1].toSend.add(Frame.of("c", 0));
        pump(peers[0], peers[1]);
        assertThat(peers[1].received).containsExactly(Frame.of("a", MORE), Frame.of("b", 0));
        assertThat(peers[0].received).containsExactly(Frame.of("c", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NULL", "PLAIN", "CURVE"})
    void shouldHandshakeWithTheRealMechanisms(String mechanism) {
        ConnectionHarness[] peers = ConnectionHarness.pair(mechanism, SocketType.REQ, SocketType.REP, 7);
        peers[0].start();
        peers[1].start();
        peers[0].toSend.add(Frame.of("hello", 0));

        pump(peers[0], peers[1]);

        assertThat(peers[0].connection.isActive()).isTrue();
        assertThat(peers[1].connection.isActive()).isTrue();
        assertThat(peers[1].received).containsExactly(Frame.of("hello", 0));
    }

    @Test
    void shouldHandshakeWhicheverGreetingArrivesFirst() {
        for (int first = 0; first < 2; first++) {
            ConnectionHarness[] peers = ConnectionHarness.pair("NULL", SocketType.PAIR, SocketType.PAIR, 3);
            peers[0].start();
            byte[] early = peers[0].output();
            peers[1].start();
            if (first == 0) {
                // the whole greeting of one side, one byte at a time, before the other side speaks
                for (byte b : early) {
                    peers[1].feed(new byte[] {b});
                }
            } else {
                peers[0].feed(peers[1].output());
                peers[1].feed(early);
            }
            pump(peers[0], peers[1]);
            assertThat(peers[0].connection.isActive()).as("first %d", first).isTrue();
            assertThat(peers[1].connection.isActive()).as("first %d", first).isTrue();
        }
    }

    @Test
    void shouldRefuseAnIncompatibleSocketTypeWithAnErrorFirst() throws ProtocolException {
        ConnectionHarness ours = ConnectionHarness.nullMechanism(SocketType.PUB);
        ours.start();
        ours.output();

        ours.feed(bytes(greeting(1), readyFrame("PUSH")));

        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.PROTOCOL_ERROR);
        assertThat(ours.connection.protocolError()).isEqualTo(ProtocolErrors.ZMTP_INVALID_METADATA);
        assertThat(ours.events).containsExactly("HANDSHAKE_FAILED_PROTOCOL 10000018");
        byte[] written = ours.output();
        int rest = ZmtpLayout.GREETING_LENGTH - ZmtpLayout.SIGNATURE_LENGTH;
        List<RecordingSink.Frame> sent = decode(Arrays.copyOfRange(written, rest, written.length), false);
        assertThat(sent).extracting(f -> Commands.name(f.body)).containsExactly("READY", "ERROR");
        assertThat(Commands.parseError(sent.get(1).body)).isEqualTo("Invalid socket type");
    }

    @Test
    void shouldReportAnErrorFromThePeerInTheHandshake() {
        ConnectionHarness ours = ConnectionHarness.nullMechanism(SocketType.DEALER);
        ours.start();

        ours.feed(bytes(greeting(1), command(Commands.errorBody("400"))));

        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.PROTOCOL_ERROR);
        // an authentication failure, and no protocol failure on top (as libzmq)
        assertThat(ours.events).containsExactly("HANDSHAKE_FAILED_AUTH 190");
    }

    @Test
    void shouldFailOnAnErrorFromThePeerOnceActive() {
        ConnectionHarness ours = activeWith31Peer(ConnectionHarness.settings(SocketType.DEALER), "ROUTER");

        ours.feed(command(Commands.errorBody("going away")));

        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.PROTOCOL_ERROR);
        assertThat(ours.events).containsExactly("ready");
    }

    @Test
    void shouldCloseWhenTheSocketRejectsTheConnection() {
        ConnectionHarness ours = ConnectionHarness.nullMechanism(SocketType.DEALER);
        ours.acceptConnection = false;
        ours.start();

        ours.feed(bytes(greeting(1), readyFrame("ROUTER"), FrameEncoder.frame(0, ascii("x"))));

        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.REJECTED);
        assertThat(ours.received).isEmpty();
    }

    @Test
    void shouldRefuseAMechanismMismatch() {
        ConnectionHarness ours = ConnectionHarness.nullMechanism(SocketType.DEALER);
        ours.start();
        ours.output();

        ours.feed(Greeting.encode("PLAIN", false));

        assertThat(ours.connection.protocolError()).isEqualTo(ProtocolErrors.ZMTP_MECHANISM_MISMATCH);
        // the rest of our greeting still goes out: the peer learns our mechanism
        assertThat(ours.output()).hasSize(ZmtpLayout.GREETING_LENGTH - ZmtpLayout.SIGNATURE_LENGTH);
    }

    // ------------------------------------------------------------------ limits

    @Test
    void shouldRefuseAFrameAboveMaxMsgSize() {
        ConnectionSettings settings = new ConnectionSettings(SocketType.DEALER, new byte[0], true, 100, 0, 0, 0, 0);
        ConnectionHarness ours = activeWith31Peer(settings, "ROUTER");

        ours.feed(FrameEncoder.frame(0, new byte[100]));
        ours.feed(FrameEncoder.frame(0, new byte[101]));

        assertThat(ours.received).hasSize(1);
        assertThat(ours.connection.protocolError()).isEqualTo(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE);
        assertThat(ours.events).containsExactly("ready");
    }

    @Test
    void shouldRefuseAnOversizedFrameBeforeTheHandshake() {
        ConnectionHarness ours = ConnectionHarness.nullMechanism(SocketType.DEALER);
        ours.start();
        ByteBuffer header = ByteBuffer.allocate(ZmtpLayout.LONG_HEADER_LENGTH);
        FrameEncoder.writeHeader(header, ZmtpLayout.FLAG_COMMAND, ZmtpConnection.MAX_HANDSHAKE_FRAME + 1);

        ours.feed(bytes(greeting(1), header.array()));

        assertThat(ours.connection.protocolError()).isEqualTo(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE);
        assertThat(ours.events).containsExactly("HANDSHAKE_FAILED_PROTOCOL 10000100");
    }

    @Test
    void shouldStopDecodingWhileTheInboundQueueIsFull() {
        ConnectionHarness ours = activeWith31Peer(ConnectionHarness.settings(SocketType.PULL), "PUSH");
        ours.room = 1;

        ours.feed(bytes(FrameEncoder.frame(0, ascii("a")), FrameEncoder.frame(0, ascii("b"))));

        assertThat(ours.received).containsExactly(Frame.of("a", 0));
        assertThat(ours.unreadBytes()).isEqualTo(3);
        ours.drain(10);
        assertThat(ours.received).containsExactly(Frame.of("a", 0), Frame.of("b", 0));
    }

    // ------------------------------------------------------------------ time

    @Test
    void shouldExpireTheHandshake() {
        ConnectionSettings settings = new ConnectionSettings(SocketType.DEALER, new byte[0], true, -1,
                5 * SECOND, 0, 0, 0);
        ConnectionHarness ours = new ConnectionHarness(settings, ConnectionHarness.mechanism(
                io.zenmq.internal.mechanism.SecurityConfig.NULL, SocketType.DEALER, 1));
        ours.now = 100;
        ours.start();

        assertThat(ours.connection.hasDeadline()).isTrue();
        assertThat(ours.connection.nextDeadline()).isEqualTo(100 + 5 * SECOND);
        ours.connection.deadlineReached(100 + 5 * SECOND - 1);
        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.OPEN);
        ours.connection.deadlineReached(100 + 5 * SECOND);
        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.HANDSHAKE_TIMEOUT);
    }

    @Test
    void shouldDropTheHandshakeDeadlineOnceActive() {
        ConnectionSettings settings = new ConnectionSettings(SocketType.DEALER, new byte[0], true, -1,
                5 * SECOND, 0, 0, 0);
        ConnectionHarness ours = activeWith31Peer(settings, "ROUTER");

        assertThat(ours.connection.hasDeadline()).isFalse();
    }

    @Test
    void shouldAnswerPingWithPongAndItsContext() throws ProtocolException {
        ConnectionHarness ours = activeWith31Peer(ConnectionHarness.settings(SocketType.DEALER), "ROUTER");

        ours.feed(command(Commands.pingBody(0, ascii("ctx"))));

        assertThat(ours.connection.takeWriteRequest()).isTrue();
        List<RecordingSink.Frame> sent = decode(ours.output(), false);
        assertThat(sent).hasSize(1);
        assertThat(TestCommands.pongContext(sent.get(0).body)).isEqualTo(ascii("ctx"));
        assertThat(ours.connection.hasDeadline()).isFalse();
    }

    @Test
    void shouldDropAPeerSilentBeyondItsPingTtl() {
        ConnectionHarness ours = activeWith31Peer(ConnectionHarness.settings(SocketType.DEALER), "ROUTER");
        ours.now = 1000;

        ours.feed(command(Commands.pingBody(10, null)));

        assertThat(ours.connection.nextDeadline()).isEqualTo(1000 + SECOND);
        ours.connection.deadlineReached(1000 + SECOND);
        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.HEARTBEAT_EXPIRED);
    }

    @Test
    void shouldKeepAPeerThatSpokeWithinItsPingTtl() {
        ConnectionHarness ours = activeWith31Peer(ConnectionHarness.settings(SocketType.DEALER), "ROUTER");
        ours.now = 1000;
        ours.feed(command(Commands.pingBody(10, null)));
        ours.now = 2000;
        ours.feed(FrameEncoder.frame(0, ascii("x")));

        ours.connection.deadlineReached(1000 + SECOND);

        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.OPEN);
        assertThat(ours.connection.hasDeadline()).isFalse();
    }

    @Test
    void shouldPingEveryIntervalAndExpireAfterTheTimeout() throws ProtocolException {
        ConnectionSettings settings = new ConnectionSettings(SocketType.DEALER, new byte[0], true, -1, 0,
                SECOND, 3 * SECOND, 2 * SECOND);
        ConnectionHarness ours = activeWith31Peer(settings, "ROUTER");

        assertThat(ours.connection.nextDeadline()).isEqualTo(SECOND);
        ours.connection.deadlineReached(SECOND);
        List<RecordingSink.Frame> sent = decode(ours.output(), false);
        assertThat(sent).hasSize(1);
        assertThat(Commands.is(sent.get(0).body, ZmtpLayout.PING)).isTrue();
        assertThat(Commands.pingTtl(sent.get(0).body)).isEqualTo(30);
        assertThat(ours.connection.nextDeadline()).isEqualTo(2 * SECOND);
        ours.connection.deadlineReached(2 * SECOND);
        ours.output();
        assertThat(ours.connection.nextDeadline()).isEqualTo(3 * SECOND);

        ours.connection.deadlineReached(3 * SECOND);

        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.HEARTBEAT_EXPIRED);
    }

    @Test
    void shouldNotExpireWhenThePeerAnswersWithinTheTimeout() {
        ConnectionSettings settings = new ConnectionSettings(SocketType.DEALER, new byte[0], true, -1, 0,
                SECOND, 0, 2 * SECOND);
        ConnectionHarness ours = activeWith31Peer(settings, "ROUTER");
        ours.connection.deadlineReached(SECOND);
        ours.now = SECOND + 5;
        ours.feed(command(Commands.pongBody(null)));

        ours.connection.deadlineReached(3 * SECOND);

        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.OPEN);
    }

    // ------------------------------------------------------------------ subscriptions

    @Test
    void shouldSendSubscriptionsAsCommandsToA31Peer() throws ProtocolException {
        ConnectionHarness ours = activeWith31Peer(ConnectionHarness.settings(SocketType.SUB), "PUB");
        ours.toSend.addAll(List.of(Frame.of("news", SUBSCRIBE), Frame.of("news", CANCEL)));

        List<RecordingSink.Frame> sent = decode(ours.output(), false);

        assertThat(sent).containsExactly(
                RecordingSink.Frame.command(Commands.subscribeBody(ascii("news"))),
                RecordingSink.Frame.command(Commands.cancelBody(ascii("news"))));
    }

    @Test
    void shouldSendSubscriptionsAsMessagesToA30Peer() throws ProtocolException {
        ConnectionHarness ours = ConnectionHarness.nullMechanism(SocketType.SUB);
        ours.start();
        ours.feed(bytes(greeting(0), readyFrame("PUB")));
        ours.output();
        ours.toSend.addAll(List.of(Frame.of("a", SUBSCRIBE), Frame.of("a", CANCEL)));

        List<RecordingSink.Frame> sent = decode(ours.output(), false);

        assertThat(sent).containsExactly(RecordingSink.Frame.data(hex("01 61"), false),
                RecordingSink.Frame.data(hex("00 61"), false));
    }

    @Test
    void shouldSendSubscriptionsAsMessagesToA20Peer() throws ProtocolException {
        ConnectionHarness ours = ConnectionHarness.nullMechanism(SocketType.SUB);
        ours.start();
        ours.output();
        // ZMTP 2.0 PUB (socket type 1), then its empty identity frame
        ours.feed(hex("ff 00 00 00 00 00 00 00 01 7f 01 01 00 00"));
        assertThat(ours.connection.isActive()).isTrue();
        ours.output();
        ours.toSend.add(Frame.of("a", SUBSCRIBE));

        assertThat(ours.output()).isEqualTo(hex("00 02 01 61"));
    }

    @Test
    void shouldSendSubscriptionsInZmtp10FramingToA10Peer() {
        ConnectionHarness ours = ConnectionHarness.nullMechanism(SocketType.SUB);
        ours.start();
        ours.output();
        // an unversioned peer's empty identity frame
        ours.feed(hex("01 00"));
        assertThat(ours.connection.isActive()).isTrue();
        ours.output();
        ours.toSend.add(Frame.of("a", SUBSCRIBE));

        assertThat(ours.output()).isEqualTo(hex("03 00 01 61"));
    }

    @Test
    void shouldGiveAPublisherA10PeerSubscriptionToEverything() {
        ConnectionHarness ours = ConnectionHarness.nullMechanism(SocketType.XPUB);
        ours.start();

        ours.feed(hex("01 00"));

        assertThat(ours.received).containsExactly(new Frame(new byte[0], SUBSCRIBE));
        assertThat(ours.peerProperties).containsKey(ZmtpLayout.PROPERTY_IDENTITY);
    }

    @Test
    void shouldHandAPublisherSubscriptionCommandsInTheSocketsForm() {
        ConnectionHarness ours = activeWith31Peer(ConnectionHarness.settings(SocketType.PUB), "SUB");

        ours.feed(bytes(command(Commands.subscribeBody(ascii("t"))), command(Commands.cancelBody(ascii("t")))));

        assertThat(ours.received).containsExactly(Frame.of("t", SUBSCRIBE), Frame.of("t", CANCEL));
    }

    @Test
    void shouldLeaveA30PeersSubscriptionMessagesToTheSocket() {
        ConnectionHarness ours = ConnectionHarness.nullMechanism(SocketType.XPUB);
        ours.start();

        ours.feed(bytes(greeting(0), readyFrame("SUB"), FrameEncoder.frame(0, hex("01 74"))));

        assertThat(ours.received).containsExactly(new Frame(hex("01 74"), 0));
    }

    @Test
    void shouldIgnoreSubscriptionCommandsToANonPublisher() {
        ConnectionHarness ours = activeWith31Peer(ConnectionHarness.settings(SocketType.DEALER), "ROUTER");

        ours.feed(command(Commands.subscribeBody(ascii("t"))));

        assertThat(ours.received).isEmpty();
        assertThat(ours.connection.status()).isEqualTo(ZmtpConnection.Status.OPEN);
    }

    @Test
    void shouldWrapSubscriptionsForACurvePeer() {
        ConnectionHarness[] peers = ConnectionHarness.pair("CURVE", SocketType.SUB, SocketType.PUB, 5);
        peers[0].start();
        peers[1].start();
        pump(peers[0], peers[1]);
        peers[0].toSend.add(Frame.of("x", SUBSCRIBE));
        peers[1].toSend.add(Frame.of("x-data", 0));

        pump(peers[0], peers[1]);

        assertThat(peers[1].received).containsExactly(Frame.of("x", SUBSCRIBE));
        assertThat(peers[0].received).containsExactly(Frame.of("x-data", 0));
        assertThat(peers[1].peerProperties).isNotNull();
        assertThat(Map.copyOf(peers[1].peerProperties)).containsKey("Socket-Type");
    }
}
