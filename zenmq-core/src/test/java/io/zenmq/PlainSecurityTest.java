// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PLAIN and NULL-with-ZAP handshakes over the stream transports (inproc has no mechanism). */
class PlainSecurityTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final BlockingQueue<ZapRequest> requests = new LinkedBlockingQueue<>();



    @ParameterizedTest
    @EnumSource(value = Transport.class, names = "INPROC", mode = EnumSource.Mode.EXCLUDE)
    void shouldAdmitAUserTheHandlerAcceptsAndTellTheUserId(Transport transport) throws InterruptedException {
        serveZap(request -> request.username().equals("admin") && request.password().equals("secret")
                ? ZapDecision.allow("admin-id", Map.of("X-Hello", "hi".getBytes(StandardCharsets.UTF_8)))
                : ZapDecision.deny("no"));
        Socket server = plainServer();
        server.set(SocketOptions.ZAP_DOMAIN, "global");
        Socket client = plainClient("admin", "secret");
        client.connect(server.bind(transport.bindable()));
        client.send("hello");
        Msg msg = server.recvMsg(WAIT);
        assertThat(msg.string(0)).isEqualTo("hello");
        assertThat(msg.property("User-Id")).isEqualTo("admin-id");
        assertThat(msg.property("X-Hello")).isEqualTo("hi");
        assertThat(msg.property("socket-type")).isEqualTo("PUSH");
        if (transport == Transport.TCP) {
            assertThat(msg.property("Peer-Address")).isEqualTo("127.0.0.1");
        }
        ZapRequest request = requests.take();
        assertThat(request.domain()).isEqualTo("global");
        assertThat(request.address()).isEqualTo(transport == Transport.TCP ? "127.0.0.1" : "");
        assertThat(request.identity()).isEmpty();
        assertThat(request.mechanism()).isEqualTo(ZapRequest.Mechanism.PLAIN);
        assertThat(request.username()).isEqualTo("admin");
        assertThat(request.password()).isEqualTo("secret");
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = "INPROC", mode = EnumSource.Mode.EXCLUDE)
    void shouldRefuseAWrongPasswordOnBothSidesAndDeliverNothing(Transport transport) {
        serveZap(request -> request.password().equals("secret") ? ZapDecision.allow("") : ZapDecision.deny("no"));
        Socket server = plainServer();
        SocketMonitor serverEvents = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        Socket client = plainClient("admin", "wrong");
        SocketMonitor clientEvents = client.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        String endpoint = server.bind(transport.bindable());
        client.connect(endpoint);
        // the refusal ends the connecting pipe, so a blocking send could wait forever
        client.trySend("must not arrive".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(serverEvents.next(WAIT)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_AUTH, endpoint, 400));
        assertThat(clientEvents.next(WAIT).value()).isEqualTo(400);
        // a good client still gets through while the refused one is gone
        Socket good = plainClient("admin", "secret");
        good.connect(endpoint);
        good.send("welcome");
        assertThat(server.recvString(WAIT)).isEqualTo("welcome");
        assertThat(server.tryRecv()).isNull();
    }

    @Test
    void shouldSendNothingOnTemporaryFailure() {
        serveZap(request -> ZapDecision.temporaryFailure("later"));
        Socket server = plainServer();
        SocketMonitor serverEvents = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        Socket client = plainClient("a", "b");
        String endpoint = server.bind("tcp://127.0.0.1:*");
        client.connect(endpoint);
        assertThat(serverEvents.next(WAIT)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_AUTH, endpoint, 300));
    }

    @Test
    void shouldRefuseEveryoneWithoutAZapHandlerAsLibzmq() {
        Socket server = plainServer();
        SocketMonitor serverEvents = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_NO_DETAIL));
        // refused without ERROR, the client retries until closed: do not linger on its message
        Socket client = plainClient("a", "b").set(SocketOptions.LINGER, Duration.ZERO);
        String endpoint = server.bind("tcp://127.0.0.1:*");
        client.connect(endpoint);
        client.send("x");
        assertThat(serverEvents.next(WAIT)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_NO_DETAIL, endpoint, 14));
        assertThat(server.tryRecv()).isNull();
    }

    @Test
    void shouldFailAMechanismMismatchAsAProtocolError() {
        Socket server = plainServer();
        SocketMonitor serverEvents = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_PROTOCOL));
        Socket client = ctx.socket(SocketType.PUSH);
        String endpoint = server.bind("tcp://127.0.0.1:*");
        client.connect(endpoint);
        assertThat(serverEvents.next(WAIT)).isEqualTo(
                new SocketEvent(EventType.HANDSHAKE_FAILED_PROTOCOL, endpoint, 0x11000002));
        assertThat(server.tryRecv()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = "INPROC", mode = EnumSource.Mode.EXCLUDE)
    void shouldAskTheHandlerForNullConnectionsWhenADomainIsSet(Transport transport) throws InterruptedException {
        serveZap(request -> ZapDecision.allow("anonymous"));
        Socket server = ctx.socket(SocketType.PULL).set(SocketOptions.ZAP_DOMAIN, "test");
        Socket client = ctx.socket(SocketType.PUSH);
        client.connect(server.bind(transport.bindable()));
        client.send("hi");
        Msg msg = server.recvMsg(WAIT);
        assertThat(msg.property("User-Id")).isEqualTo("anonymous");
        ZapRequest request = requests.take();
        assertThat(request.domain()).isEqualTo("test");
        assertThat(request.mechanism()).isEqualTo(ZapRequest.Mechanism.NULL);
        assertThat(request.credentials()).isEmpty();
    }

    @Test
    void shouldRefuseNullConnectionsTheHandlerDenies() {
        serveZap(request -> ZapDecision.deny("no"));
        Socket server = ctx.socket(SocketType.PULL).set(SocketOptions.ZAP_DOMAIN, "test");
        SocketMonitor events = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        Socket client = ctx.socket(SocketType.PUSH);
        SocketMonitor clientEvents = client.monitor(Set.of(EventType.HANDSHAKE_FAILED_AUTH));
        String endpoint = server.bind("tcp://127.0.0.1:*");
        client.connect(endpoint);
        client.trySend("x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(events.next(WAIT)).isEqualTo(new SocketEvent(EventType.HANDSHAKE_FAILED_AUTH, endpoint, 400));
        assertThat(clientEvents.next(WAIT).value()).isEqualTo(400);
        assertThat(server.tryRecv()).isNull();
    }

    @Test
    void shouldNotAskAnyHandlerForNullWithoutADomain() {
        serveZap(request -> ZapDecision.deny("no"));
        Socket server = ctx.socket(SocketType.PULL);
        Socket client = ctx.socket(SocketType.PUSH);
        client.connect(server.bind("tcp://127.0.0.1:*"));
        client.send("open");
        assertThat(server.recvString(WAIT)).isEqualTo("open");
        assertThat(requests).isEmpty();
    }

    @Test
    void shouldChooseTheMechanismFromTheLastSecurityOptionAsLibzmq() {
        Socket socket = ctx.socket(SocketType.DEALER);
        assertThat(socket.get(SocketOptions.MECHANISM)).isEqualTo("NULL");
        socket.set(SocketOptions.PLAIN_SERVER, true);
        assertThat(socket.get(SocketOptions.MECHANISM)).isEqualTo("PLAIN");
        socket.set(SocketOptions.PLAIN_SERVER, false);
        assertThat(socket.get(SocketOptions.MECHANISM)).isEqualTo("NULL");
        socket.set(SocketOptions.PLAIN_USERNAME, "u");
        assertThat(socket.get(SocketOptions.MECHANISM)).isEqualTo("PLAIN");
        socket.set(SocketOptions.CURVE_SERVER, true);
        assertThat(socket.get(SocketOptions.MECHANISM)).isEqualTo("CURVE");
        assertThatThrownBy(() -> socket.bind("tcp://127.0.0.1:*")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
    }

    @Test
    void shouldAcceptCurveKeysAsRawBytesOrZ85AndRejectOthers() {
        Socket socket = ctx.socket(SocketType.DEALER);
        String z85 = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
        socket.set(SocketOptions.CURVE_SERVERKEY, z85.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(socket.get(SocketOptions.CURVE_SERVERKEY)).isEqualTo(Z85.decode(z85)).hasSize(32);
        assertThatThrownBy(() -> socket.set(SocketOptions.CURVE_SERVERKEY, new byte[31]))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> socket.set(SocketOptions.CURVE_PUBLICKEY,
                "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOf(ZmqException.class);
    }

    @Test
    void shouldDropAnUnauthenticatedPeerAnnouncingAHugeCommandBeforeBufferingIt() throws java.io.IOException {
        Socket server = plainServer();
        SocketMonitor events = server.monitor(Set.of(EventType.HANDSHAKE_FAILED_PROTOCOL));
        String endpoint = server.bind("tcp://127.0.0.1:*");
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", port)) {
            raw.getOutputStream().write(io.zenmq.internal.zmtp.Greeting.encode("PLAIN", false));
            // a command frame announcing 256 MiB
            raw.getOutputStream().write(new byte[] {0x06, 0, 0, 0, 0, 0x10, 0, 0, 0});
            assertThat(events.next(WAIT)).isEqualTo(
                    new SocketEvent(EventType.HANDSHAKE_FAILED_PROTOCOL, endpoint, 0x10000100));
            assertThat(raw.getInputStream().readAllBytes()).hasSize(64);
        }
    }

    /** Serves ZAP in the test's context, recording every request. */
    private void serveZap(ZapHandler decide) {
        ctx.zapHandler(request -> {
            requests.add(request);
            return decide.authenticate(request);
        });
    }

    private Socket plainServer() {
        return ctx.socket(SocketType.PULL).set(SocketOptions.PLAIN_SERVER, true);
    }

    private Socket plainClient(String user, String password) {
        return ctx.socket(SocketType.PUSH).set(SocketOptions.PLAIN_USERNAME, user)
                .set(SocketOptions.PLAIN_PASSWORD, password);
    }
}
