// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Socket-type compatibility per spec/zmtp.md section 6.3. */
class SocketTypesTest {
    private static final List<String> TYPES = List.of("REQ", "REP", "DEALER", "ROUTER", "PUB", "XPUB", "SUB",
            "XSUB", "PUSH", "PULL", "PAIR", "SERVER", "CLIENT", "RADIO", "DISH", "SCATTER", "GATHER", "PEER",
            "CHANNEL", "DGRAM", "STREAM");

    @ParameterizedTest
    @CsvSource({
        "REQ, REP", "REQ, ROUTER", "REP, REQ", "REP, DEALER", "DEALER, REP", "DEALER, DEALER", "DEALER, ROUTER",
        "ROUTER, REQ", "ROUTER, DEALER", "ROUTER, ROUTER", "PUB, SUB", "PUB, XSUB", "XPUB, SUB", "XPUB, XSUB",
        "SUB, PUB", "SUB, XPUB", "XSUB, PUB", "XSUB, XPUB", "PUSH, PULL", "PULL, PUSH", "PAIR, PAIR",
        "SERVER, CLIENT", "CLIENT, SERVER", "RADIO, DISH", "DISH, RADIO", "SCATTER, GATHER", "GATHER, SCATTER",
        "PEER, PEER", "CHANNEL, CHANNEL", "DGRAM, DGRAM"
    })
    void shouldAcceptCompatiblePair(String local, String peer) {
        assertThat(SocketTypes.compatible(local, peer)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "REQ, REQ", "REQ, DEALER", "REP, REP", "REP, ROUTER", "PUB, PUB", "SUB, SUB", "PUSH, PUSH",
        "PUSH, GATHER", "SCATTER, PULL", "DEALER, CLIENT", "SERVER, ROUTER", "PAIR, DEALER", "STREAM, STREAM"
    })
    void shouldRejectIncompatiblePair(String local, String peer) {
        assertThat(SocketTypes.compatible(local, peer)).isFalse();
    }

    @Test
    void shouldCompareTypeNamesCaseSensitively() {
        assertThat(SocketTypes.compatible("ROUTER", "dealer")).isFalse();
        assertThat(SocketTypes.compatible("router", "DEALER")).isFalse();
        assertThat(SocketTypes.compatible("ROUTER", "")).isFalse();
    }

    @Test
    void shouldBeSymmetric() {
        for (String a : TYPES) {
            for (String b : TYPES) {
                assertThat(SocketTypes.compatible(a, b)).as("%s/%s", a, b).isEqualTo(SocketTypes.compatible(b, a));
            }
        }
    }
}
