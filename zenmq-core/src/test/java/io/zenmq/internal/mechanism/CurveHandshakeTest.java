// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.crypto.DeterministicRandom;
import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.Metadata;
import io.zenmq.internal.zmtp.ZapReply;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A CURVE client and server handshaking in memory, for each ZAP outcome (spec/security.md 3.9, 3.10, 4.4). */
class CurveHandshakeTest {
    private final CurvePeers peers = new CurvePeers(42);

    @Test
    void shouldAskZapAtInitiateWithTheClientsLongTermKey() throws Exception {
        peers.runToZap();

        assertThat(peers.serverOut.zapMechanisms).containsExactly("CURVE");
        assertThat(peers.serverOut.zapRequests).hasSize(1);
        assertThat(peers.serverOut.zapRequests.get(0)).hasDimensions(1, CurvePeers.CLIENT_PUBLIC.length);
        assertThat(peers.serverOut.zapRequests.get(0)[0]).isEqualTo(CurvePeers.CLIENT_PUBLIC);
        assertThat(peers.serverOut.sent).as("only WELCOME so far").hasSize(1);
        assertThat(peers.clientOut.sent).as("HELLO and INITIATE").hasSize(2);
        assertThat(peers.serverOut.ready).isNull();
        assertThat(peers.clientOut.ready).isNull();
    }

    @Test
    void shouldAdmitAnyClientWithoutZapHandler() throws Exception {
        peers.handshake(ZapReply.NO_HANDLER);

        assertThat(peers.serverOut.ready).containsOnlyKeys("Socket-Type", "Identity");
        assertThat(text(peers.serverOut.ready, "Socket-Type")).isEqualTo("DEALER");
        assertThat(text(peers.serverOut.ready, "Identity")).isEqualTo("client-1");
        assertThat(peers.clientOut.ready).containsOnlyKeys("Socket-Type");
        assertThat(text(peers.clientOut.ready, "Socket-Type")).isEqualTo("ROUTER");
        assertThat(peers.serverOut.refused).isNull();
        assertThat(peers.clientOut.refused).isNull();
    }

    @Test
    void shouldAddZapUserIdAndMetadataOn200() throws Exception {
        ZapReply reply = new ZapReply(200, "OK", ascii("alice"), Map.of("X-Hello", ascii("world")));

        peers.handshake(reply);

        assertThat(peers.serverOut.ready).containsOnlyKeys("Socket-Type", "Identity", "X-Hello", "User-Id");
        assertThat(text(peers.serverOut.ready, "User-Id")).isEqualTo("alice");
        assertThat(text(peers.serverOut.ready, "X-Hello")).isEqualTo("world");
        assertThat(peers.clientOut.ready).containsOnlyKeys("Socket-Type");
    }

    @Test
    void shouldOmitAnEmptyZapUserId() throws Exception {
        peers.handshake(new ZapReply(200, "OK", new byte[0], Map.of()));

        assertThat(peers.serverOut.ready).containsOnlyKeys("Socket-Type", "Identity");
    }

    @Test
    void shouldLetZapValuesWinOverTheClientsOwnProperties() throws Exception {
        ZapReply reply = new ZapReply(200, "OK", ascii("alice"), Map.of("Identity", ascii("from-zap")));

        peers.handshake(reply);

        assertThat(text(peers.serverOut.ready, "Identity")).isEqualTo("from-zap");
    }

    @Test
    void shouldSendNothingOnZap300() throws Exception {
        peers.runToZap();

        peers.answerZap(new ZapReply(300, "later", new byte[0], Map.of()));

        assertThat(peers.serverOut.refused).isEqualTo(300);
        assertThat(peers.serverOut.sent).as("only WELCOME").hasSize(1);
        assertThat(peers.serverOut.ready).isNull();
        assertThat(peers.server.encrypts()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 500})
    void shouldSendErrorThenRefuseOnZap400And500(int status) throws Exception {
        peers.runToZap();

        peers.answerZap(new ZapReply(status, "no", new byte[0], Map.of()));

        assertThat(peers.serverOut.sent).hasSize(2);
        assertThat(Commands.parseError(peers.serverOut.sent.get(1))).isEqualTo(Integer.toString(status));
        assertThat(peers.serverOut.refused).isEqualTo(status);
        assertThat(peers.serverOut.ready).isNull();
    }

    @Test
    void shouldCompleteWithEmptyMetadataOnBothSides() throws Exception {
        CurveMechanism client = new CurveMechanism(false, new byte[0], CurvePeers.CLIENT_SECRET,
                CurvePeers.SERVER_PUBLIC, new byte[0], new DeterministicRandom(5));
        CurveMechanism server = new CurveMechanism(true, new byte[0], CurvePeers.SERVER_SECRET, new byte[0],
                new byte[0], new DeterministicRandom(6));
        RecordingOutput clientOut = new RecordingOutput();
        RecordingOutput serverOut = new RecordingOutput();

        client.start(clientOut);
        server.onCommand(clientOut.sent.get(0), serverOut);
        client.onCommand(serverOut.sent.get(0), clientOut);
        server.onCommand(clientOut.sent.get(1), serverOut);
        server.onZapReply(ZapReply.NO_HANDLER, serverOut);
        client.onCommand(serverOut.sent.get(1), clientOut);

        assertThat(clientOut.sent.get(1)).hasSize(CurveLayout.INITIATE_MIN_SIZE);
        assertThat(serverOut.sent.get(1)).hasSize(CurveLayout.READY_MIN_SIZE);
        assertThat(clientOut.ready).isEmpty();
        assertThat(serverOut.ready).isEmpty();
        assertThat(serverOut.zapRequests.get(0)[0]).as("public key derived from the secret")
                .isEqualTo(CurvePeers.CLIENT_PUBLIC);
    }

    @Test
    void shouldNameTheMechanismCurve() {
        assertThat(peers.client.name()).isEqualTo(ZmtpLayout.MECHANISM_CURVE);
        assertThat(peers.server.name()).isEqualTo("CURVE");
    }

    @Test
    void shouldDecodeMetadataAsSent() throws Exception {
        peers.handshake(ZapReply.NO_HANDLER);

        assertThat(Metadata.encode(peers.clientOut.ready)).isEqualTo(CurvePeers.SERVER_METADATA);
    }

    private static String text(Map<String, byte[]> props, String name) {
        return new String(Metadata.get(props, name), StandardCharsets.US_ASCII);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
