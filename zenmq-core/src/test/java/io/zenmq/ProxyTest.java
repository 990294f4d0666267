// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Proxy}: the three shapes (shared queue, forwarder, streamer) with capture, the control
 * commands, high-water marks blocking instead of dropping, and the ways it ends.
 */
@Timeout(60)
class ProxyTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Binds a new socket of the type and returns it with its endpoint. */
    private record Bound(Socket socket, String endpoint) {
    }

    private Bound bind(SocketType type, Transport transport) {
        Socket socket = ctx.socket(type);
        return new Bound(socket, socket.bind(transport.bindable()));
    }

    private Socket connect(SocketType type, String endpoint) {
        Socket socket = ctx.socket(type);
        socket.connect(endpoint);
        return socket;
    }

    private static String text(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    /** Receives capture messages until {@code count} have come; returns them. */
    private static List<Msg> drain(Socket capture, int count) {
        List<Msg> captured = new ArrayList<>();
        while (captured.size() < count) {
            Msg msg = capture.recvMsg(WAIT);
            assertThat(msg).as("captured message %d of %d", captured.size() + 1, count).isNotNull();
            captured.add(msg);
        }
        return captured;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldServeReqClientsFromRepWorkersAsASharedQueue(Transport transport) throws Exception {
        Bound front = bind(SocketType.ROUTER, transport);
        Bound back = bind(SocketType.DEALER, transport);
        Bound capture = bind(SocketType.PUSH, transport);
        Socket captured = connect(SocketType.PULL, capture.endpoint());
        int clients = 3;
        int workers = 2;
        int requests = 200;
        List<CompletableFuture<Integer>> served = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Socket rep = connect(SocketType.REP, back.endpoint());
            String name = "w" + w;
            served.add(spawn(() -> echo(rep, name)));
        }
        List<CompletableFuture<Object>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Socket req = connect(SocketType.REQ, front.endpoint());
            String name = "c" + c;
            done.add(spawn(() -> {
                for (int i = 0; i < requests; i++) {
                    req.send(name + "-" + i);
                    String reply = req.recvString(WAIT);
                    assertThat(reply).startsWith(name + "-" + i + "@w");
                }
                return null;
            }));
        }
        try (Proxy proxy = Proxy.of(front.socket(), back.socket()).capture(capture.socket()).start()) {
            for (CompletableFuture<Object> client : done) {
                client.get(60, TimeUnit.SECONDS);
            }
            // every request and every reply, [routing id][][body] in both directions
            List<Msg> copies = drain(captured, 2 * clients * requests);
            assertThat(copies).allSatisfy(m -> assertThat(m.size()).isEqualTo(3));
            assertThat(copies).allSatisfy(m -> assertThat(m.frame(1)).isEmpty());
            proxy.stop();
        }
        // the workers end with ETERM when the context closes after the test
    }

    /** Runs a peer on a thread of its own (the common pool may have a single thread on a small machine). */
    static <T> CompletableFuture<T> spawn(java.util.concurrent.Callable<T> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(body.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "test-peer");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** A REP worker: answers {@code body@name} until its context closes. */
    private static int echo(Socket rep, String name) {
        int answered = 0;
        while (true) {
            String request;
            try {
                request = rep.recvString(Option.INFINITE);
            } catch (ZmqException e) {
                return answered;  // the context closed at the end of the test
            }
            rep.send(request + "@" + name);
            answered++;
        }
    }
}
