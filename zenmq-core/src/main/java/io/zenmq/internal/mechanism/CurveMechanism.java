// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import io.zenmq.internal.crypto.CryptoBox;
import io.zenmq.internal.zmtp.Mechanism;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The CURVE security mechanism (RFC 25 and RFC 26; spec/security.md section 3), client or server role,
 * and after the handshake the MESSAGE codec that boxes every frame. Pure: no I/O, clock or threads;
 * randomness comes from the {@link SecureRandom} given. One instance per connection, used by its I/O
 * thread only.
 *
 * <p>The client sends HELLO in {@link #start}; the server waits for it. The server asks ZAP at INITIATE
 * ({@code askZap("CURVE", C)}) and on the reply sends READY ({@link ZapReply#NO_HANDLER} or 200),
 * nothing (300) or an ERROR (400, 500) before {@link Output#refused}. {@link #encode} returns a MESSAGE
 * body that the engine must send in an ordinary frame (outer flags 0 or LONG, never COMMAND or MORE);
 * {@link #decode} ignores the outer flags and takes MORE and COMMAND from the plaintext.
 */
public final class CurveMechanism implements Mechanism {
    private final CurveHandshake handshake;

    /**
     * Creates one side of a CURVE connection.
     *
     * @param asServer true for the server role (ZMQ_CURVE_SERVER)
     * @param publicKey our long-term public key (32 bytes), or empty to derive it from the secret key;
     *     the server always derives it, as only its secret key matters on the wire
     * @param secretKey our long-term secret key (32 bytes), required in both roles
     * @param serverKey the server's public key (32 bytes), required for the client, ignored by the server
     * @param ourMetadata the encoded ZMTP metadata this side sends (Socket-Type, Identity, ...): in
     *     INITIATE as client, in READY as server; copied
     * @param random the source of transient keys, cookie keys and nonces
     * @throws IllegalArgumentException if a required key is missing or a key is not 32 bytes
     */
    public CurveMechanism(boolean asServer, byte[] publicKey, byte[] secretKey, byte[] serverKey, byte[] ourMetadata,
                          SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] secret = requireKey(secretKey, "secret key");
        byte[] metadata = ourMetadata.clone();
        if (asServer) {
            handshake = new CurveServerHandshake(CryptoBox.publicKey(secret), secret, metadata, random);
        } else {
            byte[] ours = publicKey.length == 0 ? CryptoBox.publicKey(secret) : requireKey(publicKey, "public key");
            handshake = new CurveClientHandshake(ours, secret, requireKey(serverKey, "server key"), metadata, random);
        }
    }

    private static byte[] requireKey(byte[] key, String what) {
        if (key.length != CurveLayout.KEY_LENGTH) {
            throw new IllegalArgumentException("CURVE " + what + " must be " + CurveLayout.KEY_LENGTH
                    + " bytes, not " + key.length);
        }
        return key.clone();
    }

    @Override
    public String name() {
        return ZmtpLayout.MECHANISM_CURVE;
    }

    @Override
    public void start(Output out) throws ProtocolException {
        handshake.start(out);
    }

    @Override
    public void onCommand(byte[] body, Output out) throws ProtocolException {
        handshake.onCommand(body, out);
    }

    @Override
    public void onZapReply(ZapReply reply, Output out) throws ProtocolException {
        handshake.onZapReply(reply, out);
    }

    /**
     * Tells that CURVE wraps every frame after the handshake.
     *
     * @return true
     */
    @Override
    public boolean encrypts() {
        return true;
    }

    /**
     * Boxes one frame into a MESSAGE body under the next short nonce.
     *
     * @param frame the frame's bytes, copied
     * @param flags {@link ZmtpLayout#FLAG_MORE} and/or {@link ZmtpLayout#FLAG_COMMAND}
     * @return a new MESSAGE body, for an ordinary (non-command, non-more) frame
     * @throws IllegalStateException before the handshake completed
     */
    @Override
    public byte[] encode(byte[] frame, int flags) {
        return codec().encode(frame, flags);
    }

    /**
     * Boxes one frame into the reused MESSAGE body under the next short nonce.
     *
     * @param frame the frame's bytes, copied
     * @param flags {@link ZmtpLayout#FLAG_MORE} and/or {@link ZmtpLayout#FLAG_COMMAND}
     * @return the body's length in {@link #wrapped()}, for an ordinary (non-command, non-more) frame
     * @throws IllegalStateException before the handshake completed
     */
    @Override
    public int wrap(byte[] frame, int flags) {
        return codec().wrap(frame, flags);
    }

    /**
     * Returns the body the last {@link #wrap} filled.
     *
     * @return the array, valid until the next {@link #wrap}
     * @throws IllegalStateException before the handshake completed
     */
    @Override
    public byte[] wrapped() {
        return codec().wrapped();
    }

    /**
     * Checks and opens one MESSAGE body.
     *
     * @param body the body of the frame as received, not modified and not kept
     * @param frameArrays gives the array the frame is opened into
     * @return the frame and its {@link ZmtpLayout#FLAG_MORE} / {@link ZmtpLayout#FLAG_COMMAND} flags
     * @throws ProtocolException UNEXPECTED_COMMAND or MALFORMED_COMMAND_UNSPECIFIED for another body,
     *     MALFORMED_COMMAND_MESSAGE if shorter than 33 bytes, INVALID_SEQUENCE if the nonce is not above
     *     the last one, CRYPTOGRAPHIC if the box does not open
     * @throws IllegalStateException before the handshake completed
     */
    @Override
    public Unwrapped decode(byte[] body, IntFunction<byte[]> frameArrays) throws ProtocolException {
        return codec().decode(body, frameArrays);
    }

    private CurveMessageCodec codec() {
        CurveMessageCodec codec = handshake.codec();
        if (codec == null) {
            throw new IllegalStateException("CURVE handshake not complete");
        }
        return codec;
    }
}
