// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Authenticator;
import io.zenmq.EventType;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PLAIN between zenmq and libzmq, each side as server, admitted and refused by ZAP. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PlainInteropTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldAdmitALibzmqClientWithTheRightPassword(Topology topology) {
        interop.serveZap(new Authenticator().plainUser("admin", "secret"));
        Socket server = interop.socket(SocketType.PULL).set(SocketOptions.PLAIN_SERVER, true);
        LibzmqPeer client = plainClient("PUSH", "admin", "secret");
        topology.wire(server, client);
        client.send(utf8("hello"), utf8("world"));
        Msg msg = server.recvMsg(PATIENCE);
        assertFrames("zenmq received", msg, utf8("hello"), utf8("world"));
        assertThat(msg.property("User-Id")).isEqualTo("admin");
        assertThat(msg.property("Socket-Type")).isEqualTo("PUSH");
    }

    @Test
    void shouldRefuseALibzmqClientWithAWrongPassword() {
        interop.serveZap(new Authenticator().plainUser("admin", "secret"));
        Socket server = interop.socket(SocketType.PULL).set(SocketOptions.PLAIN_SERVER, true);
        SocketMonitor events = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        String endpoint = server.bind(InteropExtension.ANY_TCP);
        LibzmqPeer client = plainClient("PUSH", "admin", "guess");
        client.connect(endpoint);
        client.send(utf8("must not arrive"));
        assertThat(events.next(PATIENCE)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_AUTH, endpoint, 400));
        assertThat(server.recvMsg(QUIET)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldBeAdmittedByALibzmqServer(Topology topology) {
        LibzmqPeer server = interop.peer().socket("PULL");
        server.zap("plain", utf8("admin"), utf8("secret"));
        server.setsockopt("PLAIN_SERVER", 1);
        Socket client = interop.socket(SocketType.PUSH).set(SocketOptions.PLAIN_USERNAME, "admin")
                .set(SocketOptions.PLAIN_PASSWORD, "secret");
        topology.wire(client, server);
        client.send(Msg.of("over", "plain"));
        assertFrames("libzmq received", server.recv(PATIENCE), utf8("over"), utf8("plain"));
    }

    @Test
    void shouldReportTheRefusalOfALibzmqServerDespiteItsMalformedError() {
        LibzmqPeer server = interop.peer().socket("PULL");
        server.zap("plain", utf8("admin"), utf8("secret"));
        server.setsockopt("PLAIN_SERVER", 1);
        String endpoint = server.bind(InteropExtension.ANY_TCP);
        Socket client = interop.socket(SocketType.PUSH).set(SocketOptions.PLAIN_USERNAME, "admin")
                .set(SocketOptions.PLAIN_PASSWORD, "guess").set(SocketOptions.LINGER, Duration.ZERO);
        SocketMonitor events = client.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        client.connect(endpoint);
        client.trySend(utf8("must not arrive"));
        // libzmq 4.3 spells the PLAIN ERROR's name "^RROR"; we still read the 400 in it
        assertThat(events.next(PATIENCE)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_AUTH, endpoint, 400));
        assertThat(server.recv(QUIET)).isNull();
    }

    @Test
    void shouldRefuseALibzmqClientWithoutAZapHandlerAsLibzmqDoes() {
        Socket server = interop.socket(SocketType.PULL).set(SocketOptions.PLAIN_SERVER, true);
        SocketMonitor events = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_NO_DETAIL));
        String endpoint = server.bind(InteropExtension.ANY_TCP);
        LibzmqPeer client = plainClient("PUSH", "admin", "secret");
        client.connect(endpoint);
        assertThat(events.next(PATIENCE)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_NO_DETAIL, endpoint, 14));
        assertThat(server.recvMsg(QUIET)).isNull();
    }

    @Test
    void shouldBeRefusedByALibzmqServerWithoutAZapHandler() {
        LibzmqPeer server = interop.peer().socket("PULL");
        server.setsockopt("PLAIN_SERVER", 1);
        String endpoint = server.bind(InteropExtension.ANY_TCP);
        Socket client = interop.socket(SocketType.PUSH).set(SocketOptions.PLAIN_USERNAME, "admin")
                .set(SocketOptions.PLAIN_PASSWORD, "secret").set(SocketOptions.LINGER, Duration.ZERO);
        SocketMonitor events = client.monitor(Set.of(EventType.HANDSHAKE_SUCCEEDED, EventType.DISCONNECTED));
        client.connect(endpoint);
        client.trySend(utf8("must not arrive"));
        // libzmq closes the connection after HELLO without a word: no handshake ever succeeds
        assertThat(events.next(PATIENCE).type()).isEqualTo(EventType.DISCONNECTED);
        assertThat(server.recv(QUIET)).isNull();
    }

    private LibzmqPeer plainClient(String type, String user, String password) {
        LibzmqPeer client = interop.peer().socket(type);
        client.setsockopt("PLAIN_USERNAME", utf8(user));
        client.setsockopt("PLAIN_PASSWORD", utf8(password));
        return client;
    }
}
