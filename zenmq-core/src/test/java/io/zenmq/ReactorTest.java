// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zenmq.testing.Await;
import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link Reactor} with real sockets over every transport: handlers and timers on one thread,
 * the ways the loop ends, and registrations changed from inside handlers. No sleeps: the loop's
 * own timers and latches pace every test.
 */
class ReactorTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldEchoAndStopFromAHandler(Transport transport) {
        Socket rep = ctx.socket(SocketType.REP);
        Socket req = ctx.socket(SocketType.REQ);
        req.connect(rep.bind(transport.bindable()));
        List<String> replies = new ArrayList<>();
        try (Reactor reactor = new Reactor()) {
            reactor.register(rep, Poller.IN, item -> rep.send(rep.recvMsg()));
            reactor.register(req, Poller.IN, item -> {
                replies.add(req.recvString());
                if (replies.size() == 100) {
                    reactor.stop();
                } else {
                    req.send("request " + replies.size());
                }
            });
            req.send("request 0");
            reactor.run();
        }
        assertThat(replies).hasSize(100).startsWith("request 0", "request 1").endsWith("request 99");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldInterleaveTimersAndSockets(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(transport.bindable()));
        List<String> log = new ArrayList<>();
        try (Reactor reactor = new Reactor()) {
            Timers.Timer sender = reactor.timers().once(Duration.ofMillis(1), timer -> {
                log.add("tick");
                push.send("message");
            });
            reactor.register(pull, Poller.IN, item -> {
                log.add(pull.recvString());
                if (log.size() == 10) {
                    reactor.stop();
                } else {
                    sender.reset();
                }
            });
            reactor.run();
        }
        assertThat(log).containsExactly("tick", "message", "tick", "message", "tick", "message", "tick", "message",
                "tick", "message");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldStopFromAnotherThread(Transport transport) throws InterruptedException {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(transport.bindable());
        CountDownLatch looping = new CountDownLatch(1);
        Reactor reactor = new Reactor();
        reactor.register(pull, Poller.IN, item -> pull.recv());
        reactor.timers().once(Duration.ZERO, timer -> looping.countDown());
        LoopThread loop = LoopThread.start(reactor);

        assertThat(looping.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        Await.until("the loop to wait", WAIT, () -> loop.thread.getState() == Thread.State.WAITING);
        reactor.stop();

        assertThat(loop.end()).isNull();
        reactor.close();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldNeverFireATimerCancelledFromASocketHandler(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(transport.bindable()));
        int[] sent = {0};
        int[] sentAtCancel = {-1};
        int[] received = {0};
        try (Reactor reactor = new Reactor()) {
            Timers.Timer sender = reactor.timers().add(Duration.ofMillis(1), timer -> {
                sent[0]++;
                push.send("tick");
            });
            reactor.register(pull, Poller.IN, item -> {
                pull.recv();
                if (++received[0] == 3) {
                    sender.cancel();
                    sentAtCancel[0] = sent[0];
                    reactor.timers().once(Duration.ofMillis(30), timer -> reactor.stop());
                }
            });
            reactor.run();
            assertThat(sender.isActive()).isFalse();
        }
        assertThat(sent[0]).as("nothing sent in the 30 ms after the cancel").isEqualTo(sentAtCancel[0]);
    }

    @Test
    void shouldHonourAStopThatCameBeforeRun() {
        try (Reactor reactor = new Reactor()) {
            reactor.timers().add(Duration.ZERO, timer -> {
                throw new AssertionError("no handler runs after a stop");
            });
            reactor.stop();
            reactor.run();
            assertThat(reactor.timers().size()).isEqualTo(1);
        }
    }

    @Test
    void shouldRunNoOtherHandlerOfThePassAfterAStop() {
        List<String> ran = new ArrayList<>();
        try (Reactor reactor = new Reactor()) {
            reactor.timers().once(Duration.ZERO, timer -> {
                ran.add("first");
                reactor.stop();
            });
            reactor.timers().once(Duration.ZERO, timer -> ran.add("second"));
            reactor.run();
            assertThat(ran).containsExactly("first");
            reactor.timers().once(Duration.ZERO, timer -> reactor.stop());
            reactor.run();
        }
        assertThat(ran).as("the timer left due runs at the next run()").containsExactly("first", "second");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldNotCallASocketRemovedInsideItsHandler(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(transport.bindable()));
        push.send("one");
        push.send("two");
        List<String> received = new ArrayList<>();
        int[] passes = {0};
        try (Reactor reactor = new Reactor()) {
            reactor.register(pull, Poller.IN, item -> {
                received.add(pull.recvString());
                reactor.unregister(pull);
                reactor.timers().add(Duration.ZERO, timer -> {
                    if (++passes[0] == 5) {
                        reactor.stop();
                    }
                });
            });
            reactor.run();
        }
        assertThat(received).containsExactly("one");
        assertThat(pull.recvString(WAIT)).as("left unread, never handled again").isEqualTo("two");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldSkipASocketAnEarlierHandlerOfThePassRemoved(Transport transport) {
        Socket first = ctx.socket(SocketType.PULL);
        Socket second = ctx.socket(SocketType.PULL);
        Socket toFirst = ctx.socket(SocketType.PUSH);
        Socket toSecond = ctx.socket(SocketType.PUSH);
        toFirst.connect(first.bind(transport.bindable()));
        toSecond.connect(second.bind(transport.bindable()));
        toFirst.send("a");
        toSecond.send("b");
        List<String> handled = new ArrayList<>();
        try (Poller probe = new Poller()) {
            probe.register(first, Poller.IN);
            probe.register(second, Poller.IN);
            Await.until("both messages to arrive", WAIT, () -> probe.poll(Duration.ZERO) == 2);
        }
        try (Reactor reactor = new Reactor()) {
            reactor.register(first, Poller.IN, item -> {
                handled.add(first.recvString());
                reactor.unregister(second);
                reactor.stop();
            });
            reactor.register(second, Poller.IN, item -> {
                handled.add(second.recvString());
                reactor.unregister(first);
                reactor.stop();
            });
            reactor.run();
        }
        assertThat(handled).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldAddASocketFromAHandler(Transport transport) {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(transport.bindable()));
        List<String> received = new ArrayList<>();
        try (Reactor reactor = new Reactor()) {
            reactor.timers().once(Duration.ZERO, timer -> {
                reactor.register(pull, Poller.IN, item -> {
                    received.add(pull.recvString());
                    reactor.stop();
                });
                push.send("late");
            });
            reactor.run();
        }
        assertThat(received).containsExactly("late");
    }

    @Test
    void shouldPropagateAHandlersExceptionAndStayUsable() {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(Transport.INPROC.bindable()));
        try (Reactor reactor = new Reactor()) {
            reactor.register(pull, Poller.IN, item -> {
                if (pull.recvString().equals("fail")) {
                    throw new IllegalStateException("handler failed");
                }
                reactor.stop();
            });
            push.send("fail");
            assertThatThrownBy(reactor::run).isInstanceOf(IllegalStateException.class).hasMessage("handler failed");
            push.send("fine");
            reactor.run();
        }
    }

    @Test
    void shouldRefuseToRunInsideItsOwnHandler() {
        try (Reactor reactor = new Reactor()) {
            reactor.timers().once(Duration.ZERO, timer -> reactor.run());
            assertThatThrownBy(reactor::run).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void shouldThrowEtermWhenTheContextIsClosedUnderTheLoop() throws InterruptedException {
        Context own = Context.create();
        Socket pull = own.socket(SocketType.PULL);
        pull.bind(Transport.TCP.bindable());
        CountDownLatch looping = new CountDownLatch(1);
        Reactor reactor = new Reactor();
        reactor.register(pull, Poller.IN, item -> pull.recv());
        reactor.timers().once(Duration.ZERO, timer -> looping.countDown());
        LoopThread loop = LoopThread.start(reactor);

        assertThat(looping.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        Await.until("the loop to wait", WAIT, () -> loop.thread.getState() == Thread.State.WAITING);
        own.close();

        assertThat(loop.end()).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ETERM));
        reactor.close();
        pull.close();
    }

    @Test
    void shouldThrowEintrWhenInterruptedAndRunAgain() {
        Socket pull = ctx.socket(SocketType.PULL);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(pull.bind(Transport.INPROC.bindable()));
        Thread self = Thread.currentThread();
        try (Reactor reactor = new Reactor()) {
            reactor.register(pull, Poller.IN, item -> {
                pull.recv();
                reactor.stop();
            });
            Thread interrupter = new Thread(() -> {
                Await.until("the loop to wait", WAIT, () -> self.getState() == Thread.State.WAITING);
                self.interrupt();
            });
            interrupter.start();
            assertThatThrownBy(reactor::run).isInstanceOfSatisfying(ZmqException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.EINTR));
            assertThat(Thread.interrupted()).as("the flag stays set").isTrue();
            push.send("after");
            reactor.run();
        }
    }

    @Test
    void shouldServeAJdkChannel() throws IOException {
        Pipe pipe = Pipe.open();
        try (Pipe.SourceChannel source = pipe.source(); Pipe.SinkChannel sink = pipe.sink();
             Reactor reactor = new Reactor()) {
            source.configureBlocking(false);
            ByteBuffer buffer = ByteBuffer.allocate(16);
            reactor.register(source, Poller.IN, item -> {
                try {
                    source.read(buffer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                reactor.stop();
            });
            reactor.timers().once(Duration.ofMillis(1), timer -> {
                try {
                    sink.write(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            reactor.run();
            assertThat(new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8)).isEqualTo("ping");
        }
    }

    @Test
    void shouldRunTimersWithoutAnySocket() {
        int[] ticks = {0};
        long start = System.nanoTime();
        try (Reactor reactor = new Reactor()) {
            reactor.timers().add(Duration.ofMillis(2), timer -> {
                if (++ticks[0] == 5) {
                    reactor.stop();
                }
            });
            reactor.run();
        }
        assertThat(ticks[0]).isEqualTo(5);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(10).toNanos());
    }

    @Tag("virtual-threads")
    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldRunOnAVirtualThread(Transport transport) throws InterruptedException {
        assumeTrue(hasVirtualThreads(), "virtual threads need Java 21+; run by the virtual-threads profile");
        Socket rep = ctx.socket(SocketType.REP);
        Socket req = ctx.socket(SocketType.REQ);
        req.connect(rep.bind(transport.bindable()));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Reactor reactor = new Reactor();
        reactor.register(rep, Poller.IN, item -> rep.send(rep.recvMsg()));
        Thread loop = startVirtual(() -> {
            try {
                reactor.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        for (int i = 0; i < 20; i++) {
            req.send("hello " + i);
            assertThat(req.recvString(WAIT)).isEqualTo("hello " + i);
        }
        reactor.stop();
        loop.join(WAIT.toMillis());
        assertThat(loop.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        reactor.close();
    }

    private static Thread startVirtual(Runnable task) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Method start = Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
            return (Thread) start.invoke(builder, task);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot start a virtual thread", e);
        }
    }

    private static boolean hasVirtualThreads() {
        try {
            Thread.class.getMethod("ofVirtual");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** A reactor's loop on a thread of its own, and how it ended. */
    private static final class LoopThread {
        final Thread thread;
        final AtomicReference<Throwable> outcome = new AtomicReference<>();

        private LoopThread(Reactor reactor) {
            thread = new Thread(() -> {
                try {
                    reactor.run();
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "reactor-loop");
        }

        static LoopThread start(Reactor reactor) {
            LoopThread loop = new LoopThread(reactor);
            loop.thread.start();
            return loop;
        }

        /** Waits for the loop to return; the exception that ended it, or null if it returned. */
        Throwable end() throws InterruptedException {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("the loop returned").isFalse();
            return outcome.get();
        }
    }
}
