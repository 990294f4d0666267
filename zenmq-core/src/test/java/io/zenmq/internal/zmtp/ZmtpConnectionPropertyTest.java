// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ConnectionHarness.Frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.SocketType;
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
 * Two {@link ZmtpConnection}s back to back, each direction's bytes cut at random points, and a
 * connection fed random garbage: the protocol never depends on how bytes are split, and a hostile
 * peer can only end a connection with a protocol error.
 */
class ZmtpConnectionPropertyTest {

    @Provide
    Arbitrary<List<Frame>> traffic() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<Integer> flags = Arbitraries.of(0, ZmtpConnection.MORE);
        return Combinators.combine(bytes, flags).as(Frame::new).list().ofMaxSize(10);
    }

    @Property(tries = 60)
    void shouldHandshakeAndDeliverInOrderWhateverTheSplits(
            @ForAll("mechanisms") String mechanism, @ForAll("traffic") List<Frame> up,
            @ForAll("traffic") List<Frame> down, @ForAll long seed) {
        ConnectionHarness[] peers = ConnectionHarness.pair(mechanism, SocketType.DEALER, SocketType.ROUTER, seed);
        Random splits = new Random(seed);
        peers[0].start();
        peers[1].start();
        peers[0].toSend.addAll(up);
        peers[1].toSend.addAll(down);

        ConnectionHarness.pump(peers[0], peers[1], splits);

        assertThat(peers[0].connection.isActive()).isTrue();
        assertThat(peers[1].connection.isActive()).isTrue();
        assertThat(peers[1].received).containsExactlyElementsOf(up);
        assertThat(peers[0].received).containsExactlyElementsOf(down);
    }

    @Provide
    Arbitrary<String> mechanisms() {
        return Arbitraries.of("NULL", "PLAIN", "CURVE");
    }

    @Property(tries = 300)
    void shouldEndGarbageWithAProtocolErrorOrWaitForMore(
            @ForAll("mechanisms") String mechanism, @ForAll boolean afterGreeting,
            @ForAll @Size(max = 2000) byte[] garbage, @ForAll @IntRange(min = 1, max = 64) int chunk) {
        ConnectionHarness[] peers = ConnectionHarness.pair(mechanism, SocketType.DEALER, SocketType.ROUTER, 1);
        ConnectionHarness victim = peers[1];
        victim.start();
        if (afterGreeting) {
            peers[0].start();
            byte[] greeting = peers[0].output();
            victim.feed(greeting);
            byte[] rest = restOfGreeting(peers[0], victim);
            victim.feed(rest);
        }

        for (int offset = 0; offset < garbage.length
                && victim.connection.status() == ZmtpConnection.Status.OPEN; offset += chunk) {
            victim.feed(java.util.Arrays.copyOfRange(garbage, offset, Math.min(garbage.length, offset + chunk)));
            victim.output();
        }

        assertThat(victim.connection.status()).isIn(ZmtpConnection.Status.OPEN, ZmtpConnection.Status.PROTOCOL_ERROR);
    }

    /** The client's greeting after it saw the victim's: the whole 64 bytes are then out. */
    private static byte[] restOfGreeting(ConnectionHarness client, ConnectionHarness victim) {
        client.feed(victim.output());
        byte[] rest = client.output();
        // only the greeting: whatever handshake command followed is garbage's to replace
        return java.util.Arrays.copyOf(rest, Math.min(rest.length,
                ZmtpLayout.GREETING_LENGTH - ZmtpLayout.SIGNATURE_LENGTH));
    }
}
