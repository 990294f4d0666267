// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.Await;
import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@link Poller}: level-triggered readiness of sockets and channels, wake-ups and edge cases. */
class PollerTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReportTheSocketWithAMessageUntilItIsReceived(Transport transport) {
        Socket first = ctx.socket(SocketType.PULL);
        Socket second = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(second.bind(transport.bindable()));
        first.bind(transport.bindable());
        try (Poller poller = new Poller()) {
            poller.register(first, Poller.IN);
            poller.register(second, Poller.IN);
            assertThat(poller.poll(Duration.ZERO)).isZero();

            push.send("hello");
            assertThat(poller.poll(WAIT)).isEqualTo(1);
            assertThat(poller.isReadable(second)).isTrue();
            assertThat(poller.isReadable(first)).isFalse();
            assertThat(poller.ready()).extracting(Poller.Item::socket).containsExactly(second);

            assertThat(poller.poll(WAIT)).as("level-triggered: still readable").isEqualTo(1);
            assertThat(second.recvString()).isEqualTo("hello");
            assertThat(poller.poll(Duration.ZERO)).isZero();
            assertThat(poller.isReadable(second)).isFalse();

            push.send("again");
            assertThat(poller.poll(WAIT)).isEqualTo(1);
            assertThat(second.recvString()).isEqualTo("again");
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReportAWritableSocketOnceItHasAPeer(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        String endpoint = pull.bind(transport.bindable());
        try (Poller poller = new Poller()) {
            poller.register(push, Poller.IN | Poller.OUT);
            assertThat(poller.poll(Duration.ZERO)).as("no peer yet: a send would block").isZero();
            push.connect(endpoint);
            assertThat(poller.poll(WAIT)).isEqualTo(1);
            assertThat(poller.events(push)).isEqualTo(Poller.OUT);
            assertThat(push.events()).isEqualTo(Poller.OUT);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldFollowRepThroughItsSteps(Transport transport) {
        Socket rep = ctx.socket(SocketType.REP);
        Socket req = ctx.socket(SocketType.REQ);
        req.connect(rep.bind(transport.bindable()));
        try (Poller poller = new Poller()) {
            poller.register(rep, Poller.IN | Poller.OUT);
            assertThat(poller.poll(Duration.ZERO)).isZero();
            req.send("question");
            assertThat(poller.poll(WAIT)).isEqualTo(1);
            assertThat(poller.events(rep)).isEqualTo(Poller.IN);
            rep.recv();
            assertThat(poller.poll(Duration.ZERO)).as("receiving made REP ready to reply").isEqualTo(1);
            assertThat(poller.events(rep)).isEqualTo(Poller.OUT);
            rep.send("answer");
            assertThat(poller.poll(Duration.ZERO)).isZero();
            assertThat(req.recvString(WAIT)).isEqualTo("answer");
        }
    }

    @Test
    void shouldReturnZeroWhenTheTimeoutPasses() {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(Transport.INPROC.bindable());
        try (Poller poller = new Poller()) {
            poller.register(pull, Poller.IN);
            long start = System.nanoTime();
            assertThat(poller.poll(Duration.ofMillis(50))).isZero();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
        }
    }

    @Test
    void shouldReturnWhenWokenUpFromAnotherThread() throws InterruptedException {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(Transport.INPROC.bindable());
        try (Poller poller = new Poller()) {
            poller.register(pull, Poller.IN);
            Thread poller2 = Thread.currentThread();
            Thread waker = new Thread(() -> {
                Await.until("the poll to block", WAIT, () -> poller2.getState() == Thread.State.WAITING);
                poller.wakeup();
            });
            waker.start();
            assertThat(poller.poll(Option.INFINITE)).isZero();
            waker.join();
            poller.wakeup();
            assertThat(poller.poll(Option.INFINITE)).as("a wake-up before the poll counts").isZero();
        }
    }

    @Test
    void shouldPollSocketsOfTwoContexts() {
        try (Context other = Context.create()) {
            Socket here = ctx.socket(SocketType.PAIR);
            Socket there = other.socket(SocketType.PAIR);
            Socket herePeer = ctx.socket(SocketType.PAIR);
            Socket therePeer = other.socket(SocketType.PAIR);
            herePeer.connect(here.bind(Transport.INPROC.bindable()));
            therePeer.connect(there.bind(Transport.TCP.bindable()));
            try (Poller poller = new Poller()) {
                poller.register(here, Poller.IN);
                poller.register(there, Poller.IN);
                therePeer.send("x");
                assertThat(poller.poll(WAIT)).isEqualTo(1);
                assertThat(poller.isReadable(there)).isTrue();
                herePeer.send("y");
                there.recv();
                assertThat(poller.poll(WAIT)).isEqualTo(1);
                assertThat(poller.isReadable(here)).isTrue();
            }
            there.close();
            therePeer.close();
        }
    }

    @Test
    void shouldPollAChannelWithSockets() throws IOException {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(Transport.TCP.bindable()));
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink();
                Poller poller = new Poller()) {
            source.configureBlocking(false);
            poller.register(pull, Poller.IN);
            poller.register(source, Poller.IN);
            assertThat(poller.poll(Duration.ZERO)).isZero();
            sink.write(ByteBuffer.wrap(new byte[] {1}));
            assertThat(poller.poll(WAIT)).isEqualTo(1);
            assertThat(poller.isReadable(source)).isTrue();
            assertThat(poller.poll(WAIT)).as("level-triggered").isEqualTo(1);
            source.read(ByteBuffer.allocate(8));
            assertThat(poller.poll(Duration.ZERO)).isZero();
            push.send("m");
            assertThat(poller.poll(WAIT)).isEqualTo(1);
            assertThat(poller.isReadable(pull)).isTrue();
            assertThat(poller.isReadable(source)).isFalse();
        }
    }

    @Test
    void shouldThrowEnotsockForAClosedRegisteredSocketUntilUnregistered() {
        Socket pull = ctx.socket(SocketType.PULL);
        try (Poller poller = new Poller()) {
            poller.register(pull, Poller.IN);
            assertThat(poller.poll(Duration.ZERO)).isZero();
            pull.close();
            assertThatThrownBy(() -> poller.poll(WAIT)).isInstanceOfSatisfying(ZmqException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOTSOCK));
            assertThatThrownBy(() -> poller.poll(Duration.ZERO)).isInstanceOf(ZmqException.class);
            poller.unregister(pull);
            assertThat(poller.poll(Duration.ZERO)).isZero();
        }
    }

    @Test
    void shouldThrowEtermWhenTheContextClosesUnderABlockedPoll() throws InterruptedException {
        Context own = Context.create();
        Socket pull = own.socket(SocketType.PULL);
        pull.bind(Transport.TCP.bindable());
        Thread self = Thread.currentThread();
        Thread closer = new Thread(() -> {
            Await.until("the poll to block", WAIT, () -> self.getState() == Thread.State.WAITING);
            own.close();
        });
        try (Poller poller = new Poller()) {
            poller.register(pull, Poller.IN);
            closer.start();
            assertThatThrownBy(() -> poller.poll(Option.INFINITE)).isInstanceOfSatisfying(ZmqException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.ETERM));
        }
        closer.join();
        pull.close();
    }

    @Test
    void shouldThrowEintrWhenInterruptedAndStayUsable() throws InterruptedException {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(Transport.INPROC.bindable()));
        try (Poller poller = new Poller()) {
            poller.register(pull, Poller.IN);
            Thread self = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                Await.until("the poll to block", WAIT, () -> self.getState() == Thread.State.WAITING);
                self.interrupt();
            });
            interrupter.start();
            assertThatThrownBy(() -> poller.poll(Option.INFINITE)).isInstanceOfSatisfying(ZmqException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.EINTR));
            assertThat(Thread.interrupted()).as("the flag stays set").isTrue();
            interrupter.join();
            push.send("after");
            assertThat(poller.poll(WAIT)).isEqualTo(1);
            assertThat(pull.recvString()).isEqualTo("after");
        }
    }

    @Test
    void shouldRefuseBadRegistrations() {
        Socket pull = ctx.socket(SocketType.PULL);
        try (Poller poller = new Poller()) {
            poller.register(pull, Poller.IN);
            assertThatThrownBy(() -> poller.register(pull, Poller.IN)).isInstanceOf(ZmqException.class);
            assertThatThrownBy(() -> poller.register(ctx.socket(SocketType.PUSH), 8))
                    .isInstanceOf(ZmqException.class);
            poller.unregister(pull);
            assertThatThrownBy(() -> poller.unregister(pull)).isInstanceOf(ZmqException.class);
        }
    }

    @Test
    void shouldKeepTheCallersAttachment() {
        Socket pull = ctx.socket(SocketType.PULL);
        AtomicReference<Object> seen = new AtomicReference<>();
        try (Poller poller = new Poller()) {
            Poller.Item item = poller.register(pull, Poller.IN).attach("handler");
            seen.set(item.attachment());
            assertThat(item.socket()).isSameAs(pull);
            assertThat(item.channel()).isNull();
            assertThat(item.interest()).isEqualTo(Poller.IN);
        }
        assertThat(seen.get()).isEqualTo("handler");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldFindTheOneBusySocketAmongManyIdleOnes(Transport transport) {
        Socket push = ctx.socket(SocketType.PUSH);
        java.util.List<Socket> pulls = new java.util.ArrayList<>();
        try (Poller poller = new Poller()) {
            for (int i = 0; i < 20; i++) {
                Socket pull = ctx.socket(SocketType.PULL);
                String endpoint = pull.bind(transport.bindable());
                if (i == 13) {
                    push.connect(endpoint);
                }
                pulls.add(pull);
                poller.register(pull, Poller.IN);
            }
            for (int round = 0; round < 50; round++) {
                push.send("m" + round);
                assertThat(poller.poll(WAIT)).isEqualTo(1);
                assertThat(poller.ready()).extracting(Poller.Item::socket).containsExactly(pulls.get(13));
                assertThat(pulls.get(13).recvString()).isEqualTo("m" + round);
            }
        }
    }

    @Test
    void shouldWakeEveryPollerASocketIsIn() {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(Transport.TCP.bindable()));
        try (Poller first = new Poller(); Poller second = new Poller()) {
            first.register(pull, Poller.IN);
            second.register(pull, Poller.IN);
            assertThat(first.poll(Duration.ZERO)).isZero();
            assertThat(second.poll(Duration.ZERO)).isZero();
            push.send("both");
            assertThat(first.poll(WAIT)).isEqualTo(1);
            assertThat(second.poll(WAIT)).isEqualTo(1);
            second.unregister(pull);
            pull.recv();
            push.send("first only");
            assertThat(first.poll(WAIT)).isEqualTo(1);
        }
    }

    @Test
    void shouldApplyAModifiedInterestAtTheNextPoll() {
        Socket dealer = ctx.socket(SocketType.DEALER);
        Socket router = ctx.socket(SocketType.ROUTER);
        dealer.connect(router.bind(Transport.INPROC.bindable()));
        try (Poller poller = new Poller()) {
            poller.register(dealer, Poller.IN);
            assertThat(poller.poll(Duration.ZERO)).isZero();
            poller.modify(dealer, Poller.IN | Poller.OUT);
            assertThat(poller.poll(Duration.ZERO)).isEqualTo(1);
            assertThat(poller.events(dealer)).isEqualTo(Poller.OUT);
            poller.modify(dealer, Poller.IN);
            assertThat(poller.poll(Duration.ZERO)).isZero();
        }
    }

    @Test
    void shouldReportAClosedChannelAsAnErrorIfAsked() throws IOException {
        Pipe pipe = Pipe.open();
        Pipe.SourceChannel source = pipe.source();
        try (Poller poller = new Poller()) {
            source.configureBlocking(false);
            poller.register(source, Poller.IN | Poller.ERR);
            assertThat(poller.poll(Duration.ZERO)).isZero();
            source.close();
            assertThat(poller.poll(Duration.ZERO)).isEqualTo(1);
            assertThat(poller.events(source)).isEqualTo(Poller.ERR);
            poller.unregister(source);
            assertThat(poller.poll(Duration.ZERO)).isZero();
        } finally {
            pipe.sink().close();
        }
    }

    @Test
    void shouldWakeASelectingPollForSocketsWakeupsAndInterrupts() throws IOException, InterruptedException {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(Transport.TCP.bindable()));
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink();
                Poller poller = new Poller()) {
            source.configureBlocking(false);
            poller.register(source, Poller.IN);
            poller.register(pull, Poller.IN);
            Thread self = Thread.currentThread();
            Thread other = new Thread(() -> {
                Await.until("the poll to block", WAIT, () -> self.getState() == Thread.State.RUNNABLE
                        && isSelecting(self));
                push.send("to a selecting poller");
            });
            other.start();
            assertThat(poller.poll(WAIT)).isEqualTo(1);
            assertThat(pull.recvString()).isEqualTo("to a selecting poller");
            other.join();

            other = new Thread(() -> {
                Await.until("the poll to block", WAIT, () -> isSelecting(self));
                poller.wakeup();
            });
            other.start();
            assertThat(poller.poll(Option.INFINITE)).isZero();
            other.join();

            other = new Thread(() -> {
                Await.until("the poll to block", WAIT, () -> isSelecting(self));
                self.interrupt();
            });
            other.start();
            assertThatThrownBy(() -> poller.poll(Option.INFINITE)).isInstanceOfSatisfying(ZmqException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.EINTR));
            assertThat(Thread.interrupted()).as("the flag stays set").isTrue();
            other.join();
            sink.write(ByteBuffer.wrap(new byte[] {7}));
            assertThat(poller.poll(WAIT)).as("still usable").isEqualTo(1);
            assertThat(poller.isReadable(source)).isTrue();
        }
    }

    /** A thread blocked in a selector shows as RUNNABLE; its stack tells where it is. */
    private static boolean isSelecting(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getMethodName().startsWith("doSelect") || frame.getMethodName().equals("poll")
                    && frame.getClassName().contains("EPoll")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void shouldThrowEtermUnderASelectingPoll() throws IOException, InterruptedException {
        Context own = Context.create();
        Socket pull = own.socket(SocketType.PULL);
        pull.bind(Transport.INPROC.bindable());
        Pipe pipe = Pipe.open();
        Thread self = Thread.currentThread();
        Thread closer = new Thread(() -> {
            Await.until("the poll to block", WAIT, () -> isSelecting(self));
            own.close();
        });
        Pipe.SourceChannel source = pipe.source();
        try (Poller poller = new Poller()) {
            source.configureBlocking(false);
            poller.register(source, Poller.IN);
            poller.register(pull, Poller.IN);
            closer.start();
            assertThatThrownBy(() -> poller.poll(Option.INFINITE)).isInstanceOfSatisfying(ZmqException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.ETERM));
        }
        closer.join();
        pull.close();
        source.close();
        pipe.sink().close();
    }

    @Test
    void shouldRefuseUseAfterClose() {
        Poller poller = new Poller();
        poller.close();
        poller.close();
        assertThatThrownBy(() -> poller.poll(Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }
}
