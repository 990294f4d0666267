// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

/**
 * Jazzer target (F1): any bytes into a {@link FrameDecoder} (ZMTP 3.x or 1.0 framing) in random
 * chunks. Only a {@link ProtocolException} may end it; no body is allocated above the frame limit
 * (the allocator checks every request); the frames delivered and the error are the same when the
 * bytes come one at a time.
 */
class FrameDecoderFuzzTest {
    private static final long[] LIMITS = {-1, 0, 1, 255, 256, 65_536, 1 << 20};
    /** What an unlimited decoder may allocate here: a bigger announced size runs out of "heap". */
    private static final int HEAP = 8 << 20;

    record Outcome(RecordingSink sink, int errorCode) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Outcome other && other.errorCode == errorCode
                    && other.sink.frames.equals(sink.frames);
        }

        @Override
        public int hashCode() {
            return errorCode;
        }
    }

    @FuzzTest(maxDuration = "60s")
    void decode(FuzzedDataProvider data) {
        long limit = LIMITS[data.consumeInt(0, LIMITS.length - 1)];
        boolean zmtp10 = data.consumeBoolean();
        long seed = data.consumeLong();
        byte[] wire = data.consumeRemainingAsBytes();

        Outcome chunked = run(limit, zmtp10, wire, new Random(seed));
        Outcome byteByByte = run(limit, zmtp10, wire, null);

        assertThat(byteByByte).isEqualTo(chunked);
    }

    private static Outcome run(long limit, boolean zmtp10, byte[] wire, Random splits) {
        FrameDecoder decoder = new FrameDecoder(limit, zmtp10, n -> {
            assertThat((long) n).as("allocation within the limit").isLessThanOrEqualTo(limit < 0 ? Long.MAX_VALUE : limit);
            if (n > HEAP) {
                throw new OutOfMemoryError("fuzz heap of " + HEAP);
            }
            return new byte[n];
        });
        RecordingSink sink = new RecordingSink();
        int offset = 0;
        try {
            while (offset < wire.length) {
                int n = splits == null ? 1 : 1 + splits.nextInt(Math.min(600, wire.length - offset));
                ByteBuffer chunk = ByteBuffer.wrap(Arrays.copyOfRange(wire, offset, offset + n));
                decoder.decode(chunk, sink);
                assertThat(chunk.hasRemaining()).isFalse();
                offset += n;
            }
        } catch (ProtocolException e) {
            assertThat(e.code()).isIn(ProtocolErrors.ZENMQ_MESSAGE_TOO_LARGE, ProtocolErrors.ZENMQ_OUT_OF_MEMORY,
                    ProtocolErrors.ZMTP_UNSPECIFIED);
            return new Outcome(sink, e.code());
        }
        return new Outcome(sink, 0);
    }
}
