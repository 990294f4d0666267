// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.mechanism.CurveLayout.BOX_OVERHEAD;
import static io.zenmq.internal.mechanism.CurveLayout.MESSAGE_BOX_OFFSET;
import static io.zenmq.internal.mechanism.CurveLayout.MESSAGE_FLAG_COMMAND;
import static io.zenmq.internal.mechanism.CurveLayout.MESSAGE_FLAG_MORE;
import static io.zenmq.internal.mechanism.CurveLayout.MESSAGE_FLAGS_OFFSET;
import static io.zenmq.internal.mechanism.CurveLayout.MESSAGE_MIN_SIZE;
import static io.zenmq.internal.mechanism.CurveLayout.MESSAGE_PAYLOAD_OFFSET;
import static io.zenmq.internal.mechanism.CurveLayout.MESSAGE_SHORT_NONCE_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.FLAG_COMMAND;
import static io.zenmq.internal.zmtp.ZmtpLayout.FLAG_MORE;
import static io.zenmq.internal.zmtp.ZmtpLayout.MESSAGE;

import io.zenmq.internal.crypto.SecretBox;
import io.zenmq.internal.zmtp.Mechanism.Unwrapped;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import java.util.function.IntFunction;

/**
 * CURVE's MESSAGE command after the handshake (spec/security.md section 3.8): one frame per MESSAGE,
 * boxed with the connection's precomputed key under a short nonce that grows by one per MESSAGE sent;
 * a received nonce must be above the last one seen. Owned by the connection's I/O thread.
 *
 * <p>Each direction has its own {@link SecretBox} (so each keeps the XSalsa20 subkey of its nonce
 * prefix). Socket frames are boxed into one body array reused from frame to frame ({@link #wrap}),
 * so sending allocates nothing once that array has grown to the connection's largest frame; arrays
 * above {@link #MAX_REUSED_BODY} are not kept, so an idle connection never holds more than that.
 */
final class CurveMessageCodec {
    /** The largest reused body kept between frames: a 64 KiB frame and its MESSAGE framing fit. */
    static final int MAX_REUSED_BODY = 64 * 1024 + 64;
    private static final int PLAINTEXT_OFFSET = MESSAGE_BOX_OFFSET + BOX_OVERHEAD;
    private static final int OVERHEAD = PLAINTEXT_OFFSET + MESSAGE_PAYLOAD_OFFSET;

    private final SecretBox box;
    private final SecretBox receiveBox;
    /** The body {@link #wrap} boxes into; empty until the first frame. */
    private byte[] reusedBody = new byte[0];
    /** The array the last {@link #wrap} filled: {@link #reusedBody}, or a one-off for a large frame. */
    private byte[] lastWrapped;
    /** Our nonce prefix; the counter is rewritten for each MESSAGE. */
    private final byte[] sendNonce;
    private final byte[] receiveNonce;
    /** The plaintext flags byte of the MESSAGE being sealed or opened (one thread does both). */
    private final byte[] flags = new byte[1];
    /** Next short nonce to send, unsigned; 0 once the counter wrapped. */
    private long nextSendNonce;
    /** Last short nonce received, unsigned. */
    private long lastReceiveNonce;

    /**
     * Creates the codec of one side.
     *
     * @param box the precomputed key of the connection
     * @param client whether this side is the CURVE client (picks the nonce prefixes)
     * @param nextSendNonce the short nonce of our first MESSAGE
     * @param lastReceiveNonce the peer's last short nonce (INITIATE's or READY's)
     */
    CurveMessageCodec(SecretBox box, boolean client, long nextSendNonce, long lastReceiveNonce) {
        this.box = box;
        this.receiveBox = box.copy();
        this.sendNonce = CurveLayout.noncePrefix(client
                ? CurveLayout.CLIENT_MESSAGE_NONCE_PREFIX : CurveLayout.SERVER_MESSAGE_NONCE_PREFIX);
        this.receiveNonce = CurveLayout.noncePrefix(client
                ? CurveLayout.SERVER_MESSAGE_NONCE_PREFIX : CurveLayout.CLIENT_MESSAGE_NONCE_PREFIX);
        this.nextSendNonce = nextSendNonce;
        this.lastReceiveNonce = lastReceiveNonce;
    }

    /** Boxes one frame into a new MESSAGE body. */
    byte[] encode(byte[] frame, int zmtpFlags) {
        byte[] body = new byte[OVERHEAD + frame.length];
        seal(frame, zmtpFlags, body);
        return body;
    }

    /**
     * Boxes one frame into the reused body, {@link #wrapped()}, valid until the next call.
     *
     * @return the MESSAGE body's length
     */
    int wrap(byte[] frame, int zmtpFlags) {
        int length = OVERHEAD + frame.length;
        byte[] body = reusedBody;
        if (body.length < length) {
            body = new byte[length];
            if (length <= MAX_REUSED_BODY) {
                reusedBody = body;
            }
        }
        seal(frame, zmtpFlags, body);
        lastWrapped = body;
        return length;
    }

    /** The body of the last {@link #wrap}. */
    byte[] wrapped() {
        return lastWrapped;
    }

    private void seal(byte[] frame, int zmtpFlags, byte[] body) {
        if (nextSendNonce == 0) {
            throw new IllegalStateException("CURVE short nonces exhausted");
        }
        CurveLayout.putName(body, MESSAGE);
        CurveLayout.putLong(body, MESSAGE_SHORT_NONCE_OFFSET, nextSendNonce);
        CurveLayout.putShortNonce(sendNonce, nextSendNonce);
        flags[0] = (byte) messageFlags(zmtpFlags);
        // Seal the flags byte and the frame straight from where they are: no copy of the frame.
        box.startSeal(sendNonce);
        box.encrypt(flags, 0, MESSAGE_PAYLOAD_OFFSET, body, PLAINTEXT_OFFSET + MESSAGE_FLAGS_OFFSET);
        box.encrypt(frame, 0, frame.length, body, PLAINTEXT_OFFSET + MESSAGE_PAYLOAD_OFFSET);
        box.finishSeal(body, MESSAGE_BOX_OFFSET);
        nextSendNonce++;
    }

    /** Checks and opens one MESSAGE body into a new array. */
    Unwrapped decode(byte[] body) throws ProtocolException {
        return decode(body, byte[]::new);
    }

    /** Checks and opens one MESSAGE body into an array from {@code frameArrays}; the body is not kept. */
    Unwrapped decode(byte[] body, IntFunction<byte[]> frameArrays) throws ProtocolException {
        CurveChecks.requireCommand(body, MESSAGE);
        if (body.length < MESSAGE_MIN_SIZE) {
            throw CurveChecks.malformed(ProtocolErrors.ZMTP_MALFORMED_COMMAND_MESSAGE, MESSAGE, body.length);
        }
        long nonce = CurveLayout.getLong(body, MESSAGE_SHORT_NONCE_OFFSET);
        if (Long.compareUnsigned(nonce, lastReceiveNonce) <= 0) {
            throw new ProtocolException(ProtocolErrors.ZMTP_INVALID_SEQUENCE, "CURVE MESSAGE nonce "
                    + Long.toUnsignedString(nonce) + " not above " + Long.toUnsignedString(lastReceiveNonce));
        }
        CurveLayout.putShortNonce(receiveNonce, nonce);
        if (!receiveBox.verify(receiveNonce, body, MESSAGE_BOX_OFFSET, body.length - MESSAGE_BOX_OFFSET)) {
            throw CurveChecks.cryptographic(MESSAGE);
        }
        lastReceiveNonce = nonce;
        // Decrypt the flags byte aside and the payload straight into the frame: no extra copy.
        byte[] frame = frameArrays.apply(body.length - PLAINTEXT_OFFSET - MESSAGE_PAYLOAD_OFFSET);
        receiveBox.decrypt(body, PLAINTEXT_OFFSET, MESSAGE_PAYLOAD_OFFSET, flags, 0);
        receiveBox.decrypt(body, PLAINTEXT_OFFSET + MESSAGE_PAYLOAD_OFFSET, frame.length, frame, 0);
        return new Unwrapped(frame, zmtpFlags(flags[0]));
    }

    private static int messageFlags(int zmtpFlags) {
        return ((zmtpFlags & FLAG_MORE) != 0 ? MESSAGE_FLAG_MORE : 0)
                | ((zmtpFlags & FLAG_COMMAND) != 0 ? MESSAGE_FLAG_COMMAND : 0);
    }

    private static int zmtpFlags(int messageFlags) {
        return ((messageFlags & MESSAGE_FLAG_MORE) != 0 ? FLAG_MORE : 0)
                | ((messageFlags & MESSAGE_FLAG_COMMAND) != 0 ? FLAG_COMMAND : 0);
    }
}
