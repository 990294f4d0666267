// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ProtocolAssertions.assertAtFrameBoundary;
import static io.zenmq.internal.zmtp.ProtocolAssertions.assertProtocolError;
import static io.zenmq.internal.zmtp.WireBytes.ascii;
import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static io.zenmq.internal.zmtp.WireBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.zmtp.FrameDecoder.Status;
import io.zenmq.internal.zmtp.RecordingSink.Frame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC byte vectors, size limits and the memory rule of {@link FrameDecoder}. */
class FrameDecoderTest {
    private final FrameDecoder decoder = new FrameDecoder(-1);
    private final RecordingSink sink = new RecordingSink();

    private Status feed(byte[] bytes) throws ProtocolException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        Status status = decoder.decode(in, sink);
        if (status == Status.NEED_MORE) {
            assertThat(in.hasRemaining()).isFalse();
        }
        return status;
    }

    private static byte[] longHeader(int flags, long size) {
        ByteBuffer b = ByteBuffer.allocate(ZmtpLayout.LONG_HEADER_LENGTH);
        b.put((byte) (flags | ZmtpLayout.FLAG_LONG)).putLong(size);
        return b.array();
    }

    @Test
    void shouldDecodeEmptyDelimiterThenHi() throws ProtocolException {
        assertThat(feed(hex("01 00 00 02 68 69"))).isEqualTo(Status.NEED_MORE);

        assertThat(sink.frames).containsExactly(Frame.data(new byte[0], true), Frame.data(ascii("hi"), false));
        assertAtFrameBoundary(decoder);
    }

    @Test
    void shouldDecode300ByteFrameWithLongHeader() throws ProtocolException {
        byte[] body = new byte[300];
        new Random(300).nextBytes(body);

        feed(bytes(hex("02 00 00 00 00 00 00 01 2c"), body));

        assertThat(sink.frames).containsExactly(Frame.data(body, false));
    }

    @Test
    void shouldReadALongSizeAsBigEndianWhateverTheInputBuffersByteOrder() throws ProtocolException {
        byte[] body = new byte[300];
        new Random(301).nextBytes(body);
        ByteBuffer in = ByteBuffer.wrap(bytes(hex("02 00 00 00 00 00 00 01 2c"), body)).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(decoder.decode(in, sink)).isEqualTo(Status.NEED_MORE);

        assertThat(sink.frames).containsExactly(Frame.data(body, false));
        assertAtFrameBoundary(decoder);
    }

    @Test
    void shouldDecodeALongHeaderWhollyPresentWhoseBodyArrivesLater() throws ProtocolException {
        byte[] body = new byte[300];
        new Random(302).nextBytes(body);

        assertThat(feed(hex("02 00 00 00 00 00 00 01 2c"))).isEqualTo(Status.NEED_MORE);
        assertThat(feed(Arrays.copyOfRange(body, 0, 100))).isEqualTo(Status.NEED_MORE);
        assertThat(sink.frames).isEmpty();
        assertThat(feed(Arrays.copyOfRange(body, 100, 300))).isEqualTo(Status.NEED_MORE);

        assertThat(sink.frames).containsExactly(Frame.data(body, false));
        assertAtFrameBoundary(decoder);
    }

    @Test
    void shouldDecode300ByteFrameFedOneByteAtATime() throws ProtocolException {
        byte[] body = new byte[300];
        new Random(7).nextBytes(body);
        byte[] wire = bytes(hex("03 00 00 00 00 00 00 01 2c"), body);

        for (byte b : wire) {
            assertThat(feed(new byte[] {b})).isEqualTo(Status.NEED_MORE);
        }

        assertThat(sink.frames).containsExactly(Frame.data(body, true));
    }

    @Test
    void shouldAcceptLongFlagForSmallBody() throws ProtocolException {
        feed(hex("02 00 00 00 00 00 00 00 02 68 69"));

        assertThat(sink.frames).containsExactly(Frame.data(ascii("hi"), false));
    }

    @Test
    void shouldIgnoreReservedFlagBits() throws ProtocolException {
        feed(hex("f9 02 68 69"));

        assertThat(sink.frames).containsExactly(Frame.data(ascii("hi"), true));
    }

    @Test
    void shouldDeliverCommandWithMoreFlagAsCommand() throws ProtocolException {
        feed(bytes(0x05, 0x05, 0x04, "PONG"));

        assertThat(sink.frames).containsExactly(Frame.command(bytes(0x04, "PONG")));
    }

    @Test
    void shouldDecodeReadyCommandFromSpec() throws ProtocolException {
        byte[] body = bytes(0x05, "READY", 0x0b, "Socket-Type", 0, 0, 0, 6, "DEALER",
                0x08, "Identity", 0, 0, 0, 2, "AB");

        feed(bytes(0x04, 0x2b, body));

        assertThat(sink.frames).containsExactly(Frame.command(body));
    }

    @Test
    void shouldStopAfterFrameWhenSinkRefusesAndResumeLater() throws ProtocolException {
        RecordingSink stopping = new RecordingSink(1);
        ByteBuffer in = ByteBuffer.wrap(hex("01 00 00 02 68 69"));

        assertThat(decoder.decode(in, stopping)).isEqualTo(Status.STOPPED);
        assertThat(in.position()).isEqualTo(2);
        assertThat(stopping.frames).hasSize(1);

        assertThat(decoder.decode(in, stopping)).isEqualTo(Status.STOPPED);
        assertThat(in.hasRemaining()).isFalse();
        assertThat(stopping.frames).containsExactly(Frame.data(new byte[0], true), Frame.data(ascii("hi"), false));

        assertThat(decoder.decode(in, stopping)).isEqualTo(Status.NEED_MORE);
    }

    @Test
    void shouldStopAfterFrameCompletedAcrossCalls() throws ProtocolException {
        RecordingSink stopping = new RecordingSink(1);
        decoder.decode(ByteBuffer.wrap(hex("00 02 68")), stopping);
        ByteBuffer rest = ByteBuffer.wrap(hex("69 00 00"));

        assertThat(decoder.decode(rest, stopping)).isEqualTo(Status.STOPPED);
        assertThat(rest.position()).isEqualTo(1);
        assertThat(stopping.frames).containsExactly(Frame.data(ascii("hi"), false));
    }

    @Test
    void shouldRejectSizeWithTopBitSet() {
        assertProtocolError(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE, () -> feed(longHeader(0, Long.MIN_VALUE)));
    }

    @Test
    void shouldRejectTwoToTheSixtySecondBytesWithoutAllocating() {
        byte[] wire = bytes(longHeader(0, 1L << 62), new byte[10]);

        assertProtocolError(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE, () -> feed(wire));
        assertThat(decoder.bufferCapacity()).isZero();
    }

    @Test
    void shouldRejectFrameLargerThanAJavaArray() throws ProtocolException {
        feed(longHeader(0, ZmtpLayout.MAX_ARRAY_BODY));
        assertThat(decoder.bufferCapacity()).isZero();

        FrameDecoder fresh = new FrameDecoder(-1);
        assertProtocolError(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE,
                () -> fresh.decode(ByteBuffer.wrap(longHeader(0, ZmtpLayout.MAX_ARRAY_BODY + 1L)), sink));
    }

    @Test
    void shouldRejectFrameAboveMaxMessageSizeBeforeBodyArrives() throws ProtocolException {
        FrameDecoder limited = new FrameDecoder(1000);
        limited.decode(ByteBuffer.wrap(longHeader(0, 1000)), sink);

        FrameDecoder fresh = new FrameDecoder(1000);
        assertProtocolError(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE,
                () -> fresh.decode(ByteBuffer.wrap(longHeader(0, 1001)), sink));
        assertThat(fresh.bufferCapacity()).isZero();
    }

    @Test
    void shouldRejectShortFrameAboveMaxMessageSizeEvenWhenWhollyPresent() throws ProtocolException {
        FrameDecoder limited = new FrameDecoder(2);
        limited.decode(ByteBuffer.wrap(hex("00 02 68 69")), sink);
        assertThat(sink.frames).containsExactly(Frame.data(ascii("hi"), false));

        assertProtocolError(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE,
                () -> limited.decode(ByteBuffer.wrap(hex("04 03 02 68 69")), sink));
        assertThat(sink.frames).hasSize(1);
    }

    @Test
    void shouldAllocateNothingForAHeaderWhoseBodyHasNotBegun() throws ProtocolException {
        feed(longHeader(0, 100_000_000L));

        assertThat(decoder.bufferCapacity()).isZero();
        assertThat(sink.frames).isEmpty();
    }

    @Test
    void shouldAllocateTheAnnouncedSizeOnceWhenTheBodyBegins() throws ProtocolException {
        List<Integer> allocations = new ArrayList<>();
        FrameDecoder counting = new FrameDecoder(-1, false, n -> {
            allocations.add(n);
            return new byte[n];
        });
        counting.decode(ByteBuffer.wrap(bytes(longHeader(0, 1_000_000L), new byte[10])), sink);

        assertThat(counting.bufferCapacity()).isEqualTo(1_000_000);
        assertThat(allocations).containsExactly(1_000_000);
        assertThat(sink.frames).isEmpty();
    }

    @Test
    void shouldFillOneBodyArrayAsBytesArriveWithoutGrowingIt() throws ProtocolException {
        int size = 1_000_000;
        byte[] body = new byte[size];
        new Random(1).nextBytes(body);
        List<byte[]> allocated = new ArrayList<>();
        FrameDecoder counting = new FrameDecoder(-1, false, n -> {
            byte[] b = new byte[n];
            allocated.add(b);
            return b;
        });
        counting.decode(ByteBuffer.wrap(longHeader(0, size)), sink);
        assertThat(counting.bufferCapacity()).isZero();

        int chunk = 10_000;
        for (int received = 0; received < size; received += chunk) {
            counting.decode(ByteBuffer.wrap(Arrays.copyOfRange(body, received, received + chunk)), sink);
            if (received + chunk < size) {
                assertThat(counting.bufferCapacity()).isEqualTo(size);
            }
        }

        assertThat(sink.frames).containsExactly(Frame.data(body, false));
        assertThat(allocated).hasSize(1);
        assertThat(sink.frames.get(0).body).isSameAs(allocated.get(0));
    }

    @Test
    void shouldTurnOutOfMemoryForABodyIntoAProtocolErrorOfThisConnection() {
        FrameDecoder starved = new FrameDecoder(-1, false, n -> {
            throw new OutOfMemoryError("Java heap space (test)");
        });

        assertProtocolError(ProtocolErrors.ZENMQ_OUT_OF_MEMORY,
                () -> starved.decode(ByteBuffer.wrap(bytes(longHeader(0, 300_000_000L), new byte[1])), sink));
        assertThat(sink.frames).isEmpty();
    }

    @Test
    void shouldTurnOutOfMemoryIntoAProtocolErrorForZmtp10FramesToo() {
        FrameDecoder starved = new FrameDecoder(-1, true, n -> {
            throw new OutOfMemoryError("Java heap space (test)");
        });
        ByteBuffer wire = ByteBuffer.allocate(11).put((byte) 0xFF).putLong(1_000_001L).put((byte) 0).put((byte) 7);

        assertProtocolError(ProtocolErrors.ZENMQ_OUT_OF_MEMORY, () -> starved.decode(wire.flip(), sink));
    }

    @Test
    void shouldDeliverNothingOfAnAbandonedPartialFrame() throws ProtocolException {
        feed(hex("00 05 68 69"));
        assertThat(sink.frames).isEmpty();

        new FrameDecoder(-1).decode(ByteBuffer.wrap(hex("00 02 68 69")), sink);

        assertThat(sink.frames).containsExactly(Frame.data(ascii("hi"), false));
    }

    @Test
    void shouldReadFromDirectAndOffsetBuffers() throws ProtocolException {
        ByteBuffer direct = ByteBuffer.allocateDirect(16);
        direct.put(hex("ff ff 00 02 68 69")).flip();
        direct.position(2);

        assertThat(decoder.decode(direct, sink)).isEqualTo(Status.NEED_MORE);

        assertThat(sink.frames).containsExactly(Frame.data(ascii("hi"), false));
    }

    @Test
    void shouldPropagateProtocolExceptionFromSink() {
        FrameSink rejecting = new FrameSink() {
            @Override
            public boolean onFrame(byte[] body, boolean more) {
                return true;
            }

            @Override
            public boolean onCommand(byte[] body) throws ProtocolException {
                throw new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, "nope");
            }
        };

        assertProtocolError(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                () -> decoder.decode(ByteBuffer.wrap(bytes(0x04, 0x05, 0x04, "PING")), rejecting));
    }
}
