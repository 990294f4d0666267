// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static io.zenmq.testing.RawZapClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.internal.zap.ZapServer;
import io.zenmq.testing.Await;
import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Leaks;
import io.zenmq.testing.LogCapture;
import io.zenmq.testing.RawZapClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ZAP service: a handler served at inproc://zeromq.zap.01, driven by a raw DEALER as libzmq's ZAP client. */
class ZapServiceTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] KEY = Z85.decode("Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID");



    private static List<String> strings(Msg reply) {
        return reply.frames().stream().map(f -> new String(f, java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    private static boolean zapThreadAlive() {
        return Leaks.zenmqThreads().contains(ZapServer.THREAD_NAME);
    }

    @Test
    void shouldReplyWithSevenFramesEchoingTheRequestId() {
        Map<String, byte[]> metadata = new LinkedHashMap<>();
        metadata.put("X-Hello", bytes("world"));
        ctx.zapHandler(request -> ZapDecision.allow("joe", metadata));
        try (RawZapClient client = new RawZapClient(ctx)) {
            client.send("0001", "test", "192.168.55.1", "NULL");
            Msg reply = client.receive();

            assertThat(reply.size()).isEqualTo(7);
            assertThat(strings(reply).subList(0, 6)).containsExactly("", "1.0", "0001", "200", "OK", "joe");
            byte[] expected = ByteBuffer.allocate(1 + 7 + 4 + 5).put((byte) 7).put(bytes("X-Hello")).putInt(5)
                    .put(bytes("world")).array();
            assertThat(reply.frame(6)).isEqualTo(expected);
        }
    }

    @Test
    void shouldReplyEmptyUserIdAndMetadataOnRefusal() {
        ctx.zapHandler(request -> ZapDecision.deny("go away"));
        try (RawZapClient client = new RawZapClient(ctx)) {
            Msg reply = client.request("NULL", "10.0.0.1");

            assertThat(strings(reply)).containsExactly("", "1.0", "1", "400", "go away", "", "");
        }
    }

    @Test
    void shouldPassEveryRequestFieldToTheHandler() {
        AtomicReference<ZapRequest> seen = new AtomicReference<>();
        ctx.zapHandler(request -> {
            seen.set(request);
            return ZapDecision.temporaryFailure("later");
        });
        try (RawZapClient client = new RawZapClient(ctx)) {
            client.sendFrames(bytes(""), bytes("1.0"), bytes("42"), bytes("global"), bytes("127.0.0.1"),
                    bytes("SRV-OWN-ID"), bytes("PLAIN"), bytes("admin"), bytes("secret"));
            assertThat(strings(client.receive())).containsExactly("", "1.0", "42", "300", "later", "", "");

            ZapRequest plain = seen.get();
            assertThat(plain.version()).isEqualTo("1.0");
            assertThat(plain.requestId()).isEqualTo(bytes("42"));
            assertThat(plain.domain()).isEqualTo("global");
            assertThat(plain.address()).isEqualTo("127.0.0.1");
            assertThat(plain.identity()).isEqualTo(bytes("SRV-OWN-ID"));
            assertThat(plain.mechanism()).isEqualTo(ZapRequest.Mechanism.PLAIN);
            assertThat(plain.username()).isEqualTo("admin");
            assertThat(plain.password()).isEqualTo("secret");
            assertThat(plain.credentials()).containsExactly(bytes("admin"), bytes("secret"));
            assertThat(plain.toString()).contains("admin").doesNotContain("secret");
            assertThatThrownBy(plain::clientKey).isInstanceOf(IllegalStateException.class);

            client.request("CURVE", "::1", KEY);
            ZapRequest curve = seen.get();
            assertThat(curve.mechanism()).isEqualTo(ZapRequest.Mechanism.CURVE);
            assertThat(curve.clientKey()).isEqualTo(KEY);
            assertThat(curve.clientKeyZ85()).isEqualTo("Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID");
            assertThat(curve.address()).isEqualTo("::1");
            assertThatThrownBy(curve::username).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shouldAnswerEachPeerThroughItsOwnEnvelope() {
        ctx.zapHandler(request -> ZapDecision.allow(request.address()));
        try (RawZapClient first = new RawZapClient(ctx); RawZapClient second = new RawZapClient(ctx)) {
            first.send("a", "", "10.0.0.1", "NULL");
            second.send("b", "", "10.0.0.2", "NULL");
            first.send("c", "", "10.0.0.3", "NULL");

            assertThat(strings(second.receive())).containsExactly("", "1.0", "b", "200", "OK", "10.0.0.2", "");
            assertThat(strings(first.receive())).containsExactly("", "1.0", "a", "200", "OK", "10.0.0.1", "");
            assertThat(strings(first.receive())).containsExactly("", "1.0", "c", "200", "OK", "10.0.0.3", "");
        }
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("wrong version", List.of("", "2.0", "7", "", "127.0.0.1", "", "NULL")),
                Arguments.of("too few frames", List.of("", "1.0", "7", "", "127.0.0.1")),
                Arguments.of("unknown mechanism", List.of("", "1.0", "7", "", "127.0.0.1", "", "GSSAPI")),
                Arguments.of("NULL with a credential", List.of("", "1.0", "7", "", "127.0.0.1", "", "NULL", "x")),
                Arguments.of("PLAIN without password", List.of("", "1.0", "7", "", "127.0.0.1", "", "PLAIN", "u")),
                Arguments.of("CURVE key of 31 bytes",
                        List.of("", "1.0", "7", "", "127.0.0.1", "", "CURVE", "k".repeat(31))),
                Arguments.of("CURVE without key", List.of("", "1.0", "7", "", "127.0.0.1", "", "CURVE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void shouldAnswerMalformedRequestsWith400WithoutAskingTheHandler(String what, List<String> frames) {
        AtomicInteger calls = new AtomicInteger();
        ctx.zapHandler(request -> {
            calls.incrementAndGet();
            return ZapDecision.allow("nobody");
        });
        try (RawZapClient client = new RawZapClient(ctx)) {
            client.sendFrames(frames.stream().map(RawZapClient::bytes).toArray(byte[][]::new));
            Msg reply = client.receive();

            assertThat(reply.size()).isEqualTo(7);
            assertThat(strings(reply).subList(0, 4)).containsExactly("", "1.0", "7", "400");
            assertThat(reply.string(4)).isNotEmpty();
            assertThat(strings(reply).subList(5, 7)).containsExactly("", "");
            assertThat(calls).hasValue(0);
        }
    }

    @Test
    void shouldDropRequestsThatCannotBeAnswered() {
        AtomicInteger calls = new AtomicInteger();
        ctx.zapHandler(request -> {
            calls.incrementAndGet();
            return ZapDecision.allow("");
        });
        try (RawZapClient client = new RawZapClient(ctx)) {
            // no delimiter: no envelope to reply through
            client.sendFrames(bytes("1.0"), bytes("x"), bytes(""), bytes("127.0.0.1"), bytes(""), bytes("NULL"));
            // no request id to echo
            client.sendFrames(bytes(""), bytes("1.0"));
            client.send("after", "", "127.0.0.1", "NULL");

            assertThat(strings(client.receive())).containsExactly("", "1.0", "after", "200", "OK", "", "");
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void shouldReply500AndLogWhenTheHandlerThrowsThenKeepServing() {
        AtomicInteger calls = new AtomicInteger();
        ctx.zapHandler(request -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("directory is down");
            }
            return ZapDecision.allow("second");
        });
        try (LogCapture log = new LogCapture(ZapServer.class); RawZapClient client = new RawZapClient(ctx)) {
            Msg failed = client.request("NULL", "127.0.0.1");
            assertThat(strings(failed).subList(0, 4)).containsExactly("", "1.0", "1", "500");
            assertThat(failed.size()).isEqualTo(7);
            assertThat(log.at(Level.SEVERE)).singleElement()
                    .satisfies(r -> assertThat(r.getThrown()).hasMessage("directory is down"));

            assertThat(strings(client.request("NULL", "127.0.0.1")))
                    .containsExactly("", "1.0", "1", "200", "OK", "second", "");
        }
    }

    @Test
    void shouldReply500WhenTheHandlerReturnsNull() {
        ctx.zapHandler(request -> null);
        try (RawZapClient client = new RawZapClient(ctx)) {
            assertThat(strings(client.request("NULL", "127.0.0.1")).subList(0, 4))
                    .containsExactly("", "1.0", "1", "500");
        }
    }

    @Test
    void shouldRefuseASecondHandlerWithEaddrinuse() {
        ctx.zapHandler(request -> ZapDecision.allow("first"));

        assertThatThrownBy(() -> ctx.zapHandler(request -> ZapDecision.allow("second")))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EADDRINUSE));
        try (RawZapClient client = new RawZapClient(ctx)) {
            assertThat(client.request("NULL", "127.0.0.1").string(5)).isEqualTo("first");
        }
    }

    @Test
    void shouldRefuseAHandlerWhereASocketIsAlreadyBound() {
        try (Socket own = ctx.socket(SocketType.REP)) {
            own.bind(RawZapClient.ENDPOINT);

            assertThatThrownBy(() -> ctx.zapHandler(request -> ZapDecision.allow("")))
                    .isInstanceOfSatisfying(ZmqException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.EADDRINUSE));
            assertThat(zapThreadAlive()).isFalse();
        }
    }

    @Test
    void shouldStopOnCloseAndServeTheNextHandler() {
        ZapService first = ctx.zapHandler(request -> ZapDecision.allow("first"));
        try (RawZapClient client = new RawZapClient(ctx)) {
            assertThat(client.request("NULL", "127.0.0.1").string(5)).isEqualTo("first");
        }
        assertThat(first.isRunning()).isTrue();

        first.close();
        first.close();

        assertThat(first.isRunning()).isFalse();
        Await.until("the zap thread to end", WAIT, () -> !zapThreadAlive());
        try (ZapService second = ctx.zapHandler(request -> ZapDecision.allow("second"));
             RawZapClient client = new RawZapClient(ctx)) {
            assertThat(client.request("NULL", "127.0.0.1").string(5)).isEqualTo("second");
            assertThat(second.isRunning()).isTrue();
        }
    }

    @Test
    void shouldEndTheThreadWhenTheContextCloses() {
        ZapService service = ctx.zapHandler(request -> ZapDecision.allow(""));
        try (RawZapClient client = new RawZapClient(ctx)) {
            client.request("NULL", "127.0.0.1");
        }
        assertThat(zapThreadAlive()).isTrue();

        ctx.close();

        assertThat(service.isRunning()).isFalse();
        Await.until("the zap thread to end", WAIT, () -> !zapThreadAlive());
        service.close();
        assertThatThrownBy(() -> ctx.zapHandler(request -> ZapDecision.allow("")))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ETERM));
    }

    @Test
    void shouldNotHangWhenTheContextClosesDuringAHandlerCall() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        ZapService service = ctx.zapHandler(request -> {
            entered.countDown();
            try {
                never.await();
                return ZapDecision.allow("");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ZapDecision.internalError("interrupted");
            }
        });
        RawZapClient client = new RawZapClient(ctx);
        client.send("NULL", "127.0.0.1");
        assertThat(entered.await(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)).isTrue();

        ctx.close();

        // the close interrupted the handler instead of waiting for it
        assertThat(service.isRunning()).isFalse();
        Await.until("the zap thread to end", WAIT, () -> !zapThreadAlive());
    }
}
