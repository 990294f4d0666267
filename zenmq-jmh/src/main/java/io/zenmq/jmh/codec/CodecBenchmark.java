// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.codec;

import io.zenmq.internal.zmtp.FrameDecoder;
import io.zenmq.internal.zmtp.FrameEncoder;
import io.zenmq.internal.zmtp.FrameSink;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One message frame through the ZMTP codec, as the engine does it: {@code encode} writes the
 * header and copies the body into a direct buffer (the engine's output buffer); {@code decode}
 * parses one whole frame out of a direct buffer (the engine's input buffer) and hands the new body
 * array to a sink. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} of {@code decode} is the
 * body array the decoder allocates per frame (16 B header plus the body, rounded up to 8).
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {
    /** Body size in bytes: a short frame, the largest short-header size plus one, 64 KiB. */
    @Param({"16", "256", "65536"})
    public int size;

    private byte[] body;
    private ByteBuffer out;
    private ByteBuffer wire;
    private FrameDecoder decoder;
    private final LastFrame sink = new LastFrame();

    /** Keeps the last frame so that the benchmark can return it (and the JIT cannot drop it). */
    private static final class LastFrame implements FrameSink {
        byte[] last;

        @Override
        public boolean onFrame(byte[] frame, boolean more) {
            last = frame;
            return true;
        }

        @Override
        public boolean onCommand(byte[] command) {
            last = command;
            return true;
        }
    }

    /** Builds the body, the output buffer and one encoded frame to decode again and again. */
    @Setup
    public void setUp() {
        body = new byte[size];
        for (int i = 0; i < size; i++) {
            body[i] = (byte) i;
        }
        int frameLength = FrameEncoder.headerLength(size) + size;
        out = ByteBuffer.allocateDirect(frameLength);
        wire = ByteBuffer.allocateDirect(frameLength);
        FrameEncoder.writeHeader(wire, 0, size);
        wire.put(body);
        wire.flip();
        decoder = new FrameDecoder(-1);
    }

    /**
     * Encodes one frame into a direct buffer.
     *
     * @return the bytes written
     */
    @Benchmark
    public int encode() {
        ByteBuffer buffer = out;
        buffer.clear();
        FrameEncoder.writeHeader(buffer, 0, body.length);
        buffer.put(body);
        return buffer.position();
    }

    /**
     * Decodes one frame from a direct buffer.
     *
     * @return the decoded body
     * @throws Exception never for this well-formed input
     */
    @Benchmark
    public byte[] decode() throws Exception {
        ByteBuffer buffer = wire;
        buffer.rewind();
        decoder.decode(buffer, sink);
        return sink.last;
    }
}
