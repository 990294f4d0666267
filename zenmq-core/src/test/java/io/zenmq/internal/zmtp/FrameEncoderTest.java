// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static io.zenmq.internal.zmtp.WireBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** Frame headers and command frames from {@link FrameEncoder} against spec/zmtp.md byte vectors. */
class FrameEncoderTest {

    private static byte[] header(int flags, long size) {
        ByteBuffer out = ByteBuffer.allocate(FrameEncoder.headerLength(size));
        FrameEncoder.writeHeader(out, flags, size);
        assertThat(out.hasRemaining()).isFalse();
        return out.array();
    }

    @Test
    void shouldUseLongHeaderExactlyAbove255Bytes() {
        assertThat(FrameEncoder.headerLength(0)).isEqualTo(2);
        assertThat(FrameEncoder.headerLength(255)).isEqualTo(2);
        assertThat(FrameEncoder.headerLength(256)).isEqualTo(9);
        assertThat(FrameEncoder.headerLength(Long.MAX_VALUE)).isEqualTo(9);
    }

    @Test
    void shouldWriteHeaderOf300ByteFinalFrame() {
        assertThat(header(0, 300)).isEqualTo(hex("02 00 00 00 00 00 00 01 2c"));
    }

    @Test
    void shouldWriteShortHeadersForDelimiterAndHi() {
        assertThat(bytes(header(ZmtpLayout.FLAG_MORE, 0), header(0, 2), "hi")).isEqualTo(hex("01 00 00 02 68 69"));
    }

    @Test
    void shouldWriteBigEndianWhateverTheBufferOrder() {
        ByteBuffer out = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);

        FrameEncoder.writeHeader(out, ZmtpLayout.FLAG_COMMAND | ZmtpLayout.FLAG_MORE, 0x0102030405L);

        assertThat(out.array()).isEqualTo(hex("07 00 00 00 01 02 03 04 05"));
    }

    @Test
    void shouldRecomputeLongFlagFromSize() {
        assertThat(header(ZmtpLayout.FLAG_LONG | ZmtpLayout.FLAG_COMMAND, 250)).isEqualTo(hex("04 fa"));
        assertThat(header(ZmtpLayout.FLAG_COMMAND, 256)).isEqualTo(hex("06 00 00 00 00 00 00 01 00"));
    }

    @Test
    void shouldRejectReservedFlagsAndNegativeSizes() {
        ByteBuffer out = ByteBuffer.allocate(9);

        assertThatThrownBy(() -> FrameEncoder.writeHeader(out, 0x08, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameEncoder.writeHeader(out, 0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameEncoder.headerLength(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldEncodePingCommandFrame() {
        assertThat(TestCommands.encodeCommand("PING", hex("00 14")))
                .isEqualTo(bytes(0x04, 0x07, 0x04, "PING", 0x00, 0x14));
    }

    @Test
    void shouldEncodeCommandWithoutData() {
        assertThat(TestCommands.encodeCommand("PONG", null)).isEqualTo(bytes(0x04, 0x05, 0x04, "PONG"));
        assertThat(FrameEncoder.commandBody("PONG", new byte[0])).isEqualTo(bytes(0x04, "PONG"));
    }

    @Test
    void shouldUseLongHeaderForCommandBodyAbove255Bytes() {
        byte[] frame = TestCommands.encodeCommand("SUBSCRIBE", new byte[250]);

        assertThat(frame).hasSize(9 + 260);
        assertThat(ByteBuffer.wrap(frame, 0, 9).get()).isEqualTo((byte) 0x06);
        assertThat(ByteBuffer.wrap(frame, 1, 8).getLong()).isEqualTo(260L);
    }

    @Test
    void shouldRejectInvalidCommandNames() {
        assertThatThrownBy(() -> FrameEncoder.commandBody("", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameEncoder.commandBody("x".repeat(256), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FrameEncoder.commandBody("P\u00cfNG", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FrameEncoder.commandBody("x".repeat(255), null)).hasSize(256);
    }
}
