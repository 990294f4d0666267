// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.mechanism.CurvePeers.assertProtocolError;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.crypto.CryptoBox;
import io.zenmq.internal.crypto.DeterministicRandom;
import io.zenmq.internal.crypto.SecretBox;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's vouch check (spec/security.md section 3.6), against INITIATEs built by hand from
 * {@link CurveLayout}: the vouch must open with C and s' and name exactly C' and S. libzmq checks only
 * the C' half; zenmq checks both.
 */
class CurveVouchTest {
    private static final byte[] VOUCH_NONCE = new byte[CurveLayout.LONG_NONCE_LENGTH];

    private final byte[] transientPublic = new byte[CurveLayout.KEY_LENGTH];
    private final byte[] transientSecret = new byte[CurveLayout.KEY_LENGTH];
    private CurvePeers peers;
    private byte[] serverTransient;
    private byte[] cookie;

    /** Runs HELLO and WELCOME with a client whose transient key pair this test knows. */
    @BeforeEach
    void helloAndWelcome() throws Exception {
        DeterministicRandom keys = new DeterministicRandom(21);
        CryptoBox.keyPair(keys, transientPublic, transientSecret);
        peers = new CurvePeers(new DeterministicRandom(0, transientSecret), new DeterministicRandom(22),
                CurvePeers.SERVER_PUBLIC);
        peers.client.start(peers.clientOut);
        peers.server.onCommand(peers.clientOut.sent.get(0), peers.serverOut);
        byte[] welcome = peers.serverOut.sent.get(0);
        byte[] plaintext = CryptoBox.open(Arrays.copyOfRange(welcome, CurveLayout.WELCOME_BOX_OFFSET, welcome.length),
                CurveLayout.longNonce(CurveLayout.WELCOME_NONCE_PREFIX, welcome, CurveLayout.WELCOME_NONCE_OFFSET),
                CurvePeers.SERVER_PUBLIC, transientSecret);
        serverTransient = Arrays.copyOfRange(plaintext, 0, CurveLayout.KEY_LENGTH);
        cookie = Arrays.copyOfRange(plaintext, CurveLayout.WELCOME_COOKIE_OFFSET, CurveLayout.WELCOME_PLAINTEXT_LENGTH);
    }

    @Test
    void shouldAcceptAHandBuiltInitiateWithAProperVouch() throws Exception {
        peers.server.onCommand(initiate(concat(transientPublic, CurvePeers.SERVER_PUBLIC), CurvePeers.CLIENT_SECRET),
                peers.serverOut);

        assertThat(peers.serverOut.zapRequests).hasSize(1);
    }

    @Test
    void shouldFailAVouchForAnotherServer() {
        byte[] otherServer = CryptoBox.publicKey(CurvePeers.CLIENT_SECRET);
        byte[] initiate = initiate(concat(transientPublic, otherServer), CurvePeers.CLIENT_SECRET);

        assertProtocolError(ProtocolErrors.ZMTP_KEY_EXCHANGE, () -> peers.server.onCommand(initiate, peers.serverOut));
    }

    @Test
    void shouldFailAVouchForAnotherTransientKey() {
        byte[] otherTransient = CryptoBox.publicKey(CurvePeers.SERVER_SECRET);
        byte[] initiate = initiate(concat(otherTransient, CurvePeers.SERVER_PUBLIC), CurvePeers.CLIENT_SECRET);

        assertProtocolError(ProtocolErrors.ZMTP_KEY_EXCHANGE, () -> peers.server.onCommand(initiate, peers.serverOut));
    }

    @Test
    void shouldFailAVouchNotMadeWithTheClaimedKey() {
        byte[] impostor = new byte[CurveLayout.KEY_LENGTH];
        Arrays.fill(impostor, (byte) 0x5A);
        byte[] initiate = initiate(concat(transientPublic, CurvePeers.SERVER_PUBLIC), impostor);

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, () -> peers.server.onCommand(initiate, peers.serverOut));
        assertThat(peers.serverOut.zapRequests).isEmpty();
    }

    /** INITIATE claiming C, with a vouch over {@code vouchPlaintext} boxed by {@code vouchSecret}. */
    private byte[] initiate(byte[] vouchPlaintext, byte[] vouchSecret) {
        byte[] vouch = CryptoBox.box(vouchPlaintext,
                CurveLayout.longNonce(CurveLayout.VOUCH_NONCE_PREFIX, VOUCH_NONCE, 0), serverTransient, vouchSecret);
        byte[] plaintext = new byte[CurveLayout.INITIATE_METADATA_OFFSET + CurvePeers.CLIENT_METADATA.length];
        System.arraycopy(CurvePeers.CLIENT_PUBLIC, 0, plaintext, CurveLayout.INITIATE_CLIENT_KEY_OFFSET,
                CurveLayout.KEY_LENGTH);
        System.arraycopy(VOUCH_NONCE, 0, plaintext, CurveLayout.INITIATE_VOUCH_NONCE_OFFSET, VOUCH_NONCE.length);
        System.arraycopy(vouch, 0, plaintext, CurveLayout.INITIATE_VOUCH_OFFSET, vouch.length);
        System.arraycopy(CurvePeers.CLIENT_METADATA, 0, plaintext, CurveLayout.INITIATE_METADATA_OFFSET,
                CurvePeers.CLIENT_METADATA.length);
        byte[] shared = new byte[CryptoBox.SHARED_KEY_BYTES];
        assertThat(CryptoBox.beforenm(serverTransient, transientSecret, shared)).isTrue();
        byte[] box = new SecretBox(shared).seal(CurveLayout.shortNonce(CurveLayout.INITIATE_NONCE_PREFIX, 2),
                plaintext);

        byte[] body = new byte[CurveLayout.INITIATE_BOX_OFFSET + box.length];
        CurveLayout.putName(body, ZmtpLayout.INITIATE);
        System.arraycopy(cookie, 0, body, CurveLayout.INITIATE_COOKIE_OFFSET, cookie.length);
        CurveLayout.putLong(body, CurveLayout.INITIATE_SHORT_NONCE_OFFSET, 2);
        System.arraycopy(box, 0, body, CurveLayout.INITIATE_BOX_OFFSET, box.length);
        return body;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
