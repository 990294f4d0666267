// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.zmtp.Mechanism.Unwrapped;
import io.zenmq.internal.zmtp.ZapReply;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random multipart traffic through a CURVE connection, both ways, after a handshake from a random seed. */
class CurveRoundTripTest {

    /** One frame to send: its bytes, flags, and which side sends it. */
    record Frame(byte[] bytes, boolean more, boolean command, boolean fromClient) {
        int flags() {
            return (more ? ZmtpLayout.FLAG_MORE : 0) | (command ? ZmtpLayout.FLAG_COMMAND : 0);
        }
    }

    @Provide
    Arbitrary<List<Frame>> traffic() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(bytes, flag, flag, flag).as(Frame::new).list().ofMaxSize(12);
    }

    @Property(tries = 60)
    void shouldDeliverEveryFrameWithItsFlags(@ForAll("traffic") List<Frame> frames, @ForAll long seed)
            throws Exception {
        CurvePeers peers = new CurvePeers(seed);
        peers.handshake(ZapReply.NO_HANDLER);

        for (Frame frame : frames) {
            CurveMechanism from = frame.fromClient() ? peers.client : peers.server;
            CurveMechanism to = frame.fromClient() ? peers.server : peers.client;
            byte[] body = from.encode(frame.bytes(), frame.flags());

            Unwrapped got = to.decode(body);

            assertThat(body).hasSize(CurveLayout.MESSAGE_MIN_SIZE + frame.bytes().length);
            assertThat(got.frame()).isEqualTo(frame.bytes());
            assertThat(got.flags()).isEqualTo(frame.flags());
        }
    }
}
