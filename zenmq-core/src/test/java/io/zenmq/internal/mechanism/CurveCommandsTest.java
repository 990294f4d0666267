// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.crypto.CurveVectors.bytes;
import static io.zenmq.internal.crypto.CurveVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.crypto.CryptoBox;
import io.zenmq.internal.crypto.CurveVectors;
import io.zenmq.internal.crypto.DeterministicRandom;
import io.zenmq.internal.crypto.SecretBox;
import io.zenmq.internal.zmtp.FrameEncoder;
import io.zenmq.internal.zmtp.ZapReply;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bytes of each CURVE command (spec/security.md sections 3.4 to 3.8), from a handshake whose
 * random draws are scripted so that the transient keys are the section 3.11 test keys: c' = c and
 * s' = s. The precomputed key is then the section 3.11 {@code beforenm} vector, and HELLO and the
 * first MESSAGE must match the section 3.11 bytes exactly.
 */
class CurveCommandsTest {
    private static final byte[] VOUCH_NONCE = filled(16, 0x11);
    private static final byte[] COOKIE_KEY = filled(32, 0x22);
    private static final byte[] COOKIE_NONCE = filled(16, 0x33);
    private static final byte[] WELCOME_NONCE = filled(16, 0x44);

    private CurvePeers peers;

    @BeforeEach
    void scriptTheRandomDraws() {
        peers = new CurvePeers(new DeterministicRandom(1, CurvePeers.CLIENT_SECRET, VOUCH_NONCE),
                new DeterministicRandom(2, CurvePeers.SERVER_SECRET, COOKIE_KEY, COOKIE_NONCE, WELCOME_NONCE),
                CurvePeers.SERVER_PUBLIC);
    }

    @Test
    void shouldSendHelloOfSection34WithTheSpecSignature() throws Exception {
        peers.client.start(peers.clientOut);

        byte[] hello = peers.clientOut.sent.get(0);

        assertThat(hex(hello)).isEqualTo("0548454c4c4f" + "0100" + "00".repeat(72) + CurveVectors.CLIENT_PUBLIC
                + "0000000000000001" + CurveVectors.HELLO_BOX);
        assertThat(hello).hasSize(CurveLayout.HELLO_SIZE);
    }

    @Test
    void shouldSendWelcomeOfSection35() throws Exception {
        byte[] welcome = welcome();

        assertThat(welcome).hasSize(CurveLayout.WELCOME_SIZE);
        assertThat(Arrays.copyOfRange(welcome, 0, 8)).isEqualTo(ascii("\u0007WELCOME"));
        assertThat(Arrays.copyOfRange(welcome, 8, 24)).isEqualTo(WELCOME_NONCE);
        byte[] plaintext = CryptoBox.open(Arrays.copyOfRange(welcome, 24, 168), nonce("WELCOME-", WELCOME_NONCE),
                CurvePeers.SERVER_PUBLIC, CurvePeers.CLIENT_SECRET);
        assertThat(plaintext).hasSize(128);
        assertThat(Arrays.copyOfRange(plaintext, 0, 32)).as("S'").isEqualTo(CurvePeers.SERVER_PUBLIC);
        byte[] cookie = Arrays.copyOfRange(plaintext, 32, 128);
        assertThat(Arrays.copyOfRange(cookie, 0, 16)).isEqualTo(COOKIE_NONCE);
        byte[] cookiePlaintext = new SecretBox(COOKIE_KEY).open(nonce("COOKIE--", COOKIE_NONCE),
                Arrays.copyOfRange(cookie, 16, 96));
        assertThat(hex(cookiePlaintext)).as("C' then s'")
                .isEqualTo(CurveVectors.CLIENT_PUBLIC + hex(clamped(CurvePeers.SERVER_SECRET)));
    }

    @Test
    void shouldSendInitiateOfSection36() throws Exception {
        byte[] welcome = welcome();
        peers.pump();

        byte[] initiate = peers.clientOut.sent.get(1);

        assertThat(initiate).hasSize(CurveLayout.INITIATE_MIN_SIZE + CurvePeers.CLIENT_METADATA.length);
        assertThat(Arrays.copyOfRange(initiate, 0, 9)).isEqualTo(ascii("\u0008INITIATE"));
        byte[] cookie = CryptoBox.open(Arrays.copyOfRange(welcome, 24, 168), nonce("WELCOME-", WELCOME_NONCE),
                CurvePeers.SERVER_PUBLIC, CurvePeers.CLIENT_SECRET);
        assertThat(Arrays.copyOfRange(initiate, 9, 105)).isEqualTo(Arrays.copyOfRange(cookie, 32, 128));
        assertThat(hex(Arrays.copyOfRange(initiate, 105, 113))).isEqualTo("0000000000000002");
        byte[] plaintext = sessionBox().open(shortNonce("CurveZMQINITIATE", 2),
                Arrays.copyOfRange(initiate, 113, initiate.length));
        assertThat(Arrays.copyOfRange(plaintext, 0, 32)).as("C").isEqualTo(CurvePeers.CLIENT_PUBLIC);
        assertThat(Arrays.copyOfRange(plaintext, 32, 48)).isEqualTo(VOUCH_NONCE);
        byte[] vouch = CryptoBox.open(Arrays.copyOfRange(plaintext, 48, 128), nonce("VOUCH---", VOUCH_NONCE),
                CurvePeers.CLIENT_PUBLIC, CurvePeers.SERVER_SECRET);
        assertThat(hex(vouch)).as("C' then S").isEqualTo(CurveVectors.CLIENT_PUBLIC + CurveVectors.SERVER_PUBLIC);
        assertThat(Arrays.copyOfRange(plaintext, 128, plaintext.length)).isEqualTo(CurvePeers.CLIENT_METADATA);
    }

    @Test
    void shouldSendReadyOfSection37() throws Exception {
        peers.runToZap();
        peers.answerZap(ZapReply.NO_HANDLER);

        byte[] ready = peers.serverOut.sent.get(1);

        assertThat(ready).hasSize(CurveLayout.READY_MIN_SIZE + CurvePeers.SERVER_METADATA.length);
        assertThat(Arrays.copyOfRange(ready, 0, 6)).isEqualTo(ascii("\u0005READY"));
        assertThat(hex(Arrays.copyOfRange(ready, 6, 14))).isEqualTo("0000000000000001");
        assertThat(sessionBox().open(shortNonce("CurveZMQREADY---", 1), Arrays.copyOfRange(ready, 14, ready.length)))
                .isEqualTo(CurvePeers.SERVER_METADATA);
    }

    @Test
    void shouldSendTheFirstClientMessageOfSection311() throws Exception {
        peers.handshake(ZapReply.NO_HANDLER);

        byte[] message = peers.client.encode(ascii("Hello"), 0);

        assertThat(hex(FrameEncoder.frame(0, message))).isEqualTo(CurveVectors.MESSAGE_FRAME);
    }

    @Test
    void shouldSendServerMessagesFromNonceTwoWithTheServerPrefix() throws Exception {
        peers.handshake(ZapReply.NO_HANDLER);

        byte[] message = peers.server.encode(ascii("Hi"), ZmtpLayout.FLAG_MORE);

        assertThat(message).hasSize(CurveLayout.MESSAGE_MIN_SIZE + 2);
        assertThat(Arrays.copyOfRange(message, 0, 8)).isEqualTo(ascii("\u0007MESSAGE"));
        assertThat(hex(Arrays.copyOfRange(message, 8, 16))).isEqualTo("0000000000000002");
        assertThat(sessionBox().open(shortNonce("CurveZMQMESSAGES", 2), boxOf(message)))
                .containsExactly(0x01, 'H', 'i');
    }

    @Test
    void shouldPutMoreAndCommandIntoPlaintextBitsZeroAndOne() throws Exception {
        peers.handshake(ZapReply.NO_HANDLER);

        byte[] message = peers.client.encode(ascii("z"),
                ZmtpLayout.FLAG_MORE | ZmtpLayout.FLAG_COMMAND | ZmtpLayout.FLAG_LONG);

        assertThat(sessionBox().open(shortNonce("CurveZMQMESSAGEC", 3), boxOf(message)))
                .as("MORE is bit 0, COMMAND bit 1, and LONG is no MESSAGE flag").containsExactly(0x03, 'z');
    }

    @Test
    void shouldSendAWellFormedErrorOnZap400() throws Exception {
        peers.runToZap();
        peers.answerZap(new ZapReply(400, "no", new byte[0], Map.of()));

        assertThat(hex(peers.serverOut.sent.get(1))).isEqualTo("054552524f5203343030");
        assertThat(hex(FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, peers.serverOut.sent.get(1))))
                .isEqualTo("040a054552524f5203343030");
    }

    private byte[] welcome() throws Exception {
        peers.client.start(peers.clientOut);
        peers.server.onCommand(peers.clientOut.take().get(0), peers.serverOut);
        return peers.serverOut.sent.get(0);
    }

    private static byte[] boxOf(byte[] message) {
        return Arrays.copyOfRange(message, 16, message.length);
    }

    private static SecretBox sessionBox() {
        return new SecretBox(bytes(CurveVectors.SHARED_KEY));
    }

    private static byte[] nonce(String prefix, byte[] suffix) {
        byte[] nonce = Arrays.copyOf(ascii(prefix), 24);
        System.arraycopy(suffix, 0, nonce, 24 - suffix.length, suffix.length);
        return nonce;
    }

    private static byte[] shortNonce(String prefix, long counter) {
        return bytes(hex(ascii(prefix)) + String.format(Locale.ROOT, "%016x", counter));
    }

    /** A key pair generator stores its secret clamped (RFC 7748 decodeScalar25519); X25519 clamps anyway. */
    private static byte[] clamped(byte[] secret) {
        byte[] k = secret.clone();
        k[0] &= (byte) 0xF8;
        k[31] &= 0x7F;
        k[31] |= 0x40;
        return k;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
