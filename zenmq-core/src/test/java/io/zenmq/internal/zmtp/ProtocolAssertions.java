// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zenmq.internal.zmtp.RecordingSink.Frame;
import java.nio.ByteBuffer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Test helper: asserts that code fails with a {@link ProtocolException} of a given code, and that a
 * decoder sits between frames.
 */
final class ProtocolAssertions {
    private ProtocolAssertions() {
    }

    static void assertProtocolError(int expectedCode, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProtocolException.class);
        assertThat(ProtocolErrors.name(((ProtocolException) thrown).code()))
                .as("protocol error code of %s", thrown)
                .isEqualTo(ProtocolErrors.name(expectedCode));
    }

    /**
     * Asserts that a ZMTP 3.x/2.0 decoder sits between frames (no partial header or body kept): a whole
     * one-byte frame fed next comes out as exactly that frame. A decoder in the middle of a frame would
     * take the probe's bytes as the rest of its header or body and deliver something else or nothing.
     * Consumes the decoder's state.
     */
    static void assertAtFrameBoundary(FrameDecoder decoder) throws ProtocolException {
        assertProbeDecodedAlone(decoder, ByteBuffer.wrap(new byte[] {0x00, 0x01, 0x2A}));
    }

    /** As {@link #assertAtFrameBoundary}, for a ZMTP 1.0 decoder (the length counts the flags byte). */
    static void assertAtZmtp10FrameBoundary(FrameDecoder decoder) throws ProtocolException {
        assertProbeDecodedAlone(decoder, ByteBuffer.wrap(new byte[] {0x02, 0x00, 0x2A}));
    }

    private static void assertProbeDecodedAlone(FrameDecoder decoder, ByteBuffer probe) throws ProtocolException {
        RecordingSink probeSink = new RecordingSink();
        assertThat(decoder.decode(probe, probeSink)).isEqualTo(FrameDecoder.Status.NEED_MORE);
        assertThat(probeSink.frames).as("a frame fed at a frame boundary")
                .containsExactly(Frame.data(new byte[] {0x2A}, false));
    }
}
