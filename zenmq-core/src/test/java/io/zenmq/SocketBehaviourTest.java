// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.Await;
import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SocketBehaviourTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);



    private static ErrorCode codeOf(Runnable action) {
        try {
            action.run();
        } catch (ZmqException e) {
            return e.code();
        }
        throw new AssertionError("no ZmqException");
    }

    @Test
    void shouldTimeOutAReceiveWithEagain() {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOptions.RCVTIMEO, Duration.ofMillis(20));
        assertThat(codeOf(pull::recv)).isEqualTo(ErrorCode.EAGAIN);
        assertThat(pull.tryRecv()).isNull();
        assertThat(pull.recv(Duration.ofMillis(5))).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldBlockThePusherAtTheHighWaterMark(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOptions.RCVHWM, 5);
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOptions.SNDHWM, 5);
        push.connect(pull.bind(transport.bindable()));
        int sent = 0;
        // the kernel buffers of tcp/ipc hold some messages too; 100 KiB frames fill them fast
        byte[] frame = new byte[100_000];
        while (push.send(frame, Duration.ofMillis(200))) {
            sent++;
            assertThat(sent).isLessThan(1000);
        }
        assertThat(sent).isGreaterThanOrEqualTo(5);
        for (int i = 0; i < sent; i++) {
            assertThat(pull.recv(WAIT)).hasSize(100_000);
        }
        assertThat(push.send(frame, WAIT)).isTrue();
        assertThat(pull.recv(WAIT)).hasSize(100_000);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReportReadinessAsLibzmqEvents(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        assertThat(push.get(SocketOptions.EVENTS)).isZero();
        push.connect(pull.bind(transport.bindable()));
        assertThat(push.get(SocketOptions.EVENTS)).isEqualTo(SocketOptions.POLLOUT);
        assertThat(pull.get(SocketOptions.EVENTS)).isZero();
        push.send("x");
        io.zenmq.testing.Await.until("POLLIN", WAIT, () -> pull.get(SocketOptions.EVENTS) == SocketOptions.POLLIN);
        assertThat(pull.recvString(WAIT)).isEqualTo("x");
        assertThat(pull.get(SocketOptions.EVENTS)).isZero();
    }

    @Test
    void shouldRejectOperationsTheTypeDoesNotHave() {
        Socket push = ctx.socket(SocketType.PUSH);
        Socket pull = ctx.socket(SocketType.PULL);
        assertThat(codeOf(push::tryRecv)).isEqualTo(ErrorCode.ENOTSUP);
        assertThat(codeOf(() -> pull.trySend(new byte[1]))).isEqualTo(ErrorCode.ENOTSUP);
    }

    @Test
    void shouldReportBadEndpointsAndBusyPorts() {
        Socket pull = ctx.socket(SocketType.PULL);
        assertThat(codeOf(() -> pull.bind("tcp://127.0.0.1"))).isEqualTo(ErrorCode.EINVAL);
        assertThat(codeOf(() -> pull.bind("tcp://127.0.0.1:70000"))).isEqualTo(ErrorCode.EINVAL);
        assertThat(codeOf(() -> pull.bind("nope://x"))).isEqualTo(ErrorCode.EPROTONOSUPPORT);
        assertThat(codeOf(() -> pull.connect("tcp://127.0.0.1:*"))).isEqualTo(ErrorCode.EINVAL);
        // a host that is no name at all is refused at connect, as libzmq does
        assertThat(codeOf(() -> pull.connect("tcp://\u00ff:5555"))).isEqualTo(ErrorCode.EINVAL);
        assertThat(codeOf(() -> pull.connect("tcp://bad host:5555"))).isEqualTo(ErrorCode.EINVAL);
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        assertThat(endpoint).matches("tcp://127\\.0\\.0\\.1:\\d+");
        assertThat(pull.get(SocketOptions.LAST_ENDPOINT)).isEqualTo(endpoint);
        Socket other = ctx.socket(SocketType.PULL);
        assertThat(codeOf(() -> other.bind(endpoint))).isEqualTo(ErrorCode.EADDRINUSE);
        String inproc = Transport.INPROC.bindable();
        other.bind(inproc);
        assertThat(codeOf(() -> pull.bind(inproc))).isEqualTo(ErrorCode.EADDRINUSE);
    }

    @Test
    void shouldBindIpv6Literals() {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        String endpoint = pull.bind("tcp://[::1]:*");
        assertThat(endpoint).startsWith("tcp://[::1]:");
        push.connect(endpoint);
        push.send("v6");
        assertThat(pull.recvString(WAIT)).isEqualTo("v6");
    }

    @Test
    void shouldListenOnIpv6AndIpv4WithTheIpv6Option() {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOptions.IPV6, true);
        String endpoint = pull.bind("tcp://*:*");
        assertThat(endpoint).startsWith("tcp://[::]:");
        String port = endpoint.substring(endpoint.lastIndexOf(':') + 1);
        Socket v4 = ctx.socket(SocketType.PUSH);
        v4.connect("tcp://127.0.0.1:" + port);
        Socket v6 = ctx.socket(SocketType.PUSH);
        v6.connect("tcp://[::1]:" + port);
        v4.send("over v4");
        v6.send("over v6");
        java.util.Set<String> got = new java.util.HashSet<>();
        got.add(pull.recvString(WAIT));
        got.add(pull.recvString(WAIT));
        assertThat(got).containsExactlyInAnyOrder("over v4", "over v6");
        Socket plain = ctx.socket(SocketType.PULL);
        assertThat(plain.bind("tcp://*:*")).startsWith("tcp://0.0.0.0:");
    }

    @Test
    void shouldValidateOptions() {
        Socket push = ctx.socket(SocketType.PUSH);
        assertThat(codeOf(() -> push.set(SocketOptions.SNDHWM, -1))).isEqualTo(ErrorCode.EINVAL);
        assertThat(codeOf(() -> push.set(SocketOptions.LINGER, Duration.ofMillis(-5)))).isEqualTo(ErrorCode.EINVAL);
        assertThat(codeOf(() -> push.set(SocketOptions.ROUTING_ID, new byte[0]))).isEqualTo(ErrorCode.EINVAL);
        assertThat(codeOf(() -> push.set(SocketOptions.LAST_ENDPOINT, "x"))).isEqualTo(ErrorCode.EINVAL);
        assertThat(codeOf(() -> push.set(SocketOptions.TCP_KEEPALIVE, 2))).isEqualTo(ErrorCode.EINVAL);
        assertThat(codeOf(() -> push.set(SocketOptions.TCP_KEEPALIVE_IDLE, 0))).isEqualTo(ErrorCode.EINVAL);
        push.set(SocketOptions.TCP_KEEPALIVE, 1).set(SocketOptions.TCP_KEEPALIVE_IDLE, 30);
        push.set(SocketOptions.SNDHWM, 7);
        assertThat(push.get(SocketOptions.SNDHWM)).isEqualTo(7);
        assertThat(push.get(SocketOptions.TYPE)).isEqualTo(SocketType.PUSH);
        assertThat(push.get(SocketOptions.RCVHWM)).isEqualTo(1000);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverQueuedMessagesAfterCloseWithLinger(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        String endpoint = pull.bind(transport.bindable());
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);
        for (int i = 0; i < 500; i++) {
            push.send("m" + i);
        }
        push.close();
        for (int i = 0; i < 500; i++) {
            assertThat(pull.recvString(WAIT)).isEqualTo("m" + i);
        }
    }

    /**
     * Fills the pusher's queue behind a peer that does not read, closes it with zero linger, then
     * lets the peer read everything until it sees the connection end: fewer messages arrive than
     * were sent (with a linger, all of them would).
     */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TCP", "IPC"})
    void shouldDropQueuedMessagesWithZeroLinger(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOptions.RCVHWM, 5);
        SocketMonitor monitor = pull.monitor(EnumSet.of(EventType.DISCONNECTED));
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOptions.SNDHWM, 5);
        push.set(SocketOptions.LINGER, Duration.ZERO);
        push.connect(pull.bind(transport.bindable()));
        int sent = 0;
        byte[] frame = new byte[100_000];
        // as in shouldBlockThePusherAtTheHighWaterMark: the pull pipe, the kernel buffers, then our queue fill
        while (push.send(frame, Duration.ofMillis(200))) {
            sent++;
            assertThat(sent).isLessThan(1000);
        }
        push.close();
        assertThat(codeOf(() -> push.send("closed"))).isEqualTo(ErrorCode.ENOTSOCK);

        int received = 0;
        boolean ended = false;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            if (pull.recv(Duration.ofMillis(20)) != null) {
                received++;
            } else if (ended) {
                break;
            } else {
                ended = monitor.next(Duration.ZERO) != null;
                assertThat(System.nanoTime()).as("the connection ends").isLessThan(deadline);
            }
        }
        assertThat(received).as("messages delivered of %d sent", sent).isLessThan(sent);
    }

    @Test
    void shouldEndABlockedReceiveWithEtermWhenTheContextCloses() throws Exception {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(Transport.TCP.bindable());
        AtomicReference<Thread> receiver = new AtomicReference<>();
        CompletableFuture<ErrorCode> outcome = CompletableFuture.supplyAsync(() -> {
            receiver.set(Thread.currentThread());
            return codeOf(pull::recv);
        });
        Await.until("receiver to block", WAIT, () -> receiver.get() != null
                && receiver.get().getState() == Thread.State.WAITING);
        ctx.close();
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(ErrorCode.ETERM);
    }

    @Test
    void shouldCloseContextPromptlyWithUndeliverableMessages() {
        Context other = Context.builder().maxLinger(Duration.ofMillis(200)).build();
        Socket push = other.socket(SocketType.PUSH);
        push.connect("tcp://127.0.0.1:1");
        push.send("never delivered");
        long start = System.nanoTime();
        other.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldSurviveAnInterruptDuringAWait() throws Exception {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(Transport.INPROC.bindable()));
        AtomicReference<Thread> receiver = new AtomicReference<>();
        CompletableFuture<ErrorCode> outcome = CompletableFuture.supplyAsync(() -> {
            receiver.set(Thread.currentThread());
            ErrorCode code = codeOf(pull::recv);
            assertThat(Thread.interrupted()).isTrue();
            return code;
        });
        Await.until("receiver to block", WAIT, () -> receiver.get() != null
                && receiver.get().getState() == Thread.State.WAITING);
        receiver.get().interrupt();
        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo(ErrorCode.EINTR);
        push.send("still works");
        assertThat(pull.recvString(WAIT)).isEqualTo("still works");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldFairQueueFromTwoPushers(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        String endpoint = pull.bind(transport.bindable());
        Socket a = ctx.socket(SocketType.PUSH);
        Socket b = ctx.socket(SocketType.PUSH);
        a.connect(endpoint);
        b.connect(endpoint);
        for (int i = 0; i < 10; i++) {
            a.send("a");
            b.send("b");
        }
        int as = 0;
        for (int i = 0; i < 20; i++) {
            if (pull.recvString(WAIT).equals("a")) {
                as++;
            }
        }
        assertThat(as).isEqualTo(10);
    }
}
