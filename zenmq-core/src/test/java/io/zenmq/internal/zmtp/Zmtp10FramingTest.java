// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ProtocolAssertions.assertProtocolError;
import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static io.zenmq.internal.zmtp.WireBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.zmtp.RecordingSink.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ZMTP 1.0 frames (spec/zmtp.md section 3.3): the length counts the flags byte, 0xFF escapes to 8 bytes. */
class Zmtp10FramingTest {
    private static List<Frame> decodeAll(byte[] wire) throws ProtocolException {
        RecordingSink sink = new RecordingSink();
        FrameDecoder decoder = FrameDecoder.zmtp10(-1);
        assertThat(decoder.decode(ByteBuffer.wrap(wire), sink)).isEqualTo(FrameDecoder.Status.NEED_MORE);
        ProtocolAssertions.assertAtZmtp10FrameBoundary(decoder);
        return sink.frames;
    }

    @Test
    void shouldDecodeShortFramesWithTheFlagsByteCounted() throws ProtocolException {
        // anonymous identity, then "hi" with MORE, then an empty final frame
        assertThat(decodeAll(hex("01 00  03 01 68 69  01 00"))).containsExactly(
                Frame.data(new byte[0], false), Frame.data(hex("68 69"), true), Frame.data(new byte[0], false));
    }

    @Test
    void shouldReadOnlyTheMoreBitOfTheFlags() throws ProtocolException {
        assertThat(decodeAll(hex("02 7f 41  02 fe 42  02 04 43"))).containsExactly(
                Frame.data(hex("41"), true), Frame.data(hex("42"), false), Frame.data(hex("43"), false));
    }

    @Test
    void shouldDecodeTheLongFormEscapedByFf() throws ProtocolException {
        byte[] body = new byte[300];
        new Random(1).nextBytes(body);

        List<Frame> frames = decodeAll(bytes(hex("ff 00 00 00 00 00 00 01 2d 00"), body));

        assertThat(frames).containsExactly(Frame.data(body, false));
    }

    @Test
    void shouldEncodeLengthsFrom255OnInTheLongFormAsLibzmq() {
        assertThat(FrameEncoder.zmtp10Frame(true, hex("68 69"))).isEqualTo(hex("03 01 68 69"));
        assertThat(FrameEncoder.zmtp10Frame(false, new byte[0])).isEqualTo(hex("01 00"));
        assertThat(FrameEncoder.zmtp10HeaderLength(253)).isEqualTo(2);
        assertThat(FrameEncoder.zmtp10Frame(false, new byte[253])).startsWith(hex("fe 00"));
        assertThat(FrameEncoder.zmtp10HeaderLength(254)).isEqualTo(10);
        assertThat(FrameEncoder.zmtp10Frame(true, new byte[254])).startsWith(hex("ff 00 00 00 00 00 00 00 ff 01"));
    }

    @Test
    void shouldRejectLengthZeroInEitherForm() {
        assertProtocolError(ProtocolErrors.ZMTP_UNSPECIFIED,
                () -> FrameDecoder.zmtp10(-1).decode(ByteBuffer.wrap(hex("00")), new RecordingSink()));
        assertProtocolError(ProtocolErrors.ZMTP_UNSPECIFIED, () -> FrameDecoder.zmtp10(-1)
                .decode(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 00")), new RecordingSink()));
    }

    @Test
    void shouldRejectOversizedFramesBeforeTheirFlagsOrBody() {
        assertProtocolError(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE,
                () -> FrameDecoder.zmtp10(10).decode(ByteBuffer.wrap(hex("0c")), new RecordingSink()));
        assertProtocolError(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE, () -> FrameDecoder.zmtp10(-1)
                .decode(ByteBuffer.wrap(hex("ff 80 00 00 00 00 00 00 01")), new RecordingSink()));
        assertProtocolError(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE, () -> FrameDecoder.zmtp10(-1)
                .decode(ByteBuffer.wrap(hex("ff 40 00 00 00 00 00 00 00")), new RecordingSink()));
    }

    @Test
    void shouldAcceptABodyOfExactlyTheMaximumSize() throws ProtocolException {
        RecordingSink sink = new RecordingSink();

        FrameDecoder.zmtp10(10).decode(ByteBuffer.wrap(bytes(hex("0b 00"), new byte[10])), sink);

        assertThat(sink.frames).containsExactly(Frame.data(new byte[10], false));
    }

    @Test
    void shouldDecodeTheSameFramesFromEverySplitAndResumeAfterStops() throws ProtocolException {
        Random random = new Random(42);
        List<Frame> sent = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int size : new int[] {0, 1, 253, 254, 255, 300, 5, 0}) {
            byte[] body = new byte[size];
            random.nextBytes(body);
            boolean more = random.nextBoolean();
            sent.add(Frame.data(body, more));
            wire.writeBytes(FrameEncoder.zmtp10Frame(more, body));
        }
        byte[] stream = wire.toByteArray();
        for (int split = 0; split <= stream.length; split++) {
            RecordingSink sink = new RecordingSink(3);
            FrameDecoder decoder = FrameDecoder.zmtp10(-1);
            for (ByteBuffer part : new ByteBuffer[] {
                ByteBuffer.wrap(stream, 0, split), ByteBuffer.wrap(stream, split, stream.length - split)}) {
                while (decoder.decode(part, sink) == FrameDecoder.Status.STOPPED) {
                    // the sink asked to stop; call again, as the engine does once there is room
                }
            }
            assertThat(sink.frames).as("split at %d", split).isEqualTo(sent);
        }
    }
}
