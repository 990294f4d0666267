// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.util.Map;
import java.util.function.IntFunction;

/**
 * One side of a ZMTP security handshake (NULL, PLAIN or CURVE) and, for a mechanism that
 * encrypts, the frame codec after it. Pure code: no I/O, no clock, no threads; randomness comes in
 * through the constructor, the time through {@link Output#nowNanos()}. One instance per connection, used by its I/O thread only.
 *
 * <p>The engine calls {@link #start} once the peer's greeting names the same mechanism, then
 * {@link #onCommand} for every command frame until the mechanism calls {@link Output#ready}.
 * When the mechanism asked the ZAP handler ({@link Output#askZap}), the engine answers later with
 * {@link #onZapReply}. Violations throw {@link ProtocolException}; an authentication refusal goes
 * through {@link Output#refused}.
 */
public interface Mechanism {
    /**
     * Returns the mechanism's name as the greeting carries it.
     *
     * @return {@code NULL}, {@code PLAIN} or {@code CURVE}
     */
    String name();

    /**
     * Starts the handshake after the greetings were exchanged.
     *
     * @param out where commands, ZAP requests and the outcome go
     * @throws ProtocolException if the handshake cannot start
     */
    void start(Output out) throws ProtocolException;

    /**
     * Takes one command frame received during the handshake.
     *
     * @param body the command body (name-length byte first)
     * @param out where commands, ZAP requests and the outcome go
     * @throws ProtocolException if the command is unexpected or malformed
     */
    void onCommand(byte[] body, Output out) throws ProtocolException;

    /**
     * Takes the ZAP handler's answer to the request made through {@link Output#askZap}.
     *
     * @param reply the reply, or {@link ZapReply#NO_HANDLER} when no handler is bound
     * @param out where commands and the outcome go
     * @throws ProtocolException if the handshake cannot go on
     */
    void onZapReply(ZapReply reply, Output out) throws ProtocolException;

    /**
     * Tells whether frames are wrapped after the handshake (CURVE's MESSAGE command).
     *
     * @return true if {@link #encode} (or {@link #wrap}) and {@link #decode} must be used for every frame
     */
    default boolean encrypts() {
        return false;
    }

    /**
     * Wraps one outgoing frame after the handshake.
     *
     * @param frame the frame's bytes (a message frame or a command body)
     * @param flags {@link ZmtpLayout#FLAG_MORE} and/or {@link ZmtpLayout#FLAG_COMMAND}
     * @return the body to send in an ordinary (non-command, non-more) ZMTP frame
     */
    default byte[] encode(byte[] frame, int flags) {
        throw new UnsupportedOperationException(name() + " does not wrap frames");
    }

    /**
     * Wraps one outgoing socket frame after the handshake into an array the mechanism reuses, so
     * that sending allocates nothing: the result is {@link #wrapped()} from index 0, valid until the
     * next call of this method ({@link #encode} does not touch it).
     *
     * @param frame the frame's bytes
     * @param flags {@link ZmtpLayout#FLAG_MORE} and/or {@link ZmtpLayout#FLAG_COMMAND}
     * @return the length of the body to send in an ordinary (non-command, non-more) ZMTP frame
     */
    default int wrap(byte[] frame, int flags) {
        throw new UnsupportedOperationException(name() + " does not wrap frames");
    }

    /**
     * Returns the array the last {@link #wrap} filled.
     *
     * @return the wrapped body, at least as long as the length {@link #wrap} returned
     */
    default byte[] wrapped() {
        throw new UnsupportedOperationException(name() + " does not wrap frames");
    }

    /**
     * Unwraps one incoming frame after the handshake.
     *
     * @param body the body of the ZMTP frame as received (its outer flags are ignored)
     * @return the frame and its flags
     * @throws ProtocolException if the frame is not a valid MESSAGE (the connection must close)
     */
    default Unwrapped decode(byte[] body) throws ProtocolException {
        return decode(body, byte[]::new);
    }

    /**
     * Unwraps one incoming frame after the handshake into an array from {@code frameArrays}.
     *
     * @param body the body of the ZMTP frame as received (its outer flags are ignored); not kept
     * @param frameArrays gives the array of exactly the asked length the frame is opened into (e.g.
     *     one the socket gave back for recycling)
     * @return the frame and its flags
     * @throws ProtocolException if the frame is not a valid MESSAGE (the connection must close)
     */
    default Unwrapped decode(byte[] body, IntFunction<byte[]> frameArrays) throws ProtocolException {
        throw new UnsupportedOperationException(name() + " does not wrap frames");
    }

    /**
     * A frame unwrapped by {@link #decode}.
     *
     * @param frame the frame's bytes
     * @param flags {@link ZmtpLayout#FLAG_MORE} and/or {@link ZmtpLayout#FLAG_COMMAND}
     */
    record Unwrapped(byte[] frame, int flags) {
    }

    /** What a mechanism can ask of its engine. */
    interface Output {
        /**
         * Queues a handshake command to send, as a command frame.
         *
         * @param body the command body
         */
        void send(byte[] body);

        /**
         * Asks the context's ZAP handler about this peer; the engine answers with
         * {@link Mechanism#onZapReply}.
         *
         * @param mechanism the mechanism name for the request
         * @param credentials the credential frames (none for NULL, user and password for PLAIN,
         *     the client's 32-byte public key for CURVE)
         */
        void askZap(String mechanism, byte[]... credentials);

        /**
         * The handshake succeeded.
         *
         * @param peerProperties the peer's metadata plus what ZAP added ({@code User-Id} and the
         *     reply's metadata)
         */
        void ready(Map<String, byte[]> peerProperties);

        /**
         * Authentication refused the peer (ZAP status 300, 400 or 500, or a rule of the
         * mechanism). Whatever was sent before (an ERROR) is flushed, then the connection closes.
         *
         * @param status the ZAP status code reported in the HANDSHAKE_FAILED_AUTH event
         */
        void refused(int status);

        /**
         * The handshake cannot be completed for a local reason (libzmq: a PLAIN server with no
         * ZAP handler); reported as HANDSHAKE_FAILED_NO_DETAIL with this errno, then closed.
         *
         * @param errno the Linux errno for the monitor event
         */
        void failed(int errno);

        /**
         * Returns the time the command or ZAP reply being handled arrived, as handed to the
         * connection by its driver (a {@link System#nanoTime()}-style value; tests hand in their
         * own clock). CURVE's server ages its cookie by it.
         *
         * @return the current time in nanoseconds; by default 0, a clock that stands still
         */
        default long nowNanos() {
            return 0;
        }
    }
}
