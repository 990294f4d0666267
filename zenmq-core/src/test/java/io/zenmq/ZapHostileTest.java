// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.RawZmtpPeer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ZAP handlers that refuse, stay mute or go away, and PLAIN peers that send everything at once
 * (S5, S6): nothing is delivered from a peer that was not approved, the handshake deadline ends a
 * peer whose request is never answered, and other peers are served meanwhile. The handler is a raw
 * ROUTER at the ZAP endpoint, so the test decides when (and whether) it answers.
 */
class ZapHostileTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Socket handler;
    private Socket pull;
    private SocketMonitor events;
    private String endpoint;

    @BeforeEach
    void plainServerWithARawZapHandler() {
        handler = ctx.socket(SocketType.ROUTER);
        handler.bind("inproc://zeromq.zap.01");
        pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOptions.PLAIN_SERVER, true).set(SocketOptions.HANDSHAKE_IVL, Duration.ofSeconds(2));
        events = pull.monitor(EnumSet.of(EventType.HANDSHAKE_FAILED_AUTH, EventType.HANDSHAKE_FAILED_PROTOCOL));
        endpoint = pull.bind("tcp://127.0.0.1:*");
    }

    private static byte[] hello(byte[] user, byte[] password) {
        byte[] body = ByteBuffer.allocate(2 + user.length + password.length)
                .put((byte) user.length).put(user).put((byte) password.length).put(password).array();
        return RawZmtpPeer.command("HELLO", body);
    }

    private static byte[] initiate() {
        return RawZmtpPeer.command("INITIATE", RawZmtpPeer.property("Socket-Type", ascii("PUSH")));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Greeting, HELLO, INITIATE and a message in one write, without waiting for WELCOME. */
    private RawZmtpPeer blindPlainPeer(String user) throws IOException {
        RawZmtpPeer peer = RawZmtpPeer.connect(endpoint);
        byte[] all = concat(RawZmtpPeer.greeting("PLAIN", false), hello(ascii(user), ascii("pw")), initiate(),
                RawZmtpPeer.frame(0, ascii("smuggled")));
        peer.send(all);
        return peer;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] p : parts) {
            all.put(p);
        }
        return all.array();
    }

    /** Replies to a request the handler received: routing id and delimiter, then RFC 27's reply. */
    private void reply(Msg request, String status) {
        handler.send(Msg.of(request.frame(0), new byte[0], ascii("1.0"), request.frame(3), ascii(status),
                ascii("text"), new byte[0], new byte[0]));
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(strings = {"300", "400", "500"})
    @Timeout(30)
    void shouldDeliverNothingFromARefusedPeerThatSentItsMessageRightAway(String status) throws IOException {
        try (RawZmtpPeer peer = blindPlainPeer("refused")) {
            Msg request = handler.recvMsg(WAIT);
            assertThat(request).isNotNull();
            reply(request, status);
            // the early INITIATE is a protocol error unless the refusal was read first: either ends it
            assertThat(events.next(WAIT)).isIn(
                    new SocketEvent(EventType.HANDSHAKE_FAILED_AUTH, endpoint, Integer.parseInt(status)),
                    new SocketEvent(EventType.HANDSHAKE_FAILED_PROTOCOL, endpoint, 0x10000001));
            assertThat(peer.closedByPeerWithin(WAIT)).isTrue();
        }
        assertThat(pull.recv(Duration.ofMillis(50))).isNull();
    }

    @Test
    @Timeout(30)
    void shouldEndAPeerWhoseRequestIsNeverAnsweredAndServeOthersMeanwhile() throws IOException {
        try (RawZmtpPeer mute = blindPlainPeer("ignored")) {
            Msg ignored = handler.recvMsg(WAIT);
            assertThat(ignored.frame(8)).isEqualTo(ascii("ignored"));

            Socket push = ctx.socket(SocketType.PUSH);
            push.set(SocketOptions.PLAIN_USERNAME, "good").set(SocketOptions.PLAIN_PASSWORD, "pw");
            push.connect(endpoint);
            push.send("served");
            Msg good = handler.recvMsg(WAIT);
            assertThat(good.frame(8)).isEqualTo(ascii("good"));
            reply(good, "200");
            assertThat(pull.recvString(WAIT)).isEqualTo("served");

            // the handshake deadline (2 s) ends the mute one; its message never arrives
            assertThat(mute.closedByPeerWithin(WAIT)).isTrue();
        }
        assertThat(pull.recv(Duration.ofMillis(50))).isNull();
    }

    @Test
    @Timeout(30)
    void shouldEndAPeerWhoseHandlerWentAwayAndServeTheNextHandlersPeers() throws IOException {
        try (RawZmtpPeer orphan = blindPlainPeer("orphan")) {
            assertThat(handler.recvMsg(WAIT)).isNotNull();
            handler.close();
            assertThat(orphan.closedByPeerWithin(WAIT)).isTrue();
        }
        handler = ctx.socket(SocketType.ROUTER);
        handler.bind("inproc://zeromq.zap.01");
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOptions.PLAIN_USERNAME, "next").set(SocketOptions.PLAIN_PASSWORD, "pw");
        push.connect(endpoint);
        push.send("served");
        reply(handler.recvMsg(WAIT), "200");
        assertThat(pull.recvString(WAIT)).isEqualTo("served");
        assertThat(pull.recv(Duration.ofMillis(50))).isNull();
    }

    @Test
    @Timeout(30)
    void shouldPassTwoHundredFiftyFiveBytePlainCredentialsWhole() throws IOException {
        byte[] user = new byte[255];
        byte[] password = new byte[255];
        Arrays.fill(user, (byte) 'u');
        Arrays.fill(password, (byte) 'p');
        try (RawZmtpPeer peer = RawZmtpPeer.connect(endpoint)) {
            peer.send(RawZmtpPeer.greeting("PLAIN", false)).send(hello(user, password));
            Msg request = handler.recvMsg(WAIT);
            assertThat(request.frame(8)).isEqualTo(user);
            assertThat(request.frame(9)).isEqualTo(password);
            reply(request, "200");
            byte[] greeting = peer.read(64);
            assertThat(greeting[0]).isEqualTo((byte) 0xFF);
            byte[] welcome = peer.read(2 + 8);
            assertThat(new String(welcome, 3, 7, StandardCharsets.US_ASCII)).isEqualTo("WELCOME");
            peer.send(initiate()).send(RawZmtpPeer.frame(0, ascii("long credentials")));
            assertThat(pull.recvString(WAIT)).isEqualTo("long credentials");
        }
    }
}
