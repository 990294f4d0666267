// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.TamperingProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CURVE under tampering and replay (S3, S4): a proxy between a zenmq CURVE client and server flips a
 * bit in INITIATE or in one MESSAGE, sends a MESSAGE twice, or swaps two (a nonce going backwards).
 * No mutated, duplicated or reordered data is ever delivered; the connection is dropped; the client's
 * next connection (untouched) is served.
 */
class CurveTamperTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int MESSAGES = 20;
    /** Frame numbers on the wire from the client: 0 HELLO, 1 INITIATE, then one MESSAGE per message. */
    private static final int FIRST_MESSAGE_FRAME = 2;
    private static final int TAMPERED = 8;

    private Socket server;
    private Socket client;
    private SocketMonitor serverEvents;
    private SocketMonitor clientEvents;

    private String curvePair(String endpoint) {
        CurveKeyPair serverKeys = CurveKeyPair.generate();
        CurveKeyPair clientKeys = CurveKeyPair.generate();
        server = ctx.socket(SocketType.PULL);
        server.set(SocketOptions.CURVE_SERVER, true).set(SocketOptions.CURVE_SECRETKEY, serverKeys.secretKey());
        serverEvents = server.monitor(EnumSet.of(EventType.DISCONNECTED, EventType.HANDSHAKE_FAILED_PROTOCOL,
                EventType.HANDSHAKE_SUCCEEDED));
        client = ctx.socket(SocketType.PUSH);
        client.set(SocketOptions.CURVE_SERVERKEY, serverKeys.publicKey())
                .set(SocketOptions.CURVE_PUBLICKEY, clientKeys.publicKey())
                .set(SocketOptions.CURVE_SECRETKEY, clientKeys.secretKey())
                .set(SocketOptions.RECONNECT_IVL, Duration.ofMillis(50));
        clientEvents = client.monitor(EnumSet.of(EventType.DISCONNECTED, EventType.HANDSHAKE_SUCCEEDED));
        return server.bind(endpoint);
    }

    private static byte[] flipBit(byte[] frame, int bodyOffset) {
        int header = (frame[0] & 0x02) != 0 ? 9 : 2;
        int at = header + Math.floorMod(bodyOffset, frame.length - header);
        frame[at] ^= 0x10;
        return frame;
    }

    @ParameterizedTest(name = "bit flipped at INITIATE body offset {0}")
    @ValueSource(ints = {10, 20, 40, 120, 200, -20, -1})
    @Timeout(30)
    void shouldRefuseATamperedInitiateAndDeliverNothing(int offset) throws IOException {
        String endpoint = curvePair("tcp://127.0.0.1:*");
        try (TamperingProxy proxy = new TamperingProxy(endpoint,
                (index, frame) -> List.of(index == 1 ? flipBit(frame, offset) : frame))) {
            client.connect(proxy.endpoint());
            client.send("secret");
            SocketEvent event = serverEvents.next(WAIT);
            assertThat(event.type()).isIn(EventType.HANDSHAKE_FAILED_PROTOCOL, EventType.DISCONNECTED);
            // the client reconnects through the proxy untouched: the message arrives once, intact
            assertThat(server.recvString(WAIT)).isEqualTo("secret");
            assertThat(server.recv(Duration.ofMillis(50))).isNull();
        }
    }

    @Test
    @Timeout(30)
    void shouldDropAConnectionWhoseMessageWasTamperedAndDeliverNoMutatedData() throws IOException {
        String endpoint = curvePair("tcp://127.0.0.1:*");
        try (TamperingProxy proxy = new TamperingProxy(endpoint,
                (index, frame) -> List.of(index == TAMPERED ? flipBit(frame, -3) : frame))) {
            assertDeliveredInOrderWithoutCopiesOrChanges(proxy, TAMPERED - FIRST_MESSAGE_FRAME);
        }
    }

    @Test
    @Timeout(30)
    void shouldNeverDeliverAReplayedMessageTwice() throws IOException {
        String endpoint = curvePair("tcp://127.0.0.1:*");
        try (TamperingProxy proxy = new TamperingProxy(endpoint,
                (index, frame) -> index == TAMPERED ? List.of(frame, frame.clone()) : List.of(frame))) {
            // the first copy is genuine and may be delivered; the replay must not
            assertDeliveredInOrderWithoutCopiesOrChanges(proxy, TAMPERED - FIRST_MESSAGE_FRAME + 1);
        }
    }

    @Test
    @Timeout(30)
    void shouldNeverDeliverMessagesWhoseNoncesGoBackwards() throws IOException {
        String endpoint = curvePair("tcp://127.0.0.1:*");
        byte[][] held = new byte[1][];
        try (TamperingProxy proxy = new TamperingProxy(endpoint, (index, frame) -> {
            if (index == TAMPERED) {
                held[0] = frame;
                return List.of();
            }
            // the later message goes first, then the held one with the smaller nonce
            return index == TAMPERED + 1 ? List.of(frame, held[0]) : List.of(frame);
        })) {
            assertDeliveredInOrderWithoutCopiesOrChanges(proxy, TAMPERED - FIRST_MESSAGE_FRAME);
        }
    }

    /**
     * Sends {@link #MESSAGES} messages through the proxy; once both sides saw the tampered connection
     * drop, sends "final" (over the client's new, untouched connection). What the server received
     * must be the messages before the tampering, then a strictly increasing selection of the rest,
     * each byte-identical, then "final".
     */
    private void assertDeliveredInOrderWithoutCopiesOrChanges(TamperingProxy proxy, int intactPrefix) {
        client.connect(proxy.endpoint());
        assertThat(clientEvents.next(WAIT).type()).isEqualTo(EventType.HANDSHAKE_SUCCEEDED);
        for (int i = 0; i < MESSAGES; i++) {
            client.send(String.format(java.util.Locale.ROOT, "message %02d of the stream", i));
        }
        awaitDisconnected(serverEvents);
        awaitDisconnected(clientEvents);
        client.send("final");
        List<String> received = new ArrayList<>();
        for (String text; !(text = server.recvString(WAIT)).equals("final"); ) {
            received.add(text);
        }
        assertThat(received.size()).isGreaterThanOrEqualTo(intactPrefix);
        int last = -1;
        for (int i = 0; i < received.size(); i++) {
            String text = received.get(i);
            assertThat(text).matches("message \\d\\d of the stream");
            int n = Integer.parseInt(text.substring(8, 10));
            assertThat(n).as("no copy, no reordering").isGreaterThan(last);
            if (i < intactPrefix) {
                assertThat(n).isEqualTo(i);
            }
            last = n;
        }
        assertThat(received.stream().map(s -> s.getBytes(StandardCharsets.US_ASCII).length)).containsOnly("message 00 of the stream".length());
        assertThat(server.recv(Duration.ofMillis(50))).isNull();
    }

    private static void awaitDisconnected(SocketMonitor events) {
        for (;;) {
            SocketEvent event = events.next(WAIT);
            assertThat(event).as("DISCONNECTED").isNotNull();
            if (event.type() == EventType.DISCONNECTED) {
                return;
            }
        }
    }
}
