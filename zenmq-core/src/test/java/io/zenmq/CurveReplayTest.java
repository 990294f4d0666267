// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.RawZmtpPeer;
import io.zenmq.testing.TamperingProxy;
import io.zenmq.testing.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CURVE replay on a new connection (plan S4): a genuine client's HELLO, INITIATE and first MESSAGE,
 * captured on the wire, are sent again by a raw peer on a new tcp or ipc connection to the same
 * server. HELLO gets a WELCOME (with the new connection's transient key and cookie) and nothing
 * more; the replayed INITIATE carries the old connection's cookie, which the new cookie key does not
 * open, so no session is made and nothing is delivered. INITIATE without HELLO is an unexpected
 * command. The genuine client is served throughout. (The cookie's 60 s lifetime is tested with an
 * injected clock in {@code CurveCookieLifetimeTest} and {@code CurveCookieAgeTest}.)
 */
class CurveReplayTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** libzmq's ZMQ_PROTOCOL_ERROR_ZMTP_CRYPTOGRAPHIC and _UNEXPECTED_COMMAND. */
    private static final long CRYPTOGRAPHIC = 0x11000001;
    private static final long UNEXPECTED_COMMAND = 0x10000001;
    private static final int HELLO = 0;
    private static final int INITIATE = 1;
    private static final int FIRST_MESSAGE = 2;

    private Socket server;
    private SocketMonitor serverEvents;
    private Socket client;
    private final List<byte[]> captured = new CopyOnWriteArrayList<>();

    /** Server bound on tcp (behind the capturing proxy) and on {@code replayOver}; returns the latter. */
    private String genuineSession(Transport replayOver, TamperingProxy[] proxy) throws IOException {
        CurveKeyPair serverKeys = CurveKeyPair.generate();
        CurveKeyPair clientKeys = CurveKeyPair.generate();
        server = ctx.socket(SocketType.PULL);
        server.set(SocketOptions.CURVE_SERVER, true).set(SocketOptions.CURVE_SECRETKEY, serverKeys.secretKey());
        serverEvents = server.monitor(EnumSet.of(EventType.ACCEPTED, EventType.HANDSHAKE_SUCCEEDED,
                EventType.HANDSHAKE_FAILED_PROTOCOL, EventType.DISCONNECTED));
        String tcp = server.bind("tcp://127.0.0.1:*");
        String replayEndpoint = replayOver == Transport.TCP ? tcp : server.bind(replayOver.bindable());
        proxy[0] = new TamperingProxy(tcp, (index, frame) -> {
            captured.add(frame.clone());
            return List.of(frame);
        });
        client = ctx.socket(SocketType.PUSH);
        client.set(SocketOptions.CURVE_SERVERKEY, serverKeys.publicKey())
                .set(SocketOptions.CURVE_PUBLICKEY, clientKeys.publicKey())
                .set(SocketOptions.CURVE_SECRETKEY, clientKeys.secretKey());
        client.connect(proxy[0].endpoint());
        client.send("genuine");
        assertThat(server.recvString(WAIT)).isEqualTo("genuine");
        assertThat(nextType()).isEqualTo(EventType.ACCEPTED);
        assertThat(nextType()).isEqualTo(EventType.HANDSHAKE_SUCCEEDED);
        assertThat(captured.size()).isGreaterThan(FIRST_MESSAGE);
        return replayEndpoint;
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = Transport.class, names = {"TCP", "IPC"})
    @Timeout(30)
    void aReplayedHelloGetsAWelcomeButTheReplayedInitiateMakesNoSession(Transport transport) throws IOException {
        TamperingProxy[] proxy = new TamperingProxy[1];
        try {
            String endpoint = genuineSession(transport, proxy);
            try (RawChannel replay = RawChannel.connect(endpoint)) {
                replay.write(RawZmtpPeer.greeting("CURVE", false));
                replay.write(captured.get(HELLO));
                assertThat(replay.read(64)[0]).isEqualTo((byte) 0xFF);
                byte[] welcome = replay.read(2 + 168);
                assertThat(new String(welcome, 2, 8, StandardCharsets.US_ASCII)).isEqualTo("\u0007WELCOME");
                assertThat(nextType()).isEqualTo(EventType.ACCEPTED);

                replay.write(captured.get(INITIATE));
                replay.writeUnlessClosed(captured.get(FIRST_MESSAGE));

                SocketEvent refused = serverEvents.next(WAIT);
                assertThat(refused.type()).isEqualTo(EventType.HANDSHAKE_FAILED_PROTOCOL);
                assertThat(refused.value()).isEqualTo(CRYPTOGRAPHIC);
                assertThat(nextType()).isEqualTo(EventType.DISCONNECTED);
                assertThat(replay.closedByPeer()).isTrue();
            }
            assertGenuineClientStillServedAndNothingElseDelivered();
        } finally {
            closeProxy(proxy);
        }
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = Transport.class, names = {"TCP", "IPC"})
    @Timeout(30)
    void aReplayedInitiateWithoutHelloIsAnUnexpectedCommand(Transport transport) throws IOException {
        TamperingProxy[] proxy = new TamperingProxy[1];
        try {
            String endpoint = genuineSession(transport, proxy);
            try (RawChannel replay = RawChannel.connect(endpoint)) {
                replay.write(RawZmtpPeer.greeting("CURVE", false));
                replay.writeUnlessClosed(captured.get(INITIATE));
                replay.writeUnlessClosed(captured.get(FIRST_MESSAGE));

                assertThat(nextType()).isEqualTo(EventType.ACCEPTED);
                SocketEvent refused = serverEvents.next(WAIT);
                assertThat(refused.type()).isEqualTo(EventType.HANDSHAKE_FAILED_PROTOCOL);
                assertThat(refused.value()).isEqualTo(UNEXPECTED_COMMAND);
                assertThat(nextType()).isEqualTo(EventType.DISCONNECTED);
                assertThat(replay.closedByPeer()).isTrue();
            }
            assertGenuineClientStillServedAndNothingElseDelivered();
        } finally {
            closeProxy(proxy);
        }
    }

    private void assertGenuineClientStillServedAndNothingElseDelivered() {
        client.send("after the replay");
        assertThat(server.recvString(WAIT)).isEqualTo("after the replay");
        assertThat(server.recv(Duration.ofMillis(50))).isNull();
    }

    private EventType nextType() {
        SocketEvent event = serverEvents.next(WAIT);
        assertThat(event).as("a server event").isNotNull();
        return event.type();
    }

    private static void closeProxy(TamperingProxy[] proxy) throws IOException {
        if (proxy[0] != null) {
            proxy[0].close();
        }
    }

    /** A blocking tcp or ipc connection for raw bytes; the test's timeout bounds its waits. */
    private static final class RawChannel implements AutoCloseable {
        private final SocketChannel channel;

        private RawChannel(SocketChannel channel) {
            this.channel = channel;
        }

        static RawChannel connect(String endpoint) throws IOException {
            SocketAddress address;
            if (endpoint.startsWith("ipc://")) {
                address = UnixDomainSocketAddress.of(endpoint.substring("ipc://".length()));
            } else {
                int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
                address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            }
            return new RawChannel(SocketChannel.open(address));
        }

        void write(byte[] bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        /** Writes bytes the server may refuse by closing first: a close meanwhile is not an error. */
        void writeUnlessClosed(byte[] bytes) {
            try {
                write(bytes);
            } catch (IOException closedMeanwhile) {
                // the refusal came first
            }
        }

        byte[] read(int n) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate(n);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    return Arrays.copyOf(buffer.array(), buffer.position());
                }
            }
            return buffer.array();
        }

        /** Reads and drops until the server closes (end of stream or reset). */
        boolean closedByPeer() {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            try {
                while (channel.read(buffer) >= 0) {
                    buffer.clear();
                }
                return true;
            } catch (IOException reset) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
