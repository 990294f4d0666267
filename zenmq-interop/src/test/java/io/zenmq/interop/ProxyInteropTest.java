// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Msg;
import io.zenmq.Proxy;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * zenmq's {@link Proxy} between libzmq peers on both sides, over tcp, in the three shapes: the
 * shared queue (libzmq REQ, zenmq ROUTER/DEALER, libzmq REP), the forwarder (libzmq XPUB
 * publisher, zenmq XSUB/XPUB, libzmq SUB: the subscription must reach the publisher) and the
 * streamer (libzmq PUSH, zenmq PULL/PUSH, libzmq PULL), each with a capture socket. The test's
 * own peer is one side; a second peer process, started and closed here, is the other.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProxyInteropTest {
    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    /** A bound zenmq socket and its endpoint. */
    private record Bound(Socket socket, String endpoint) {
    }

    private Bound bind(SocketType type) {
        Socket socket = interop.socket(type);
        return new Bound(socket, socket.bind("tcp://127.0.0.1:*"));
    }

    /** A capture socket with its reader, both zenmq. */
    private Socket captureReader(Bound capture) {
        Socket reader = interop.socket(SocketType.PULL);
        reader.connect(capture.endpoint());
        return reader;
    }

    @Test
    void shouldServeLibzmqReqClientsFromLibzmqRepWorkers() {
        Bound front = bind(SocketType.ROUTER);
        Bound back = bind(SocketType.DEALER);
        Bound capture = bind(SocketType.PUSH);
        Socket captured = captureReader(capture);
        LibzmqPeer client = interop.peer().socket("REQ");
        client.connect(front.endpoint());
        int rounds = 20;
        try (LibzmqPeer worker = LibzmqPeer.start().socket("REP");
             Proxy proxy = Proxy.of(front.socket(), back.socket()).capture(capture.socket()).start()) {
            worker.connect(back.endpoint());
            LibzmqPeer.Pending echo = worker.beginEcho(rounds, PATIENCE.multipliedBy(4));
            for (int i = 0; i < rounds; i++) {
                client.send(utf8("request " + i));
                assertFrames("reply " + i, client.recv(PATIENCE), utf8("request " + i));
            }
            assertThat(echo.ok()).isEqualTo(String.valueOf(rounds));
            for (int i = 0; i < 2 * rounds; i++) {
                Msg copy = captured.recvMsg(PATIENCE);
                assertThat(copy).as("captured message %d", i).isNotNull();
                assertThat(copy.size()).as("[routing id][][body]").isEqualTo(3);
                assertThat(copy.last()).isEqualTo(utf8("request " + i / 2));
            }
            proxy.stop();
        }
    }

    @Test
    void shouldForwardFromALibzmqPublisherToALibzmqSubscriber() {
        Bound front = bind(SocketType.XSUB);
        Bound back = bind(SocketType.XPUB);
        Bound capture = bind(SocketType.PUSH);
        Socket captured = captureReader(capture);
        LibzmqPeer publisher = interop.peer().socket("XPUB");
        publisher.connect(front.endpoint());
        try (LibzmqPeer subscriber = LibzmqPeer.start().socket("SUB");
             Proxy proxy = Proxy.of(front.socket(), back.socket()).capture(capture.socket()).start()) {
            subscriber.setsockopt("SUBSCRIBE", utf8("news"));
            subscriber.connect(back.endpoint());
            // an XPUB publisher receives the subscription once it has come all the way upstream
            assertFrames("subscription", publisher.recv(PATIENCE), utf8("\u0001news"));
            publisher.send(utf8("news 1"));
            publisher.send(utf8("sport 1"));
            publisher.send(utf8("news 2"));
            assertFrames("first", subscriber.recv(PATIENCE), utf8("news 1"));
            assertFrames("second", subscriber.recv(PATIENCE), utf8("news 2"));
            assertThat(List.of(captured.recvString(PATIENCE), captured.recvString(PATIENCE),
                    captured.recvString(PATIENCE))).containsExactly("\u0001news", "news 1", "news 2");
            proxy.stop();
        }
    }

    @Test
    void shouldStreamFromALibzmqPusherToALibzmqPuller() {
        Bound front = bind(SocketType.PULL);
        Bound back = bind(SocketType.PUSH);
        Bound capture = bind(SocketType.PUSH);
        Socket captured = captureReader(capture);
        LibzmqPeer pusher = interop.peer().socket("PUSH");
        pusher.connect(front.endpoint());
        int count = 2_000;
        int size = 100;
        try (LibzmqPeer puller = LibzmqPeer.start().socket("PULL");
             Proxy proxy = Proxy.of(front.socket(), back.socket()).capture(capture.socket()).start()) {
            puller.connect(back.endpoint());
            LibzmqPeer.Pending received = puller.beginRecvn(count, PATIENCE.multipliedBy(6));
            LibzmqPeer.Pending sent = pusher.beginSendn(count, size, PATIENCE.multipliedBy(6));
            Digest.Accumulator expected = new Digest.Accumulator();
            Digest.Accumulator copies = new Digest.Accumulator();
            for (int i = 0; i < count; i++) {
                expected.add(Payloads.numbered(i, size));
                byte[] copy = captured.recv(PATIENCE);
                assertThat(copy).as("captured message %d", i).isNotNull();
                copies.add(copy);
            }
            Digest digest = expected.finish();
            assertThat(sent.ok()).isEqualTo(String.valueOf(count));
            assertThat(Digest.parse(received.reply())).isEqualTo(digest);
            assertThat(copies.finish()).isEqualTo(digest);
            proxy.stop();
        }
    }
}
