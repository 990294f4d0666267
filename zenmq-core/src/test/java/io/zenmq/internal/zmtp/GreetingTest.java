// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.WireBytes.ascii;
import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static io.zenmq.internal.zmtp.WireBytes.hex;
import static io.zenmq.internal.zmtp.WireBytes.zeros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The greeting: encoding against the libzmq capture, incremental decoding, telling 3.x, 2.0 and 1.0 apart. */
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
    void shouldPadWithTheRoutingIdLengthPlusOneAsLibzmq() {
        // spec/zmtp.md section 2.1: with ZMQ_ROUTING_ID "RTR" byte 8 becomes 04
        byte[] greeting = Greeting.encode("NULL", false, 3);

        assertThat(Arrays.copyOfRange(greeting, 0, 10)).isEqualTo(hex("ff 00 00 00 00 00 00 00 04 7f"));
        assertThat(Arrays.copyOfRange(Greeting.encode("NULL", false, 255), 1, 9)).isEqualTo(hex("00 00 00 00 00 00 01 00"));
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
    void shouldRecogniseAnUnversionedPeerAtItsFirstByteAndConsumeNoMore() {
        Greeting.Decoder decoder = new Greeting.Decoder();
        ByteBuffer in = ByteBuffer.wrap(hex("04 00 41 42 43"));

        assertThat(decoder.feed(in)).isTrue();

        assertThat(in.remaining()).isEqualTo(4);
        assertThat(decoder.isUnversioned()).isTrue();
        assertThat(decoder.isVersioned()).isFalse();
        assertThat(decoder.hasMajor()).isFalse();
        assertThat(decoder.version()).isEqualTo(ZmtpVersion.ZMTP_1_0);
        assertThat(decoder.unversionedBytes()).isEqualTo(hex("04"));
    }

    @Test
    void shouldRecogniseALongUnversionedIdentityByTheClearBitOfByteNine() {
        Greeting.Decoder decoder = new Greeting.Decoder();
        // a 1.0 identity frame of length 301 (300 bytes + flags), flags 0x00
        ByteBuffer in = ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 01 2d 00 41 42"));

        assertThat(decoder.feed(in)).isTrue();

        assertThat(in.remaining()).isEqualTo(2);
        assertThat(decoder.version()).isEqualTo(ZmtpVersion.ZMTP_1_0);
        assertThat(decoder.unversionedBytes()).isEqualTo(hex("ff 00 00 00 00 00 00 01 2d 00"));
    }

    @Test
    void shouldReadMajorVersionTwoAsZmtp3LikeLibzmq() throws ProtocolException {
        Greeting.Decoder decoder = new Greeting.Decoder();
        assertThat(decoder.feed(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7f")))).isFalse();
        assertThat(decoder.isVersioned()).isTrue();
        assertThat(decoder.hasMajor()).isFalse();

        assertThat(decoder.feed(ByteBuffer.wrap(hex("02")))).isFalse();

        assertThat(decoder.major()).isEqualTo(2);
        byte[] rest = Arrays.copyOfRange(Greeting.encode("NULL", false), 11, 64);
        assertThat(decoder.feed(ByteBuffer.wrap(rest))).isTrue();
        assertThat(decoder.version()).isEqualTo(ZmtpVersion.ZMTP_3_1);
    }

    @Test
    void shouldReadATwelveByteGreetingWithRevisionOneAsZmtp20() {
        Greeting.Decoder decoder = new Greeting.Decoder();
        ByteBuffer in = ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7f 01 05 00 00"));

        assertThat(decoder.feed(in)).isTrue();

        assertThat(in.remaining()).isEqualTo(2);
        assertThat(decoder.received()).isEqualTo(12);
        assertThat(decoder.version()).isEqualTo(ZmtpVersion.ZMTP_2_0);
        assertThat(decoder.socketType()).isEqualTo(5);
        assertThatThrownBy(decoder::mechanism).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(decoder::unversionedBytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldReadATwelveByteGreetingWithRevisionZeroAsVersionedZmtp10() {
        Greeting.Decoder decoder = new Greeting.Decoder();

        assertThat(decoder.feed(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7f 00 08")))).isTrue();

        assertThat(decoder.version()).isEqualTo(ZmtpVersion.ZMTP_1_0_VERSIONED);
        assertThat(decoder.socketType()).isEqualTo(8);
    }

    @Test
    void shouldTellVersionsApartFromAnySplit() {
        byte[][] greetings = {
            hex("ff 00 00 00 00 00 00 00 01 7f 01 05"),
            hex("ff 00 00 00 00 00 00 00 01 7f 00 05"),
            Greeting.encode("NULL", false),
            hex("ff 00 00 00 00 00 00 00 01 7e"),
            hex("01"),
        };
        ZmtpVersion[] expected = {
            ZmtpVersion.ZMTP_2_0, ZmtpVersion.ZMTP_1_0_VERSIONED, ZmtpVersion.ZMTP_3_1, ZmtpVersion.ZMTP_1_0,
            ZmtpVersion.ZMTP_1_0,
        };
        for (int g = 0; g < greetings.length; g++) {
            byte[] traffic = bytes(greetings[g], 0x00, 0x00);
            for (int split = 0; split <= greetings[g].length; split++) {
                Greeting.Decoder decoder = new Greeting.Decoder();
                ByteBuffer first = ByteBuffer.wrap(traffic, 0, split);
                ByteBuffer second = ByteBuffer.wrap(traffic, split, traffic.length - split);
                decoder.feed(first);
                assertThat(decoder.feed(second)).as("greeting %d split at %d", g, split).isTrue();
                assertThat(decoder.version()).as("greeting %d split at %d", g, split).isEqualTo(expected[g]);
                assertThat(first.remaining() + second.remaining()).as("greeting %d split at %d", g, split)
                        .isEqualTo(2);
            }
        }
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
