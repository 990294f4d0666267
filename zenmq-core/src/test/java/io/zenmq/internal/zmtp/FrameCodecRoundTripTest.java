// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.zmtp.FrameDecoder.Status;
import io.zenmq.internal.zmtp.RecordingSink.Frame;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Property tests: {@link FrameEncoder} output fed to {@link FrameDecoder} in arbitrary splits yields the
 * same frames, stopping and resuming loses nothing, and garbage only ever causes a {@link ProtocolException}.
 * jqwik prints the seed of any failing try.
 */
class FrameCodecRoundTripTest {
    private static final int SIMULATED_HEAP = 64 << 20;

    /** A frame to encode; the body is generated from {@code seed} so large bodies stay cheap to shrink. */
    static final class TestFrame {
        final int flags;
        final byte[] body;

        TestFrame(int flags, int size, long seed) {
            this.flags = flags;
            this.body = new byte[size];
            new Random(seed).nextBytes(body);
        }

        Frame expected() {
            return (flags & ZmtpLayout.FLAG_COMMAND) != 0
                    ? Frame.command(body)
                    : Frame.data(body, (flags & ZmtpLayout.FLAG_MORE) != 0);
        }

        @Override
        public String toString() {
            return "TestFrame[flags=" + flags + ", size=" + body.length + "]";
        }
    }

    @Provide
    Arbitrary<List<TestFrame>> frames() {
        Arbitrary<Integer> flags = Arbitraries.of(0, ZmtpLayout.FLAG_MORE, ZmtpLayout.FLAG_COMMAND);
        Arbitrary<Integer> sizes = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, 300),
                Arbitraries.of(0, 1, 254, 255, 256, 257, 65_535, 65_536, 65_537),
                Arbitraries.integers().between(0, 70_000));
        Arbitrary<Long> seeds = Arbitraries.longs();
        return Combinators.combine(flags, sizes, seeds).as(TestFrame::new).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<Integer> chunkLimits() {
        return Arbitraries.of(1, 2, 3, 8, 9, 10, 64, 1_000, 100_000, Integer.MAX_VALUE);
    }

    @Property(tries = 300)
    void shouldDecodeExactlyTheEncodedFramesWhateverTheSplits(
            @ForAll("frames") List<TestFrame> frames,
            @ForAll("chunkLimits") int maxChunk,
            @ForAll long splitSeed,
            @ForAll boolean direct) throws ProtocolException {
        FrameDecoder decoder = new FrameDecoder(-1);
        RecordingSink sink = new RecordingSink();

        for (ByteBuffer chunk : split(encode(frames), maxChunk, splitSeed, direct)) {
            assertThat(decoder.decode(chunk, sink)).isEqualTo(Status.NEED_MORE);
            assertThat(chunk.hasRemaining()).isFalse();
        }

        assertThat(sink.frames).containsExactlyElementsOf(expected(frames));
        ProtocolAssertions.assertAtFrameBoundary(decoder);
    }

    @Property(tries = 300)
    void shouldDeliverEveryFrameInOrderWhenSinkStopsEveryKthFrame(
            @ForAll("frames") List<TestFrame> frames,
            @ForAll("chunkLimits") int maxChunk,
            @ForAll long splitSeed,
            @ForAll @IntRange(min = 1, max = 5) int stopEvery) throws ProtocolException {
        FrameDecoder decoder = new FrameDecoder(-1);
        RecordingSink sink = new RecordingSink(stopEvery);

        for (ByteBuffer chunk : split(encode(frames), maxChunk, splitSeed, false)) {
            while (decoder.decode(chunk, sink) == Status.STOPPED) {
                assertThat(sink.frames.size() % stopEvery).isZero();
            }
            assertThat(chunk.hasRemaining()).isFalse();
        }

        assertThat(sink.frames).containsExactlyElementsOf(expected(frames));
    }

    @Property(tries = 500)
    void shouldOnlyThrowProtocolExceptionOnGarbage(
            @ForAll @Size(max = 3000) byte[] garbage,
            @ForAll("chunkLimits") int maxChunk,
            @ForAll long splitSeed,
            @ForAll("maxMessageSizes") long maxMessageSize) {
        // an unlimited decoder gets a heap of 64 MiB: announced sizes above it run out of memory
        FrameDecoder decoder = new FrameDecoder(maxMessageSize, false, n -> {
            if (n > SIMULATED_HEAP) {
                throw new OutOfMemoryError("simulated heap of " + SIMULATED_HEAP);
            }
            return new byte[n];
        });
        RecordingSink sink = new RecordingSink();

        try {
            for (ByteBuffer chunk : split(garbage, maxChunk, splitSeed, false)) {
                decoder.decode(chunk, sink);
                assertThat(chunk.hasRemaining()).isFalse();
            }
        } catch (ProtocolException expected) {
            assertThat(expected.code()).isIn(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE, ProtocolErrors.ZENMQ_OUT_OF_MEMORY);
        }

        // the memory rule: one body at most, never above MAXMSGSIZE
        assertThat((long) decoder.bufferCapacity())
                .isLessThanOrEqualTo(maxMessageSize < 0 ? SIMULATED_HEAP : maxMessageSize);
    }

    @Property(tries = 300)
    void shouldOnlyThrowProtocolExceptionOnMutatedFrames(
            @ForAll("frames") List<TestFrame> frames,
            @ForAll long mutationSeed,
            @ForAll @IntRange(min = 1, max = 4) int mutations) {
        byte[] wire = encode(frames);
        Random random = new Random(mutationSeed);
        for (int i = 0; i < mutations && wire.length > 0; i++) {
            wire[random.nextInt(wire.length)] = (byte) random.nextInt(256);
        }
        FrameDecoder decoder = new FrameDecoder(1 << 20);

        try {
            for (ByteBuffer chunk : split(wire, 1_000, mutationSeed, false)) {
                decoder.decode(chunk, new RecordingSink());
            }
        } catch (ProtocolException expected) {
            assertThat(expected.code()).isEqualTo(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE);
        }
    }

    @Provide
    Arbitrary<Long> maxMessageSizes() {
        return Arbitraries.of(-1L, 0L, 255L, 1L << 20);
    }

    private static byte[] encode(List<TestFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (TestFrame f : frames) {
            out.writeBytes(FrameEncoder.frame(f.flags, f.body));
        }
        return out.toByteArray();
    }

    private static List<Frame> expected(List<TestFrame> frames) {
        List<Frame> result = new ArrayList<>();
        for (TestFrame f : frames) {
            result.add(f.expected());
        }
        return result;
    }

    /** Cuts {@code wire} into chunks of random length 1..maxChunk, as heap or direct buffers. */
    private static List<ByteBuffer> split(byte[] wire, int maxChunk, long seed, boolean direct) {
        Random random = new Random(seed);
        ByteBuffer whole = direct ? ByteBuffer.allocateDirect(wire.length).put(wire).flip() : ByteBuffer.wrap(wire);
        List<ByteBuffer> chunks = new ArrayList<>();
        int pos = 0;
        while (pos < wire.length) {
            int n = Math.min(wire.length - pos, 1 + random.nextInt(Math.min(maxChunk, wire.length)));
            chunks.add(whole.duplicate().limit(pos + n).position(pos));
            pos += n;
        }
        return chunks;
    }
}
