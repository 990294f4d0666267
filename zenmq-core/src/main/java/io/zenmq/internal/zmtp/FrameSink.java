// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

/**
 * Receives the frames a {@link FrameDecoder} completes, in wire order. Called on the IO thread that owns
 * the decoder. Each method returns whether decoding should continue; returning false makes
 * {@link FrameDecoder#decode} stop right after this frame with {@link FrameDecoder.Status#STOPPED}
 * (backpressure: the inbound queue is full).
 *
 * <p>Buffer ownership: the {@code body} array is handed over to the sink; the decoder never touches it
 * again. Zero-length bodies may share one empty array.
 */
public interface FrameSink {
    /**
     * A message frame arrived.
     *
     * @param body the frame body (ownership passes to the sink)
     * @param more whether another frame of the same message follows
     * @return true to keep decoding, false to stop after this frame
     * @throws ProtocolException if the frame cannot be accepted (e.g. a MESSAGE that fails to decrypt)
     */
    boolean onFrame(byte[] body, boolean more) throws ProtocolException;

    /**
     * A command frame arrived.
     *
     * @param body the full command body: name-length byte, name, data (ownership passes to the sink)
     * @return true to keep decoding, false to stop after this frame
     * @throws ProtocolException if the command is malformed or unexpected; decoding aborts
     */
    boolean onCommand(byte[] body) throws ProtocolException;

    /**
     * Returns the array the decoder fills with the next body, of exactly {@code length} bytes;
     * every byte of it is overwritten before the frame is delivered. The default allocates; a
     * connection's sink hands out arrays its socket gave back, so that a steady stream allocates
     * nothing.
     *
     * @param length the body's announced length, above 0
     * @return an array of that length that nobody else refers to
     */
    default byte[] body(int length) {
        return new byte[length];
    }

    /**
     * Asked when the heap could not hold the next body: whether to pause decoding and try again
     * later (the socket still has frames of this peer to read, which may be what fills the heap)
     * rather than fail. A sink that answers true must call {@code decode} again later. The
     * default fails at once.
     *
     * @return true to wait for memory, false to end the connection
     */
    default boolean waitForMemory() {
        return false;
    }
}
