// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ProtocolAssertions.assertProtocolError;
import static io.zenmq.internal.zmtp.WireBytes.ascii;
import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static io.zenmq.internal.zmtp.WireBytes.hex;
import static io.zenmq.internal.zmtp.WireBytes.zeros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The 64-byte greeting: encoding against the libzmq capture, incremental decoding and rejection. */
class GreetingTest {
    /** What libzmq 4.3.4 sends for a NULL socket without routing id (spec/zmtp.md section 2.1). */
    private static final byte[] LIBZMQ_NULL_GREETING = hex(
            "ff 00 00 00 00 00 00 00 01 7f 03 01 4e 55 4c 4c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00"
            + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");

    @Test
    void shouldEncodeNullGreetingExactlyAsLibzmq() {
        assertThat(Greeting.encode("NULL", false)).isEqualTo(LIBZMQ_NULL_GREETING);
    }

    @Test
    void shouldEncodeTheFiftyThreeByteTailOfSection11() {
        byte[] greeting = Greeting.encode("NULL", false);

        assertThat(Arrays.copyOfRange(greeting, 0, 11)).isEqualTo(hex("ff 00 00 00 00 00 00 00 01 7f 03"));
        assertThat(Arrays.copyOfRange(greeting, 11, 64))
                .isEqualTo(bytes(0x01, "NULL", zeros(16), 0x00, zeros(31)));
    }

    @Test
    void shouldSetAsServerByteForServers() {
        byte[] greeting = Greeting.encode("PLAIN", true);

        assertThat(greeting[ZmtpLayout.AS_SERVER_OFFSET]).isEqualTo((byte) 1);
        assertThat(Arrays.copyOfRange(greeting, 12, 17)).isEqualTo(ascii("PLAIN"));
    }

    @Test
    void shouldRejectMechanismLongerThanTwentyCharacters() {
        assertThat(Greeting.encode("ABCDEFGHIJKLMNOPQRST", false)).hasSize(64);
        assertThatThrownBy(() -> Greeting.encode("ABCDEFGHIJKLMNOPQRSTU", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Greeting.encode("", false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldConsumeOnlyTheGreetingAndLeaveTrafficInBuffer() throws ProtocolException {
        Greeting.Decoder decoder = new Greeting.Decoder();
        ByteBuffer in = ByteBuffer.wrap(bytes(LIBZMQ_NULL_GREETING, 0x04, 0x05));

        assertThat(decoder.feed(in)).isTrue();

        assertThat(in.remaining()).isEqualTo(2);
        assertThat(decoder.received()).isEqualTo(64);
        assertThat(decoder.major()).isEqualTo(3);
        assertThat(decoder.minor()).isEqualTo(1);
        assertThat(decoder.mechanism()).isEqualTo("NULL");
        assertThat(decoder.mechanismBytes()).isEqualTo(bytes("NULL", zeros(16)));
        assertThat(decoder.asServer()).isFalse();
        assertThat(decoder.sameMechanism(Greeting.encode("NULL", true))).isTrue();
        assertThat(decoder.sameMechanism(Greeting.encode("PLAIN", false))).isFalse();
        assertThat(decoder.feed(in)).isTrue();
        assertThat(in.remaining()).isEqualTo(2);
    }

    @Test
    void shouldCompleteGreetingFedOneByteAtATime() throws ProtocolException {
        Greeting.Decoder decoder = new Greeting.Decoder();
        byte[] greeting = Greeting.encode("CURVE", true);

        for (int i = 0; i < 63; i++) {
            assertThat(decoder.feed(ByteBuffer.wrap(greeting, i, 1))).isFalse();
            assertThat(decoder.received()).isEqualTo(i + 1);
        }
        assertThat(decoder.feed(ByteBuffer.wrap(greeting, 63, 1))).isTrue();

        assertThat(decoder.mechanism()).isEqualTo("CURVE");
        assertThat(decoder.asServer()).isTrue();
    }

    @Test
    void shouldNotValidatePaddingOrFiller() throws ProtocolException {
        byte[] greeting = Greeting.encode("NULL", false);
        Arrays.fill(greeting, 1, 9, (byte) 0xAB);
        Arrays.fill(greeting, 33, 64, (byte) 0xCD);
        greeting[ZmtpLayout.MINOR_OFFSET] = 0;

        Greeting.Decoder decoder = new Greeting.Decoder();

        assertThat(decoder.feed(ByteBuffer.wrap(greeting))).isTrue();
        assertThat(decoder.minor()).isZero();
    }

    @Test
    void shouldAcceptFutureMajorVersion() throws ProtocolException {
        byte[] greeting = Greeting.encode("NULL", false);
        greeting[ZmtpLayout.MAJOR_OFFSET] = 4;

        Greeting.Decoder decoder = new Greeting.Decoder();

        assertThat(decoder.feed(ByteBuffer.wrap(greeting))).isTrue();
        assertThat(decoder.major()).isEqualTo(4);
    }

    @Test
    void shouldRejectGreetingWithoutLeadingFfAfterOneByte() {
        Greeting.Decoder decoder = new Greeting.Decoder();

        assertProtocolError(ProtocolErrors.ZMTP_UNSPECIFIED, () -> decoder.feed(ByteBuffer.wrap(hex("01"))));
    }

    @Test
    void shouldRejectGreetingWithoutFinalSignatureBitAfterTenBytes() {
        Greeting.Decoder decoder = new Greeting.Decoder();

        assertProtocolError(ProtocolErrors.ZMTP_UNSPECIFIED,
                () -> decoder.feed(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7e"))));
    }

    @Test
    void shouldReadMajorVersionTwoAsZmtp3LikeLibzmq() throws ProtocolException {
        Greeting.Decoder decoder = new Greeting.Decoder();
        assertThat(decoder.feed(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7f")))).isFalse();

        assertThat(decoder.feed(ByteBuffer.wrap(hex("02")))).isFalse();

        assertThat(decoder.major()).isEqualTo(2);
    }

    @Test
    void shouldRejectRevisionOneAsZmtp20() throws ProtocolException {
        Greeting.Decoder decoder = new Greeting.Decoder();
        assertThat(decoder.feed(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7f")))).isFalse();

        Throwable thrown = catchThrowable(() -> decoder.feed(ByteBuffer.wrap(hex("01"))));

        assertThat(thrown).isInstanceOf(ProtocolException.class).hasMessageContaining("not supported");
        assertThat(((ProtocolException) thrown).code()).isEqualTo(ProtocolErrors.ZMTP_UNSPECIFIED);
    }

    @Test
    void shouldRejectZmtp20Greeting() {
        Greeting.Decoder decoder = new Greeting.Decoder();

        assertProtocolError(ProtocolErrors.ZMTP_UNSPECIFIED,
                () -> decoder.feed(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7f 01 05"))));
    }

    @Test
    void shouldRefuseAccessorsBeforeGreetingIsComplete() throws ProtocolException {
        Greeting.Decoder decoder = new Greeting.Decoder();
        decoder.feed(ByteBuffer.wrap(LIBZMQ_NULL_GREETING, 0, 20));

        assertThat(decoder.major()).isEqualTo(3);
        assertThatThrownBy(decoder::mechanism).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(decoder::minor).isInstanceOf(IllegalStateException.class);
    }
}
