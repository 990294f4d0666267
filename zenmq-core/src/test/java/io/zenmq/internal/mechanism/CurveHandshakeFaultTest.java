// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.mechanism.CurvePeers.assertProtocolError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.internal.crypto.CryptoBox;
import io.zenmq.internal.crypto.DeterministicRandom;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.TestCommands;
import io.zenmq.internal.zmtp.ZapReply;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed, forged and out-of-order handshake commands each fail with the protocol error libzmq
 * reports (spec/security.md sections 3.4 to 3.7).
 */
class CurveHandshakeFaultTest {
    private final CurvePeers peers = new CurvePeers(11);

    @Test
    void shouldFailHelloBoxedForAnotherServerKey() throws Exception {
        byte[] otherServer = CryptoBox.publicKey(CurvePeers.CLIENT_SECRET);
        CurvePeers wrong = new CurvePeers(new DeterministicRandom(1), new DeterministicRandom(2), otherServer);
        wrong.client.start(wrong.clientOut);

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC,
                () -> wrong.server.onCommand(wrong.clientOut.sent.get(0), wrong.serverOut));
        assertThat(wrong.serverOut.sent).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {CurveLayout.HELLO_SIZE - 1, CurveLayout.HELLO_SIZE + 1})
    void shouldFailHelloOfAnotherSize(int size) throws Exception {
        byte[] hello = Arrays.copyOf(startClient(), size);

        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO,
                () -> peers.server.onCommand(hello, peers.serverOut));
    }

    @ParameterizedTest
    @ValueSource(ints = {CurveLayout.HELLO_VERSION_OFFSET, CurveLayout.HELLO_VERSION_OFFSET + 1})
    void shouldFailHelloOfAnotherVersion(int offset) throws Exception {
        byte[] hello = startClient();
        hello[offset] ^= 0x03;

        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO,
                () -> peers.server.onCommand(hello, peers.serverOut));
    }

    @ParameterizedTest
    @ValueSource(ints = {CurveLayout.HELLO_CLIENT_KEY_OFFSET, CurveLayout.HELLO_SHORT_NONCE_OFFSET + 7,
        CurveLayout.HELLO_BOX_OFFSET, CurveLayout.HELLO_SIZE - 1})
    void shouldFailAnAlteredHello(int offset) throws Exception {
        byte[] hello = startClient();
        hello[offset] ^= 0x01;

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> peers.server.onCommand(hello, peers.serverOut));
    }

    @Test
    void shouldFailHelloFromALowOrderTransientKey() throws Exception {
        byte[] hello = startClient();
        Arrays.fill(hello, CurveLayout.HELLO_CLIENT_KEY_OFFSET, CurveLayout.HELLO_SHORT_NONCE_OFFSET, (byte) 0);

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> peers.server.onCommand(hello, peers.serverOut));
    }

    @ParameterizedTest
    @ValueSource(ints = {CurveLayout.WELCOME_SIZE - 1, CurveLayout.WELCOME_SIZE + 1})
    void shouldFailWelcomeOfAnotherSize(int size) throws Exception {
        byte[] welcome = Arrays.copyOf(serverWelcome(), size);

        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_WELCOME,
                () -> peers.client.onCommand(welcome, peers.clientOut));
    }

    @ParameterizedTest
    @ValueSource(ints = {CurveLayout.WELCOME_NONCE_OFFSET, CurveLayout.WELCOME_BOX_OFFSET,
        CurveLayout.WELCOME_SIZE - 1})
    void shouldFailAnAlteredWelcome(int offset) throws Exception {
        byte[] welcome = serverWelcome();
        welcome[offset] ^= 0x01;

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> peers.client.onCommand(welcome, peers.clientOut));
    }

    @Test
    void shouldFailAShortInitiate() throws Exception {
        byte[] initiate = Arrays.copyOf(clientInitiate(), CurveLayout.INITIATE_MIN_SIZE - 1);

        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_INITIATE,
                () -> peers.server.onCommand(initiate, peers.serverOut));
    }

    @ParameterizedTest
    @ValueSource(ints = {CurveLayout.INITIATE_COOKIE_OFFSET, CurveLayout.INITIATE_COOKIE_OFFSET + 20,
        CurveLayout.INITIATE_SHORT_NONCE_OFFSET, CurveLayout.INITIATE_BOX_OFFSET,
        CurveLayout.INITIATE_BOX_OFFSET + 150})
    void shouldFailAnAlteredInitiate(int offset) throws Exception {
        byte[] initiate = clientInitiate();
        initiate[offset] ^= 0x01;

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> peers.server.onCommand(initiate, peers.serverOut));
    }

    @Test
    void shouldFailAnInitiateMadeForAnotherConnection() throws Exception {
        byte[] initiate = clientInitiate();
        CurveMechanism otherServer = new CurveMechanism(true, new byte[0], CurvePeers.SERVER_SECRET, new byte[0],
                CurvePeers.SERVER_METADATA, new DeterministicRandom(99));
        RecordingOutput otherOut = new RecordingOutput();
        otherServer.onCommand(peers.clientOut.sent.get(0), otherOut);

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> otherServer.onCommand(initiate, otherOut));
    }

    @Test
    void shouldFailInitiateWithMalformedMetadata() throws Exception {
        CurveMechanism client = new CurveMechanism(false, CurvePeers.CLIENT_PUBLIC, CurvePeers.CLIENT_SECRET,
                CurvePeers.SERVER_PUBLIC, new byte[] {5, 'H', 'e'}, new DeterministicRandom(3));
        RecordingOutput clientOut = new RecordingOutput();
        client.start(clientOut);
        peers.server.onCommand(clientOut.sent.get(0), peers.serverOut);
        client.onCommand(peers.serverOut.sent.get(0), clientOut);

        assertProtocolError(ProtocolErrors.ZMTP_INVALID_METADATA,
                () -> peers.server.onCommand(clientOut.sent.get(1), peers.serverOut));
        assertThat(peers.serverOut.zapRequests).isEmpty();
    }

    @Test
    void shouldFailAShortReady() throws Exception {
        byte[] ready = Arrays.copyOf(serverReady(), CurveLayout.READY_MIN_SIZE - 1);

        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY,
                () -> peers.client.onCommand(ready, peers.clientOut));
    }

    @ParameterizedTest
    @ValueSource(ints = {CurveLayout.READY_SHORT_NONCE_OFFSET + 7, CurveLayout.READY_BOX_OFFSET,
        CurveLayout.READY_MIN_SIZE})
    void shouldFailAnAlteredReady(int offset) throws Exception {
        byte[] ready = serverReady();
        ready[offset] ^= 0x01;

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> peers.client.onCommand(ready, peers.clientOut));
        assertThat(peers.clientOut.ready).isNull();
    }

    @Test
    void shouldFailCommandsOutOfOrderOnTheServer() throws Exception {
        byte[] hello = startClient();
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> peers.server.onCommand(TestCommands.readyBody("DEALER", null), peers.serverOut));
        peers.server.onCommand(hello, peers.serverOut);

        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> peers.server.onCommand(hello, peers.serverOut));
    }

    @Test
    void shouldFailCommandsOutOfOrderOnTheClient() throws Exception {
        startClient();

        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> peers.client.onCommand(TestCommands.readyBody("ROUTER", null), peers.clientOut));
        assertProtocolError(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                () -> peers.client.onCommand(new byte[0], peers.clientOut));
    }

    @Test
    void shouldFailACommandWhileWaitingForZap() throws Exception {
        peers.runToZap();

        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> peers.server.onCommand(peers.clientOut.sent.get(1), peers.serverOut));
    }

    @Test
    void shouldFailHandshakeCommandsAfterTheHandshake() throws Exception {
        peers.handshake(ZapReply.NO_HANDLER);

        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> peers.server.onCommand(peers.clientOut.sent.get(0), peers.serverOut));
        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> peers.client.onCommand(peers.serverOut.sent.get(1), peers.clientOut));
    }

    @Test
    void shouldFailCommandsAfterARefusal() throws Exception {
        peers.runToZap();
        peers.answerZap(new ZapReply(400, "no", new byte[0], Map.of()));

        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> peers.server.onCommand(peers.clientOut.sent.get(1), peers.serverOut));
    }

    @Test
    void shouldTreatEngineMisuseAsAnIllegalState() throws Exception {
        startClient();

        assertThatThrownBy(() -> peers.client.start(peers.clientOut)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> peers.client.onZapReply(ZapReply.NO_HANDLER, peers.clientOut))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> peers.server.onZapReply(ZapReply.NO_HANDLER, peers.serverOut))
                .isInstanceOf(IllegalStateException.class);
    }

    private byte[] startClient() throws Exception {
        peers.client.start(peers.clientOut);
        return peers.clientOut.sent.get(0);
    }

    private byte[] serverWelcome() throws Exception {
        peers.server.onCommand(startClient(), peers.serverOut);
        return peers.serverOut.sent.get(0);
    }

    private byte[] clientInitiate() throws Exception {
        peers.client.onCommand(serverWelcome(), peers.clientOut);
        return peers.clientOut.sent.get(1);
    }

    private byte[] serverReady() throws Exception {
        peers.server.onCommand(clientInitiate(), peers.serverOut);
        peers.answerZap(ZapReply.NO_HANDLER);
        return peers.serverOut.sent.get(1);
    }
}
