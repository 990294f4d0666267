// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.mechanism.CurveLayout.BOX_OVERHEAD;
import static io.zenmq.internal.mechanism.CurveLayout.COOKIE_LENGTH;
import static io.zenmq.internal.mechanism.CurveLayout.COOKIE_PLAINTEXT_LENGTH;
import static io.zenmq.internal.mechanism.CurveLayout.FIRST_SHORT_NONCE;
import static io.zenmq.internal.mechanism.CurveLayout.KEY_LENGTH;
import static io.zenmq.internal.mechanism.CurveLayout.LONG_NONCE_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.HELLO;
import static io.zenmq.internal.zmtp.ZmtpLayout.INITIATE;
import static io.zenmq.internal.zmtp.ZmtpLayout.MECHANISM_CURVE;
import static io.zenmq.internal.zmtp.ZmtpLayout.READY;
import static io.zenmq.internal.zmtp.ZmtpLayout.WELCOME;

import io.zenmq.internal.crypto.CryptoBox;
import io.zenmq.internal.crypto.SecretBox;
import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.Mechanism.Output;
import io.zenmq.internal.zmtp.Metadata;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CURVE server (spec/security.md sections 3.4 to 3.7 and 3.10): answers HELLO with WELCOME,
 * checks INITIATE (cookie, box, vouch including its S half, which libzmq skips), asks ZAP, then sends
 * READY, an ERROR or nothing. Draws from the random source in this order at HELLO: the transient
 * secret key (32 bytes), the cookie key (32), the cookie nonce (16), the WELCOME nonce (16). Owned by
 * the connection's I/O thread.
 *
 * <p>The cookie key is new for every connection, as in libzmq, so a cookie (or a whole INITIATE)
 * replayed on another connection does not open. Unlike libzmq, the key also expires
 * {@link #COOKIE_LIFETIME_NANOS} after WELCOME (RFC 26 has the server forget it after a minute):
 * a late INITIATE is refused as if its cookie did not open, also when no handshake deadline is set.
 * The age is measured on the connection's clock ({@link Output#nowNanos()}), never on wall time.
 */
final class CurveServerHandshake implements CurveHandshake {
    private static final int ZAP_TEMPORARY_FAILURE = 300;
    /** How long a cookie opens after WELCOME went out: 60 s. */
    static final long COOKIE_LIFETIME_NANOS = 60_000_000_000L;

    private enum State { EXPECT_HELLO, EXPECT_INITIATE, EXPECT_ZAP_REPLY, READY, REFUSED }

    private final byte[] publicKey;
    private final byte[] secretKey;
    private final byte[] metadata;
    private final SecureRandom random;
    private final byte[] clientTransient = new byte[KEY_LENGTH];
    private final byte[] transientPublic = new byte[KEY_LENGTH];
    private final byte[] transientSecret = new byte[KEY_LENGTH];
    private final byte[] cookieKey = new byte[SecretBox.KEY_BYTES];
    private State state = State.EXPECT_HELLO;
    private long lastClientNonce;
    private long welcomeAt;
    private SecretBox session;
    private Map<String, byte[]> peerMetadata;
    private CurveMessageCodec codec;

    CurveServerHandshake(byte[] publicKey, byte[] secretKey, byte[] metadata, SecureRandom random) {
        this.publicKey = publicKey;
        this.secretKey = secretKey;
        this.metadata = metadata;
        this.random = random;
    }

    @Override
    public void start(Output out) {
        // The client speaks first.
    }

    @Override
    public void onCommand(byte[] body, Output out) throws ProtocolException {
        switch (state) {
            case EXPECT_HELLO -> {
                CurveChecks.requireCommand(body, HELLO);
                out.send(welcome(body));
                welcomeAt = out.nowNanos();
                state = State.EXPECT_INITIATE;
            }
            case EXPECT_INITIATE -> {
                CurveChecks.requireCommand(body, INITIATE);
                if (out.nowNanos() - welcomeAt > COOKIE_LIFETIME_NANOS) {
                    Arrays.fill(cookieKey, (byte) 0);
                    throw CurveChecks.cryptographic("INITIATE cookie (older than 60 s)");
                }
                byte[] clientKey = initiate(body);
                state = State.EXPECT_ZAP_REPLY;
                out.askZap(MECHANISM_CURVE, clientKey);
            }
            default -> throw CurveChecks.unexpected(body, "the CURVE server is " + state);
        }
    }

    @Override
    public void onZapReply(ZapReply reply, Output out) {
        if (state != State.EXPECT_ZAP_REPLY) {
            throw new IllegalStateException("CURVE server got a ZAP reply while " + state);
        }
        if (!reply.hasHandler() || reply.admitted()) {
            codec = new CurveMessageCodec(session, false, FIRST_SHORT_NONCE + 1, lastClientNonce);
            state = State.READY;
            out.send(ready());
            out.ready(peerProperties(reply));
            return;
        }
        state = State.REFUSED;
        if (reply.status() != ZAP_TEMPORARY_FAILURE) {
            out.send(Commands.errorBody(Integer.toString(reply.status())));
        }
        out.refused(reply.status());
    }

    @Override
    public CurveMessageCodec codec() {
        return codec;
    }

    /** Checks HELLO and builds WELCOME with a new transient key pair and cookie. */
    private byte[] welcome(byte[] hello) throws ProtocolException {
        if (hello.length != CurveLayout.HELLO_SIZE
                || hello[CurveLayout.HELLO_VERSION_OFFSET] != CurveLayout.HELLO_VERSION_MAJOR
                || hello[CurveLayout.HELLO_VERSION_OFFSET + 1] != CurveLayout.HELLO_VERSION_MINOR) {
            throw CurveChecks.malformed(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO, HELLO + " (or version)",
                    hello.length);
        }
        System.arraycopy(hello, CurveLayout.HELLO_CLIENT_KEY_OFFSET, clientTransient, 0, KEY_LENGTH);
        long nonce = CurveLayout.getLong(hello, CurveLayout.HELLO_SHORT_NONCE_OFFSET);
        CurveChecks.open(hello, CurveLayout.HELLO_BOX_OFFSET, CurveLayout.HELLO_SIZE - CurveLayout.HELLO_BOX_OFFSET,
                CurveLayout.shortNonce(CurveLayout.HELLO_NONCE_PREFIX, nonce), clientTransient, secretKey, HELLO);
        lastClientNonce = nonce;

        CryptoBox.keyPair(random, transientPublic, transientSecret);
        random.nextBytes(cookieKey);
        byte[] plaintext = new byte[CurveLayout.WELCOME_PLAINTEXT_LENGTH];
        System.arraycopy(transientPublic, 0, plaintext, CurveLayout.WELCOME_SERVER_KEY_OFFSET, KEY_LENGTH);
        writeCookie(plaintext, CurveLayout.WELCOME_COOKIE_OFFSET);
        byte[] body = new byte[CurveLayout.WELCOME_SIZE];
        CurveLayout.putName(body, WELCOME);
        byte[] welcomeNonce = new byte[LONG_NONCE_LENGTH];
        random.nextBytes(welcomeNonce);
        System.arraycopy(welcomeNonce, 0, body, CurveLayout.WELCOME_NONCE_OFFSET, LONG_NONCE_LENGTH);
        byte[] box = CryptoBox.box(plaintext, CurveLayout.longNonce(CurveLayout.WELCOME_NONCE_PREFIX, welcomeNonce, 0),
                clientTransient, secretKey);
        System.arraycopy(box, 0, body, CurveLayout.WELCOME_BOX_OFFSET, box.length);
        return body;
    }

    /** The cookie: a nonce and C' with s' boxed under the cookie key, so INITIATE can prove both. */
    private void writeCookie(byte[] out, int offset) {
        byte[] cookieNonce = new byte[LONG_NONCE_LENGTH];
        random.nextBytes(cookieNonce);
        System.arraycopy(cookieNonce, 0, out, offset + CurveLayout.COOKIE_NONCE_OFFSET, LONG_NONCE_LENGTH);
        byte[] plaintext = CurveChecks.concat(clientTransient, transientSecret);
        new SecretBox(cookieKey).seal(CurveLayout.longNonce(CurveLayout.COOKIE_NONCE_PREFIX, cookieNonce, 0),
                plaintext, 0, plaintext.length, out, offset + CurveLayout.COOKIE_BOX_OFFSET);
        Arrays.fill(plaintext, (byte) 0);
    }

    /** Checks INITIATE's cookie, box and vouch; keeps the session key and metadata; returns C. */
    private byte[] initiate(byte[] body) throws ProtocolException {
        if (body.length < CurveLayout.INITIATE_MIN_SIZE) {
            throw CurveChecks.malformed(ProtocolErrors.ZMTP_MALFORMED_COMMAND_INITIATE, INITIATE, body.length);
        }
        checkCookie(body);
        session = CurveChecks.precompute(clientTransient, transientSecret, "client transient");
        long nonce = CurveLayout.getLong(body, CurveLayout.INITIATE_SHORT_NONCE_OFFSET);
        byte[] plaintext = CurveChecks.open(session, body, CurveLayout.INITIATE_BOX_OFFSET,
                CurveLayout.shortNonce(CurveLayout.INITIATE_NONCE_PREFIX, nonce), INITIATE);
        int keyAt = CurveLayout.INITIATE_CLIENT_KEY_OFFSET;
        byte[] clientKey = Arrays.copyOfRange(plaintext, keyAt, keyAt + KEY_LENGTH);
        checkVouch(plaintext, clientKey);
        int metadataAt = CurveLayout.INITIATE_METADATA_OFFSET;
        peerMetadata = Metadata.decode(plaintext, metadataAt, plaintext.length - metadataAt);
        lastClientNonce = nonce;
        Arrays.fill(transientSecret, (byte) 0);
        Arrays.fill(cookieKey, (byte) 0);
        return clientKey;
    }

    private void checkCookie(byte[] body) throws ProtocolException {
        int cookieAt = CurveLayout.INITIATE_COOKIE_OFFSET;
        byte[] plaintext = new byte[COOKIE_PLAINTEXT_LENGTH];
        byte[] nonce = CurveLayout.longNonce(CurveLayout.COOKIE_NONCE_PREFIX, body,
                cookieAt + CurveLayout.COOKIE_NONCE_OFFSET);
        boolean opened = new SecretBox(cookieKey).open(nonce, body, cookieAt + CurveLayout.COOKIE_BOX_OFFSET,
                COOKIE_LENGTH - CurveLayout.COOKIE_BOX_OFFSET, plaintext, 0);
        byte[] expected = CurveChecks.concat(clientTransient, transientSecret);
        boolean ours = opened && CurveChecks.equal(plaintext, expected);
        Arrays.fill(plaintext, (byte) 0);
        Arrays.fill(expected, (byte) 0);
        if (!ours) {
            throw CurveChecks.cryptographic("INITIATE cookie");
        }
    }

    /** The vouch proves C's owner made C' for this server: both halves must match. */
    private void checkVouch(byte[] plaintext, byte[] clientKey) throws ProtocolException {
        byte[] nonce = CurveLayout.longNonce(CurveLayout.VOUCH_NONCE_PREFIX, plaintext,
                CurveLayout.INITIATE_VOUCH_NONCE_OFFSET);
        byte[] vouch = CurveChecks.open(plaintext, CurveLayout.INITIATE_VOUCH_OFFSET, CurveLayout.VOUCH_LENGTH, nonce,
                clientKey, transientSecret, "INITIATE vouch");
        if (!CurveChecks.equal(vouch, CurveChecks.concat(clientTransient, publicKey))) {
            throw new ProtocolException(ProtocolErrors.ZMTP_KEY_EXCHANGE, "CURVE vouch names other keys");
        }
    }

    private byte[] ready() {
        byte[] body = new byte[CurveLayout.READY_BOX_OFFSET + BOX_OVERHEAD + metadata.length];
        CurveLayout.putName(body, READY);
        CurveLayout.putLong(body, CurveLayout.READY_SHORT_NONCE_OFFSET, FIRST_SHORT_NONCE);
        session.seal(CurveLayout.shortNonce(CurveLayout.READY_NONCE_PREFIX, FIRST_SHORT_NONCE), metadata, 0,
                metadata.length, body, CurveLayout.READY_BOX_OFFSET);
        return body;
    }

    /** The client's metadata, then what ZAP adds: its metadata and, when set, the user id. */
    private Map<String, byte[]> peerProperties(ZapReply reply) {
        return HandshakeProperties.merge(peerMetadata, reply);
    }
}
