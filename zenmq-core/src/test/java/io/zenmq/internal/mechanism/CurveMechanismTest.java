// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.internal.crypto.DeterministicRandom;
import io.zenmq.internal.zmtp.ZapReply;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Construction rules of {@link CurveMechanism}: which keys each role needs. */
class CurveMechanismTest {
    private static final byte[] NONE = new byte[0];
    private static final SecureRandom RANDOM = new DeterministicRandom(1);

    @Test
    void shouldRequireTheSecretKeyInBothRoles() {
        assertThatThrownBy(() -> new CurveMechanism(false, CurvePeers.CLIENT_PUBLIC, NONE, CurvePeers.SERVER_PUBLIC,
                NONE, RANDOM)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret key");
        assertThatThrownBy(() -> new CurveMechanism(true, NONE, NONE, NONE, NONE, RANDOM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret key");
    }

    @Test
    void shouldRequireTheServerKeyOfAClient() {
        assertThatThrownBy(() -> new CurveMechanism(false, NONE, CurvePeers.CLIENT_SECRET, NONE, NONE, RANDOM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("server key");
    }

    @Test
    void shouldRejectKeysOfOtherLengths() {
        assertThatThrownBy(() -> new CurveMechanism(false, new byte[31], CurvePeers.CLIENT_SECRET,
                CurvePeers.SERVER_PUBLIC, NONE, RANDOM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CurveMechanism(false, NONE, new byte[33], CurvePeers.SERVER_PUBLIC, NONE,
                RANDOM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CurveMechanism(false, NONE, CurvePeers.CLIENT_SECRET, new byte[40], NONE,
                RANDOM)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldLetTheServerIgnoreAServerKeyAndDeriveItsPublicKey() throws Exception {
        CurveMechanism server = new CurveMechanism(true, CurvePeers.CLIENT_PUBLIC, CurvePeers.SERVER_SECRET,
                new byte[7], CurvePeers.SERVER_METADATA, new DeterministicRandom(2));
        CurveMechanism client = new CurveMechanism(false, CurvePeers.CLIENT_PUBLIC, CurvePeers.CLIENT_SECRET,
                CurvePeers.SERVER_PUBLIC, CurvePeers.CLIENT_METADATA, new DeterministicRandom(3));
        RecordingOutput clientOut = new RecordingOutput();
        RecordingOutput serverOut = new RecordingOutput();

        client.start(clientOut);
        server.onCommand(clientOut.sent.get(0), serverOut);
        client.onCommand(serverOut.sent.get(0), clientOut);
        server.onCommand(clientOut.sent.get(1), serverOut);
        server.onZapReply(ZapReply.NO_HANDLER, serverOut);

        assertThat(serverOut.ready).as("the vouch's S half matches S derived from s").isNotNull();
    }

    @Test
    void shouldNotKeepTheCallersArrays() throws Exception {
        byte[] secret = CurvePeers.CLIENT_SECRET.clone();
        byte[] serverKey = CurvePeers.SERVER_PUBLIC.clone();
        byte[] metadata = CurvePeers.CLIENT_METADATA.clone();
        CurvePeers peers = new CurvePeers(4);
        CurveMechanism client = new CurveMechanism(false, NONE, secret, serverKey, metadata,
                new DeterministicRandom(5));
        RecordingOutput clientOut = new RecordingOutput();
        secret[0] ^= 1;
        serverKey[0] ^= 1;
        metadata[1] ^= 1;

        client.start(clientOut);
        peers.server.onCommand(clientOut.sent.get(0), peers.serverOut);
        client.onCommand(peers.serverOut.sent.get(0), clientOut);
        peers.server.onCommand(clientOut.sent.get(1), peers.serverOut);
        peers.answerZap(ZapReply.NO_HANDLER);

        assertThat(peers.serverOut.ready).containsKey("Socket-Type");
    }

    @Test
    void shouldAlwaysSayItEncrypts() {
        CurveMechanism client = new CurveMechanism(false, NONE, CurvePeers.CLIENT_SECRET, CurvePeers.SERVER_PUBLIC,
                NONE, RANDOM);

        assertThat(client.encrypts()).isTrue();
    }
}
