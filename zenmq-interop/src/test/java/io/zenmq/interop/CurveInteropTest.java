// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Authenticator;
import io.zenmq.CurveKeyPair;
import io.zenmq.EventType;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CURVE between zenmq and libzmq 4.3, each side as server, with keys made by either side, with
 * and without a ZAP handler, admitted and refused.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CurveInteropTest {
    private static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldServeALibzmqClientWithKeysLibzmqMade(Topology topology) {
        String[] serverKeys = interop.peer().keypair();
        String[] clientKeys = interop.peer().keypair();
        Socket server = interop.socket(SocketType.ROUTER).set(SocketOptions.CURVE_SERVER, true)
                .set(SocketOptions.CURVE_SECRETKEY, ascii(serverKeys[1]));
        LibzmqPeer client = interop.peer().socket("DEALER");
        client.setsockopt("ROUTING_ID", utf8("lib"));
        curveClient(client, serverKeys[0], clientKeys);
        topology.wire(server, client);
        byte[] big = new byte[300_000];
        Arrays.fill(big, (byte) 0x5a);
        client.send(utf8("hello"), big);
        Msg request = server.recvMsg(PATIENCE);
        assertFrames("zenmq received", request, utf8("lib"), utf8("hello"), big);
        server.send(Msg.of(utf8("lib"), utf8("reply"), new byte[0]));
        assertFrames("libzmq received", client.recv(PATIENCE), utf8("reply"), new byte[0]);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldBeServedByALibzmqServerWithKeysZenmqMade(Topology topology) {
        CurveKeyPair serverKeys = CurveKeyPair.generate();
        CurveKeyPair clientKeys = CurveKeyPair.generate();
        LibzmqPeer server = interop.peer().socket("ROUTER");
        server.setsockopt("CURVE_SERVER", 1);
        server.setsockopt("CURVE_SECRETKEY", ascii(serverKeys.secretKeyZ85()));
        Socket client = interop.socket(SocketType.DEALER).set(SocketOptions.ROUTING_ID, utf8("zen"))
                .set(SocketOptions.CURVE_SERVERKEY, serverKeys.publicKey())
                .set(SocketOptions.CURVE_PUBLICKEY, clientKeys.publicKey())
                .set(SocketOptions.CURVE_SECRETKEY, clientKeys.secretKey());
        topology.wire(client, server);
        client.send(Msg.of(utf8("a"), new byte[0], utf8("c")));
        assertFrames("libzmq received", server.recv(PATIENCE), utf8("zen"), utf8("a"), new byte[0], utf8("c"));
        server.send(utf8("zen"), utf8("back"));
        assertFrames("zenmq received", client.recvMsg(PATIENCE), utf8("back"));
    }

    @Test
    void shouldBeAdmittedOrRefusedByALibzmqZapHandler() {
        CurveKeyPair serverKeys = CurveKeyPair.generate();
        CurveKeyPair allowed = CurveKeyPair.generate();
        LibzmqPeer server = interop.peer().socket("PULL");
        server.zap("curve", allowed.publicKey());
        server.setsockopt("CURVE_SERVER", 1);
        server.setsockopt("CURVE_SECRETKEY", serverKeys.secretKey());
        String endpoint = server.bind(InteropExtension.ANY_TCP);

        Socket stranger = interop.socket(SocketType.PUSH).set(SocketOptions.CURVE_SERVERKEY, serverKeys.publicKey())
                .set(SocketOptions.CURVE_SECRETKEY, CurveKeyPair.generate().secretKey())
                .set(SocketOptions.LINGER, Duration.ZERO);
        SocketMonitor events = stranger.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        stranger.connect(endpoint);
        stranger.trySend(utf8("must not arrive"));
        assertThat(events.next(PATIENCE)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_AUTH, endpoint, 400));

        Socket known = interop.socket(SocketType.PUSH).set(SocketOptions.CURVE_SERVERKEY, serverKeys.publicKey())
                .set(SocketOptions.CURVE_SECRETKEY, allowed.secretKey());
        known.connect(endpoint);
        known.send(utf8("admitted"));
        assertFrames("libzmq received", server.recv(PATIENCE), utf8("admitted"));
        assertThat(server.recv(QUIET)).isNull();
    }

    @Test
    void shouldAdmitOnlyLibzmqClientsTheAuthenticatorKnows() {
        CurveKeyPair serverKeys = CurveKeyPair.generate();
        String[] allowed = interop.peer().keypair();
        interop.serveZap(new Authenticator().curveKey(allowed[0]));
        Socket server = interop.socket(SocketType.PULL).set(SocketOptions.CURVE_SERVER, true)
                .set(SocketOptions.CURVE_SECRETKEY, serverKeys.secretKey());
        SocketMonitor events = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        String endpoint = server.bind(InteropExtension.ANY_TCP);
        LibzmqPeer client = interop.peer().socket("PUSH");
        curveClient(client, serverKeys.publicKeyZ85(), interop.peer().keypair());
        client.connect(endpoint);
        assertThat(events.next(PATIENCE)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_AUTH, endpoint, 400));

        curveClient(interop.peer().socket("PUSH"), serverKeys.publicKeyZ85(), allowed);
        interop.peer().connect(endpoint);
        interop.peer().send(utf8("known key"));
        Msg msg = server.recvMsg(PATIENCE);
        assertFrames("zenmq received", msg, utf8("known key"));
        assertThat(msg.property("User-Id")).isEqualTo(allowed[0]);
    }

    @Test
    void shouldDeliverNothingFromALibzmqClientWithTheWrongServerKey() {
        CurveKeyPair serverKeys = CurveKeyPair.generate();
        Socket server = interop.socket(SocketType.PULL).set(SocketOptions.CURVE_SERVER, true)
                .set(SocketOptions.CURVE_SECRETKEY, serverKeys.secretKey());
        SocketMonitor events = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_PROTOCOL));
        String endpoint = server.bind(InteropExtension.ANY_TCP);
        LibzmqPeer client = interop.peer().socket("PUSH");
        curveClient(client, CurveKeyPair.generate().publicKeyZ85(), interop.peer().keypair());
        client.connect(endpoint);
        assertThat(events.next(PATIENCE).type()).isEqualTo(EventType.HANDSHAKE_FAILED_PROTOCOL);
        assertThat(server.recvMsg(QUIET)).isNull();
    }

    private static void curveClient(LibzmqPeer client, String serverPublic, String[] clientKeys) {
        client.setsockopt("CURVE_SERVERKEY", ascii(serverPublic));
        client.setsockopt("CURVE_PUBLICKEY", ascii(clientKeys[0]));
        client.setsockopt("CURVE_SECRETKEY", ascii(clientKeys[1]));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

}
