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
    /**
     * Rides along the messages of the blocking tests, so that the kernel's tcp buffers fill after
     * a few dozen messages rather than a hundred thousand. Never changed.
     */
    private static final byte[] BALLAST = new byte[64 * 1024];

    /** Binds a new socket of the type and returns it with its endpoint. */
    private record Bound(Socket socket, String endpoint) {
    }

    private Bound bind(SocketType type, Transport transport) {
        return bind(type, transport, 1000, 1000);
    }

    /** Binds with high-water marks (they apply to later binds and connects only). */
    private Bound bind(SocketType type, Transport transport, int sndhwm, int rcvhwm) {
        Socket socket = ctx.socket(type);
        socket.set(SocketOptions.SNDHWM, sndhwm);
        socket.set(SocketOptions.RCVHWM, rcvhwm);
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

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldForwardPublicationsAndPassSubscriptionsUpstream(Transport transport) {
        Bound front = bind(SocketType.XSUB, transport);
        Bound back = bind(SocketType.XPUB, transport);
        Bound capture = bind(SocketType.PUSH, transport);
        Socket captured = connect(SocketType.PULL, capture.endpoint());
        // an XPUB publisher sees the subscription arrive, so the test knows when it has
        Socket publisher = connect(SocketType.XPUB, front.endpoint());
        Socket subscriber = connect(SocketType.SUB, back.endpoint());
        try (Proxy proxy = Proxy.of(front.socket(), back.socket()).capture(capture.socket()).start()) {
            subscriber.subscribe("news");
            byte[] subscription = publisher.recv(WAIT);
            assertThat(subscription).isEqualTo("\u0001news".getBytes(StandardCharsets.UTF_8));
            publisher.send("news 1");
            publisher.send("sport 1");
            publisher.send("news 2");
            assertThat(subscriber.recvString(WAIT)).isEqualTo("news 1");
            assertThat(subscriber.recvString(WAIT)).isEqualTo("news 2");
            List<Msg> copies = drain(captured, 3);
            assertThat(copies).extracting(m -> text(m.frame(0))).containsExactly("\u0001news", "news 1", "news 2");
            proxy.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldStreamMultipartMessagesInOrderWithCapture(Transport transport) throws Exception {
        Bound front = bind(SocketType.PULL, transport);
        Bound back = bind(SocketType.PUSH, transport);
        Bound capture = bind(SocketType.PUSH, transport);
        Socket captured = connect(SocketType.PULL, capture.endpoint());
        Socket producer = connect(SocketType.PUSH, front.endpoint());
        Socket consumer = connect(SocketType.PULL, back.endpoint());
        int count = 5_000;
        try (Proxy proxy = Proxy.of(front.socket(), back.socket()).capture(capture.socket()).start()) {
            // the capture is read as the messages flow: a full capture holds the proxy back
            CompletableFuture<List<Msg>> copies = spawn(() -> drain(captured, count));
            CompletableFuture<Object> sent = spawn(() -> {
                for (int i = 0; i < count; i++) {
                    producer.send(Msg.of("m" + i, "", "tail"));
                }
                return null;
            });
            for (int i = 0; i < count; i++) {
                Msg msg = consumer.recvMsg(WAIT);
                assertThat(msg).as("message %d", i).isNotNull();
                assertThat(msg.frames()).extracting(ProxyTest::text).containsExactly("m" + i, "", "tail");
            }
            assertThat(copies.get(10, TimeUnit.SECONDS)).extracting(m -> text(m.frame(0)) + "/" + m.size())
                    .startsWith("m0/3", "m1/3").endsWith("m" + (count - 1) + "/3");
            // the sender's last send may return after the consumer read that message
            assertThat(sent.get(10, TimeUnit.SECONDS)).isNull();
            proxy.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldBlockAStreamAtAFullBackendInsteadOfDropping(Transport transport) {
        Bound front = bind(SocketType.PULL, transport, 10, 10);
        Bound back = bind(SocketType.PUSH, transport, 10, 10);
        Socket producer = ctx.socket(SocketType.PUSH);
        producer.set(SocketOptions.SNDHWM, 10);
        producer.connect(front.endpoint());
        Socket consumer = ctx.socket(SocketType.PULL);
        consumer.set(SocketOptions.RCVHWM, 10);
        consumer.connect(back.endpoint());
        try (Proxy proxy = Proxy.of(front.socket(), back.socket()).start()) {
            // the consumer reads nothing: queues fill up to the producer, which then cannot send
            int sent = fillUntilBlocked(producer);
            assertThat(sent).isGreaterThanOrEqualTo(20);
            for (int i = 0; i < sent; i++) {
                Msg msg = consumer.recvMsg(WAIT);
                assertThat(msg).as("message %d of %d", i, sent).isNotNull();
                assertThat(text(msg.frame(0))).as("message %d of %d", i, sent).isEqualTo("m" + i);
            }
            producer.send("last");
            assertThat(consumer.recvString(WAIT)).isEqualTo("last");
            proxy.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldBlockRequestsAtABusyDealerBackendInsteadOfDropping(Transport transport) throws Exception {
        // replies must not be dropped by the ROUTER: no limit on its sending side
        Bound front = bind(SocketType.ROUTER, transport, 0, 5);
        Bound back = bind(SocketType.DEALER, transport, 5, 5);
        Socket client = ctx.socket(SocketType.DEALER);
        client.set(SocketOptions.SNDHWM, 5);
        client.set(SocketOptions.RCVHWM, 0);
        client.connect(front.endpoint());
        Socket worker = ctx.socket(SocketType.REP);
        worker.set(SocketOptions.RCVHWM, 5);
        worker.connect(back.endpoint());
        try (Proxy proxy = Proxy.of(front.socket(), back.socket()).start()) {
            client.send(Msg.of("", "hello"));
            assertThat(worker.recvString(WAIT)).isEqualTo("hello");
            worker.send("hello back");
            assertThat(client.recvMsg(WAIT).frames()).extracting(ProxyTest::text).containsExactly("", "hello back");
            // the worker stops reading: the requests pile up until the client cannot send
            int sent = 0;
            while (client.send(Msg.of(new byte[0], ("r" + sent).getBytes(StandardCharsets.UTF_8), BALLAST),
                    Duration.ofMillis(500))) {
                sent++;
            }
            assertThat(sent).isGreaterThanOrEqualTo(10);
            int total = sent;
            CompletableFuture<Object> answered = spawn(() -> {
                for (int i = 0; i < total; i++) {
                    worker.send(text(worker.recvMsg(WAIT).frame(0)) + "!");
                }
                return null;
            });
            for (int i = 0; i < total; i++) {
                assertThat(client.recvMsg(WAIT).frames()).extracting(ProxyTest::text).containsExactly("", "r" + i + "!");
            }
            answered.get(10, TimeUnit.SECONDS);
            proxy.stop();
        }
    }

    /** Sends numbered messages until a send has waited half a second: every queue on the way is full. */
    private static int fillUntilBlocked(Socket producer) {
        int sent = 0;
        while (producer.send(Msg.of(("m" + sent).getBytes(StandardCharsets.UTF_8), BALLAST), Duration.ofMillis(500))) {
            sent++;
        }
        return sent;
    }

    @Test
    void shouldHoldMessagesForAFullCaptureAndStillStop() {
        Bound front = bind(SocketType.PULL, Transport.INPROC);
        Bound back = bind(SocketType.PUSH, Transport.INPROC);
        Socket capture = ctx.socket(SocketType.PUSH);
        capture.set(SocketOptions.SNDHWM, 1);
        String captureEndpoint = capture.bind(Transport.INPROC.bindable());
        Socket producer = connect(SocketType.PUSH, front.endpoint());
        Socket consumer = connect(SocketType.PULL, back.endpoint());
        Proxy proxy = Proxy.of(front.socket(), back.socket()).capture(capture).start();
        producer.send("one");
        // no capture reader yet: a PUSH without a peer takes nothing, so the message waits
        assertThat(consumer.recv(Duration.ofMillis(300))).isNull();
        Socket captured = ctx.socket(SocketType.PULL);
        captured.set(SocketOptions.RCVHWM, 1);
        captured.connect(captureEndpoint);
        assertThat(consumer.recvString(WAIT)).isEqualTo("one");
        assertThat(captured.recvString(WAIT)).isEqualTo("one");
        // now fill the capture's queue and stop the proxy while it waits for room there
        producer.send("two");
        producer.send("three");
        producer.send("four");
        assertThat(consumer.recvString(WAIT)).isEqualTo("two");
        proxy.stop();
        assertThat(proxy.join(WAIT)).isTrue();
    }

    @Test
    void shouldObeyPauseResumeStatisticsAndTerminate() {
        Bound front = bind(SocketType.PULL, Transport.INPROC);
        Bound back = bind(SocketType.PUSH, Transport.INPROC);
        Bound control = bind(SocketType.PAIR, Transport.INPROC);
        Socket commander = connect(SocketType.PAIR, control.endpoint());
        Socket producer = connect(SocketType.PUSH, front.endpoint());
        Socket consumer = connect(SocketType.PULL, back.endpoint());
        Proxy proxy = Proxy.of(front.socket(), back.socket()).control(control.socket()).start();
        producer.send(Msg.of("abc", "de"));
        producer.send("fghij");
        assertThat(consumer.recvMsg(WAIT).size()).isEqualTo(2);
        assertThat(consumer.recvString(WAIT)).isEqualTo("fghij");
        commander.send("STATISTICS");
        assertThat(statistics(commander)).containsExactly(2, 10, 0, 0, 0, 0, 2, 10);

        commander.send("PAUSE");
        producer.send("held");
        assertThat(consumer.recv(Duration.ofMillis(300))).as("nothing moves while paused").isNull();
        commander.send("RESUME");
        assertThat(consumer.recvString(WAIT)).isEqualTo("held");
        commander.send("STATISTICS");
        assertThat(statistics(commander)).containsExactly(3, 14, 0, 0, 0, 0, 3, 14);

        commander.send("TERMINATE");
        assertThat(proxy.join(WAIT)).isTrue();
    }

    @Test
    void shouldCountBothDirectionsAndAnswerARepControlSocket() {
        Bound front = bind(SocketType.ROUTER, Transport.INPROC);
        Bound back = bind(SocketType.DEALER, Transport.INPROC);
        Bound control = bind(SocketType.REP, Transport.INPROC);
        Socket commander = connect(SocketType.REQ, control.endpoint());
        Socket client = connect(SocketType.REQ, front.endpoint());
        Socket worker = connect(SocketType.REP, back.endpoint());
        Proxy proxy = Proxy.of(front.socket(), back.socket()).control(control.socket()).start();
        client.send("ping");
        assertThat(worker.recvString(WAIT)).isEqualTo("ping");
        worker.send("pong!");
        assertThat(client.recvString(WAIT)).isEqualTo("pong!");
        commander.send("STATISTICS");
        // request [id][][ping] in, out: 5-byte id + 0 + 4; reply [id][][pong!]: id + 0 + 5
        long[] counters = statistics(commander);
        long id = counters[1] - 4;
        assertThat(counters).containsExactly(1, id + 4, 1, id + 5, 1, id + 5, 1, id + 4);
        commander.send("PAUSE");
        assertThat(commander.recv(WAIT)).isEmpty();
        commander.send("NONSENSE");
        assertThat(commander.recv(WAIT)).as("unknown commands are ignored, but answered").isEmpty();
        commander.send("TERMINATE");
        assertThat(commander.recv(WAIT)).isEmpty();
        assertThat(proxy.join(WAIT)).isTrue();
    }

    /** Reads a STATISTICS reply: eight 8-byte little-endian counters. */
    private static long[] statistics(Socket control) {
        Msg reply = control.recvMsg(WAIT);
        assertThat(reply.size()).isEqualTo(8);
        long[] counters = new long[8];
        for (int i = 0; i < 8; i++) {
            assertThat(reply.frame(i)).hasSize(8);
            counters[i] = ByteBuffer.wrap(reply.frame(i)).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }
        return counters;
    }

    @Test
    void shouldEndCleanlyWhenTheContextCloses() {
        Context other = Context.create();
        Socket front = other.socket(SocketType.ROUTER);
        front.bind("inproc://front");
        Socket back = other.socket(SocketType.DEALER);
        back.bind("inproc://back");
        Proxy proxy = Proxy.of(front, back).start();
        other.close();
        assertThat(proxy.join(WAIT)).isTrue();
    }

    @Test
    void shouldRunOnTheCallersThreadUntilStopped() throws Exception {
        Bound front = bind(SocketType.PULL, Transport.INPROC);
        Bound back = bind(SocketType.PUSH, Transport.INPROC);
        Proxy proxy = Proxy.of(front.socket(), back.socket());
        assertThat(proxy.join(Duration.ZERO)).as("never ran").isFalse();
        CompletableFuture<Object> running = spawn(() -> {
            proxy.run();
            return null;
        });
        Socket producer = connect(SocketType.PUSH, front.endpoint());
        Socket consumer = connect(SocketType.PULL, back.endpoint());
        producer.send("through");
        assertThat(consumer.recvString(WAIT)).isEqualTo("through");
        proxy.stop();
        running.get(10, TimeUnit.SECONDS);
        assertThat(proxy.join(WAIT)).isTrue();
        assertThatThrownBy(proxy::run).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> proxy.capture(producer)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldStopEvenIfAskedBeforeItStarted() {
        Bound front = bind(SocketType.PULL, Transport.INPROC);
        Bound back = bind(SocketType.PUSH, Transport.INPROC);
        Proxy proxy = Proxy.of(front.socket(), back.socket());
        proxy.stop();
        proxy.run();
        assertThat(proxy.join(Duration.ZERO)).isTrue();
    }

    @Test
    void shouldReportAFailureOfABackgroundProxyOnJoin() {
        Bound front = bind(SocketType.PULL, Transport.INPROC);
        Bound back = bind(SocketType.PUSH, Transport.INPROC);
        back.socket().close();
        Proxy proxy = Proxy.of(front.socket(), back.socket()).start();
        assertThatThrownBy(() -> proxy.join(WAIT)).isInstanceOf(ZmqException.class)
                .satisfies(e -> assertThat(((ZmqException) e).code()).isEqualTo(ErrorCode.ENOTSOCK));
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
