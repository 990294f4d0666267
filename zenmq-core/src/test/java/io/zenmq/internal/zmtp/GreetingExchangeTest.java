// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ProtocolAssertions.assertProtocolError;
import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static io.zenmq.internal.zmtp.WireBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The staged greeting against 3.x, 2.0 and 1.0 peers, with the bytes of spec/zmtp.md sections 2.3 and 3. */
class GreetingExchangeTest {
    private static final byte[] NO_ID = new byte[0];

    private static GreetingExchange exchange(String type, String routingId) {
        return new GreetingExchange("NULL", false, type, routingId.getBytes(StandardCharsets.US_ASCII), true);
    }

    @Test
    void shouldSendOnlyTheSignatureFirst() {
        GreetingExchange ours = exchange("PUSH", "");

        assertThat(ours.start()).isEqualTo(hex("ff 00 00 00 00 00 00 00 01 7f"));
        assertThat(exchange("ROUTER", "RTR").start()).isEqualTo(hex("ff 00 00 00 00 00 00 00 04 7f"));
    }

    @Test
    void shouldStageLikeLibzmqWithALibzmqPeer() throws ProtocolException {
        GreetingExchange ours = exchange("PUSH", "");
        byte[] libzmq = Greeting.encode("NULL", false);
        ours.start();

        // libzmq sends its signature, waits for ours, then sends its major, then the rest
        assertThat(ours.feed(ByteBuffer.wrap(libzmq, 0, 10))).isEqualTo(hex("03"));
        assertThat(ours.feed(ByteBuffer.wrap(libzmq, 10, 1))).isEqualTo(Arrays.copyOfRange(libzmq, 11, 64));
        assertThat(ours.isComplete()).isFalse();
        assertThat(ours.feed(ByteBuffer.wrap(libzmq, 11, 53))).isEmpty();

        assertThat(ours.isComplete()).isTrue();
        assertThat(ours.version()).isEqualTo(ZmtpVersion.ZMTP_3_1);
        assertThat(ours.sameMechanism()).isTrue();
    }

    @Test
    void shouldNeverDeadlockWithAnotherStagingPeerFedOneByteAtATime() throws ProtocolException {
        GreetingExchange a = exchange("PUSH", "");
        GreetingExchange b = new GreetingExchange("PLAIN", true, "PULL", NO_ID, true);
        ByteArrayOutputStream aSent = new ByteArrayOutputStream();
        ByteArrayOutputStream bSent = new ByteArrayOutputStream();
        aSent.writeBytes(a.start());
        bSent.writeBytes(b.start());
        int aRead = 0;
        int bRead = 0;
        while (!(a.isComplete() && b.isComplete())) {
            boolean progress = false;
            if (aRead < bSent.size()) {
                aSent.writeBytes(a.feed(ByteBuffer.wrap(bSent.toByteArray(), aRead++, 1)));
                progress = true;
            }
            if (bRead < aSent.size()) {
                bSent.writeBytes(b.feed(ByteBuffer.wrap(aSent.toByteArray(), bRead++, 1)));
                progress = true;
            }
            assertThat(progress).as("both sides wait: deadlock").isTrue();
        }

        assertThat(aSent.toByteArray()).isEqualTo(Greeting.encode("NULL", false));
        assertThat(bSent.toByteArray()).isEqualTo(Greeting.encode("PLAIN", true));
        assertThat(a.sameMechanism()).isFalse();
        assertThat(b.version()).isEqualTo(ZmtpVersion.ZMTP_3_1);
    }

    @Test
    void shouldDowngradeToZmtp20AsLibzmqDoes() throws ProtocolException {
        // spec/zmtp.md section 3.2 [seen]: ROUTER with id "R1" sends ff 00.. 03 7f 03 06, then 00 02 52 31
        GreetingExchange ours = exchange("ROUTER", "R1");
        assertThat(ours.start()).isEqualTo(hex("ff 00 00 00 00 00 00 00 03 7f"));

        byte[] reply = ours.feed(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7f 01 05 00 00")));

        assertThat(reply).isEqualTo(hex("03 06 00 02 52 31"));
        assertThat(ours.version()).isEqualTo(ZmtpVersion.ZMTP_2_0);
    }

    @Test
    void shouldAnswerAZmtp20PeerTheSameFromAnySplit() throws ProtocolException {
        byte[] peer = hex("ff 00 00 00 00 00 00 00 01 7f 01 05 00 00");
        for (int split = 0; split <= 12; split++) {
            GreetingExchange ours = exchange("ROUTER", "R1");
            ours.start();
            ByteBuffer first = ByteBuffer.wrap(peer, 0, split);
            ByteBuffer second = ByteBuffer.wrap(peer, split, peer.length - split);

            byte[] reply = bytes(ours.feed(first), ours.feed(second));

            assertThat(reply).as("split at %d", split).isEqualTo(hex("03 06 00 02 52 31"));
            assertThat(second.remaining()).as("split at %d", split).isEqualTo(2);
        }
    }

    @Test
    void shouldSendAVersionedZmtp10PeerItsSocketTypeThenA10Identity() throws ProtocolException {
        GreetingExchange ours = exchange("DEALER", "AB");
        ours.start();

        byte[] reply = ours.feed(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7f 00 06")));

        assertThat(reply).isEqualTo(hex("03 05 03 00 41 42"));
        assertThat(ours.version()).isEqualTo(ZmtpVersion.ZMTP_1_0_VERSIONED);
    }

    @Test
    void shouldCompleteOurIdentityFrameToAnUnversionedPeer() throws ProtocolException {
        GreetingExchange ours = exchange("DEALER", "AB");
        byte[] signature = ours.start();

        byte[] reply = ours.feed(ByteBuffer.wrap(hex("01 00")));

        assertThat(reply).isEqualTo(hex("41 42"));
        assertThat(ours.version()).isEqualTo(ZmtpVersion.ZMTP_1_0);
        assertThat(ours.peer().unversionedBytes()).isEqualTo(hex("01"));
        // what the 1.0 peer reads: a long frame of length 3 (flags 0x7F) holding "AB"
        RecordingSink sink = new RecordingSink();
        FrameDecoder.zmtp10(-1).decode(ByteBuffer.wrap(bytes(signature, reply)), sink);
        assertThat(sink.frames).hasSize(1);
        assertThat(sink.frames.get(0).body).isEqualTo(hex("41 42"));
    }

    @Test
    void shouldRefuseEveryLegacyPeerWhenTheSocketAuthenticates() throws ProtocolException {
        byte[][] legacy = {
            hex("01 00"), hex("ff 00 00 00 00 00 00 00 01 7e"),
            hex("ff 00 00 00 00 00 00 00 01 7f 00 07"), hex("ff 00 00 00 00 00 00 00 01 7f 01 07"),
        };
        for (byte[] peer : legacy) {
            GreetingExchange ours = new GreetingExchange("NULL", false, "PUSH", NO_ID, false);
            ours.start();
            assertProtocolError(ProtocolErrors.ZMTP_UNSPECIFIED, () -> ours.feed(ByteBuffer.wrap(peer)));
        }
        GreetingExchange ours = new GreetingExchange("PLAIN", true, "PUSH", NO_ID, false);
        ours.start();
        ours.feed(ByteBuffer.wrap(Greeting.encode("PLAIN", false)));
        assertThat(ours.version()).isEqualTo(ZmtpVersion.ZMTP_3_1);
    }

    @Test
    void shouldRefuseAZmtp20PeerOfAnIncompatibleOrUnknownType() {
        GreetingExchange pull = exchange("PULL", "");
        pull.start();
        assertProtocolError(ProtocolErrors.ZMTP_INVALID_METADATA,
                () -> pull.feed(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7f 01 07"))));

        GreetingExchange unknown = exchange("PULL", "");
        unknown.start();
        assertProtocolError(ProtocolErrors.ZMTP_INVALID_METADATA,
                () -> unknown.feed(ByteBuffer.wrap(hex("ff 00 00 00 00 00 00 00 01 7f 01 2a"))));
    }

    @Test
    void shouldInsistOnTheSignatureGoingFirst() {
        GreetingExchange ours = exchange("PUSH", "");

        assertThatThrownBy(() -> ours.feed(ByteBuffer.wrap(hex("ff")))).isInstanceOf(IllegalStateException.class);
    }
}
