// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.SocketType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A whole CURVE connection (greeting, HELLO, WELCOME, INITIATE) whose server clock jumps between
 * WELCOME and INITIATE: the time the driver hands to {@link ZmtpConnection} is what ages the cookie
 * (plan S4). No handshake deadline is set, so only the cookie's age can end the handshake.
 */
class CurveCookieAgeTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final byte[] WELCOME = "\u0007WELCOME".getBytes(StandardCharsets.US_ASCII);

    @Test
    void anInitiateAMinuteAfterWelcomeStillMakesTheSession() {
        ConnectionHarness[] peers = handshakeWithServerClockJump(MINUTE);

        assertThat(peers[1].events).containsExactly("zap CURVE", "ready");
        assertThat(peers[0].connection.isActive()).isTrue();
        assertThat(peers[1].connection.isActive()).isTrue();
    }

    @Test
    void anInitiateLaterThanAMinuteAfterWelcomeIsRefused() {
        ConnectionHarness[] peers = handshakeWithServerClockJump(MINUTE + 1_000_000);

        assertThat(peers[1].events).containsExactly(
                "HANDSHAKE_FAILED_PROTOCOL " + Integer.toHexString(ProtocolErrors.ZMTP_CRYPTOGRAPHIC));
        assertThat(peers[1].connection.status()).isNotEqualTo(ZmtpConnection.Status.OPEN);
        assertThat(peers[1].connection.protocolError()).isEqualTo(ProtocolErrors.ZMTP_CRYPTOGRAPHIC);
        assertThat(peers[1].received).isEmpty();
        assertThat(peers[0].connection.isActive()).isFalse();
    }

    /** Pumps client (DEALER) and server (ROUTER); the server's clock moves on once it has sent WELCOME. */
    private static ConnectionHarness[] handshakeWithServerClockJump(long jump) {
        ConnectionHarness[] peers = ConnectionHarness.pair("CURVE", SocketType.DEALER, SocketType.ROUTER, 7);
        ConnectionHarness client = peers[0];
        ConnectionHarness server = peers[1];
        client.now = 123;
        server.now = -456;
        client.start();
        server.start();
        client.toSend.add(ConnectionHarness.Frame.of("hello", 0));
        boolean jumped = false;
        for (int round = 0; round < 100; round++) {
            byte[] toServer = client.output();
            byte[] toClient = server.output();
            if (toServer.length == 0 && toClient.length == 0) {
                break;
            }
            if (!jumped && contains(toClient, WELCOME)) {
                server.now += jump;
                jumped = true;
            }
            if (toServer.length > 0) {
                server.feed(toServer);
            }
            if (toClient.length > 0) {
                client.feed(toClient);
            }
        }
        assertThat(jumped).as("the server sent WELCOME").isTrue();
        return peers;
    }

    private static boolean contains(byte[] bytes, byte[] part) {
        for (int i = 0; i + part.length <= bytes.length; i++) {
            boolean match = true;
            for (int j = 0; j < part.length && match; j++) {
                match = bytes[i + j] == part[j];
            }
            if (match) {
                return true;
            }
        }
        return false;
    }
}
