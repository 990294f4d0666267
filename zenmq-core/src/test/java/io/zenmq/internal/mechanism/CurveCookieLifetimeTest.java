// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.mechanism.CurvePeers.assertProtocolError;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.zmtp.ProtocolErrors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CURVE server's cookie opens for 60 s after WELCOME and never after (plan S4, "cookie older
 * than 60 s"), measured on the clock the engine hands in: here the test's, so nothing sleeps. Start
 * times near the ends of the {@code nanoTime} range check that the age survives the wrap.
 */
class CurveCookieLifetimeTest {
    private static final long MINUTE = CurveServerHandshake.COOKIE_LIFETIME_NANOS;

    @ParameterizedTest
    @ValueSource(longs = {0, -5_000_000_000L, Long.MAX_VALUE - 30_000_000_000L, Long.MIN_VALUE})
    void aCookieOpensUntilItIsAMinuteOld(long welcomeAt) throws Exception {
        CurvePeers peers = new CurvePeers(21);
        byte[] initiate = initiateSentAt(peers, welcomeAt);

        peers.serverOut.now = welcomeAt + MINUTE;
        peers.server.onCommand(initiate, peers.serverOut);

        assertThat(peers.serverOut.zapRequests).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -5_000_000_000L, Long.MAX_VALUE - 30_000_000_000L, Long.MIN_VALUE})
    void aCookieOlderThanAMinuteIsRefused(long welcomeAt) throws Exception {
        CurvePeers peers = new CurvePeers(22);
        byte[] initiate = initiateSentAt(peers, welcomeAt);

        peers.serverOut.now = welcomeAt + MINUTE + 1;

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC,
                () -> peers.server.onCommand(initiate, peers.serverOut));
        assertThat(peers.serverOut.zapRequests).isEmpty();
        assertThat(peers.serverOut.ready).isNull();
        assertThat(peers.serverOut.sent).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {MINUTE + 1, 10 * MINUTE})
    void anExpiredCookieStaysExpiredWhenTheInitiateComesAgain(long age) throws Exception {
        CurvePeers peers = new CurvePeers(23);
        byte[] initiate = initiateSentAt(peers, 0);
        peers.serverOut.now = age;
        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC,
                () -> peers.server.onCommand(initiate, peers.serverOut));

        peers.serverOut.now = 0;

        assertProtocolError(ProtocolErrors.ZMTP_CRYPTOGRAPHIC,
                () -> peers.server.onCommand(initiate, peers.serverOut));
        assertThat(peers.serverOut.zapRequests).isEmpty();
    }

    /** Runs HELLO and WELCOME with the server's clock at {@code welcomeAt}; returns the client's INITIATE. */
    private static byte[] initiateSentAt(CurvePeers peers, long welcomeAt) throws Exception {
        peers.serverOut.now = welcomeAt;
        peers.client.start(peers.clientOut);
        peers.server.start(peers.serverOut);
        peers.server.onCommand(peers.clientOut.take().get(0), peers.serverOut);
        peers.client.onCommand(peers.serverOut.take().get(0), peers.clientOut);
        return peers.clientOut.take().get(0);
    }
}
