// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.mechanism.CurveLayout.BOX_OVERHEAD;
import static io.zenmq.internal.mechanism.CurveLayout.COOKIE_LENGTH;
import static io.zenmq.internal.mechanism.CurveLayout.FIRST_SHORT_NONCE;
import static io.zenmq.internal.mechanism.CurveLayout.KEY_LENGTH;
import static io.zenmq.internal.mechanism.CurveLayout.LONG_NONCE_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.HELLO;
import static io.zenmq.internal.zmtp.ZmtpLayout.INITIATE;
import static io.zenmq.internal.zmtp.ZmtpLayout.READY;
import static io.zenmq.internal.zmtp.ZmtpLayout.WELCOME;

import io.zenmq.internal.crypto.CryptoBox;
import io.zenmq.internal.crypto.SecretBox;
import io.zenmq.internal.zmtp.Mechanism.Output;
import io.zenmq.internal.zmtp.Metadata;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

/**
 * The CURVE client (spec/security.md sections 3.4 to 3.7): sends HELLO at start, answers WELCOME
 * with INITIATE, and is ready once READY opens. Draws from the random source in this order: the
 * transient secret key (32 bytes) at start, the vouch nonce (16) at WELCOME. Owned by the
 * connection's I/O thread.
 */
final class CurveClientHandshake implements CurveHandshake {
    private enum State { NEW, EXPECT_WELCOME, EXPECT_READY, READY }

    private final byte[] publicKey;
    private final byte[] secretKey;
    private final byte[] serverKey;
    private final byte[] metadata;
    private final SecureRandom random;
    private final byte[] transientPublic = new byte[KEY_LENGTH];
    private final byte[] transientSecret = new byte[KEY_LENGTH];
    private State state = State.NEW;
    private long nextNonce = FIRST_SHORT_NONCE;
    private SecretBox session;
    private CurveMessageCodec codec;

    CurveClientHandshake(byte[] publicKey, byte[] secretKey, byte[] serverKey, byte[] metadata, SecureRandom random) {
        this.publicKey = publicKey;
        this.secretKey = secretKey;
        this.serverKey = serverKey;
        this.metadata = metadata;
        this.random = random;
    }

    @Override
    public void start(Output out) throws ProtocolException {
        if (state != State.NEW) {
            throw new IllegalStateException("CURVE client already started");
        }
        CryptoBox.keyPair(random, transientPublic, transientSecret);
        out.send(hello());
        state = State.EXPECT_WELCOME;
    }

    @Override
    public void onCommand(byte[] body, Output out) throws ProtocolException {
        switch (state) {
            case EXPECT_WELCOME -> {
                CurveChecks.requireCommand(body, WELCOME);
                out.send(initiate(body));
                state = State.EXPECT_READY;
            }
            case EXPECT_READY -> {
                CurveChecks.requireCommand(body, READY);
                Map<String, byte[]> properties = ready(body);
                state = State.READY;
                out.ready(properties);
            }
            default -> throw CurveChecks.unexpected(body, "the CURVE client is " + state);
        }
    }

    @Override
    public void onZapReply(ZapReply reply, Output out) {
        throw new IllegalStateException("a CURVE client never asks ZAP");
    }

    @Override
    public CurveMessageCodec codec() {
        return codec;
    }

    private byte[] hello() throws ProtocolException {
        byte[] body = new byte[CurveLayout.HELLO_SIZE];
        CurveLayout.putName(body, HELLO);
        body[CurveLayout.HELLO_VERSION_OFFSET] = CurveLayout.HELLO_VERSION_MAJOR;
        body[CurveLayout.HELLO_VERSION_OFFSET + 1] = CurveLayout.HELLO_VERSION_MINOR;
        System.arraycopy(transientPublic, 0, body, CurveLayout.HELLO_CLIENT_KEY_OFFSET, KEY_LENGTH);
        long nonce = nextNonce++;
        CurveLayout.putLong(body, CurveLayout.HELLO_SHORT_NONCE_OFFSET, nonce);
        byte[] signature = CryptoBox.box(new byte[CurveLayout.HELLO_SIGNATURE_LENGTH],
                CurveLayout.shortNonce(CurveLayout.HELLO_NONCE_PREFIX, nonce), serverKey, transientSecret);
        if (signature == null) {
            throw new ProtocolException(ProtocolErrors.ZMTP_KEY_EXCHANGE, "CURVE server key is of low order");
        }
        System.arraycopy(signature, 0, body, CurveLayout.HELLO_BOX_OFFSET, signature.length);
        return body;
    }

    /** Opens WELCOME, precomputes the session key and builds INITIATE. */
    private byte[] initiate(byte[] welcome) throws ProtocolException {
        if (welcome.length != CurveLayout.WELCOME_SIZE) {
            throw CurveChecks.malformed(ProtocolErrors.ZMTP_MALFORMED_COMMAND_WELCOME, WELCOME, welcome.length);
        }
        byte[] plaintext = CurveChecks.open(welcome, CurveLayout.WELCOME_BOX_OFFSET,
                CurveLayout.WELCOME_SIZE - CurveLayout.WELCOME_BOX_OFFSET,
                CurveLayout.longNonce(CurveLayout.WELCOME_NONCE_PREFIX, welcome, CurveLayout.WELCOME_NONCE_OFFSET),
                serverKey, transientSecret, WELCOME);
        int keyAt = CurveLayout.WELCOME_SERVER_KEY_OFFSET;
        byte[] serverTransient = Arrays.copyOfRange(plaintext, keyAt, keyAt + KEY_LENGTH);
        session = CurveChecks.precompute(serverTransient, transientSecret, "server transient");
        Arrays.fill(transientSecret, (byte) 0);

        byte[] boxPlaintext = initiatePlaintext(serverTransient);
        byte[] body = new byte[CurveLayout.INITIATE_BOX_OFFSET + BOX_OVERHEAD + boxPlaintext.length];
        CurveLayout.putName(body, INITIATE);
        System.arraycopy(plaintext, CurveLayout.WELCOME_COOKIE_OFFSET, body, CurveLayout.INITIATE_COOKIE_OFFSET,
                COOKIE_LENGTH);
        long nonce = nextNonce++;
        CurveLayout.putLong(body, CurveLayout.INITIATE_SHORT_NONCE_OFFSET, nonce);
        session.seal(CurveLayout.shortNonce(CurveLayout.INITIATE_NONCE_PREFIX, nonce), boxPlaintext, 0,
                boxPlaintext.length, body, CurveLayout.INITIATE_BOX_OFFSET);
        return body;
    }

    /** C, the vouch nonce, the vouch (C' and S boxed from c to S') and our metadata. */
    private byte[] initiatePlaintext(byte[] serverTransient) throws ProtocolException {
        byte[] vouchNonce = new byte[LONG_NONCE_LENGTH];
        random.nextBytes(vouchNonce);
        byte[] vouch = CryptoBox.box(CurveChecks.concat(transientPublic, serverKey),
                CurveLayout.longNonce(CurveLayout.VOUCH_NONCE_PREFIX, vouchNonce, 0), serverTransient, secretKey);
        if (vouch == null) {
            throw new ProtocolException(ProtocolErrors.ZMTP_KEY_EXCHANGE, "CURVE server transient key is of low order");
        }
        byte[] plaintext = new byte[CurveLayout.INITIATE_METADATA_OFFSET + metadata.length];
        System.arraycopy(publicKey, 0, plaintext, CurveLayout.INITIATE_CLIENT_KEY_OFFSET, KEY_LENGTH);
        System.arraycopy(vouchNonce, 0, plaintext, CurveLayout.INITIATE_VOUCH_NONCE_OFFSET, LONG_NONCE_LENGTH);
        System.arraycopy(vouch, 0, plaintext, CurveLayout.INITIATE_VOUCH_OFFSET, CurveLayout.VOUCH_LENGTH);
        System.arraycopy(metadata, 0, plaintext, CurveLayout.INITIATE_METADATA_OFFSET, metadata.length);
        return plaintext;
    }

    /** Opens READY and sets up the MESSAGE codec. */
    private Map<String, byte[]> ready(byte[] body) throws ProtocolException {
        if (body.length < CurveLayout.READY_MIN_SIZE) {
            throw CurveChecks.malformed(ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY, READY, body.length);
        }
        long nonce = CurveLayout.getLong(body, CurveLayout.READY_SHORT_NONCE_OFFSET);
        byte[] plaintext = CurveChecks.open(session, body, CurveLayout.READY_BOX_OFFSET,
                CurveLayout.shortNonce(CurveLayout.READY_NONCE_PREFIX, nonce), READY);
        Map<String, byte[]> properties = Metadata.decode(plaintext, 0, plaintext.length);
        codec = new CurveMessageCodec(session, true, nextNonce, nonce);
        return properties;
    }
}
