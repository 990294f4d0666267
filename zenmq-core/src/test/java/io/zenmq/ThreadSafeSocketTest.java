// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One thread-safe socket used by many threads at once: nothing lost, nothing twice. */
class ThreadSafeSocketTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PER_SENDER = 1_000;

    private static Thread platform(Runnable task) {
        Thread thread = new Thread(task, "hammer");
        thread.start();
        return thread;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void clientUsedByEightThreadsShouldGetEveryReplyOnce(Transport transport) throws InterruptedException {
        Socket server = ctx.socket(SocketType.SERVER);
        Socket client = ctx.socket(SocketType.CLIENT);
        client.connect(server.bind(transport.bindable()));
        SocketHammer hammer = new SocketHammer(ThreadSafeSocketTest::platform);
        Thread echo = hammer.echo(server, 4 * PER_SENDER);
        hammer.run(client, 4, 4, PER_SENDER);
        echo.join(WAIT.toMillis());
        assertThat(hammer.failures()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void channelUsedByEightThreadsShouldGetEveryReplyOnce(Transport transport) throws InterruptedException {
        Socket far = ctx.socket(SocketType.CHANNEL);
        Socket near = ctx.socket(SocketType.CHANNEL);
        near.connect(far.bind(transport.bindable()));
        SocketHammer hammer = new SocketHammer(ThreadSafeSocketTest::platform);
        Thread echo = hammer.echo(far, 4 * PER_SENDER);
        hammer.run(near, 4, 4, PER_SENDER);
        echo.join(WAIT.toMillis());
        assertThat(hammer.failures()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void serverUsedByEightThreadsShouldAnswerEveryRequestOnce(Transport transport) throws InterruptedException {
        Socket server = ctx.socket(SocketType.SERVER);
        String endpoint = server.bind(transport.bindable());
        int clients = 4;
        int perClient = 1_000;
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            workers.add(platform(() -> {
                try {
                    while (answered.get() < clients * perClient) {
                        Msg request = server.recvMsg(Duration.ofMillis(200));
                        if (request != null) {
                            server.send(Msg.of("re:" + request.string(0)).routingId(request.routingId()));
                            answered.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        List<Socket> sockets = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Socket client = ctx.socket(SocketType.CLIENT);
            client.connect(endpoint);
            sockets.add(client);
        }
        for (int i = 0; i < perClient; i++) {
            for (int c = 0; c < clients; c++) {
                sockets.get(c).send("c" + c + "-" + i);
            }
        }
        for (int c = 0; c < clients; c++) {
            Set<String> replies = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < perClient; i++) {
                String reply = sockets.get(c).recvString(WAIT);
                assertThat(reply).as("reply %d to client %d", i, c).isNotNull();
                assertThat(replies.add(reply)).as("%s twice", reply).isTrue();
            }
            for (int i = 0; i < perClient; i++) {
                assertThat(replies).contains("re:c" + c + "-" + i);
            }
        }
        for (Thread worker : workers) {
            worker.join(WAIT.toMillis());
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aPollerShouldWatchASocketOtherThreadsUse(Transport transport) throws InterruptedException {
        Socket gather = ctx.socket(SocketType.GATHER);
        Socket scatter = ctx.socket(SocketType.SCATTER);
        scatter.connect(gather.bind(transport.bindable()));
        int total = 8_000;
        Set<String> received = ConcurrentHashMap.newKeySet();
        Queue<String> duplicates = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        // three threads receive in blocking calls...
        for (int r = 0; r < 3; r++) {
            threads.add(platform(() -> {
                try {
                    while (!done.get()) {
                        byte[] frame = gather.recv(Duration.ofMillis(100));
                        if (frame != null && !received.add(new String(frame, StandardCharsets.UTF_8))) {
                            duplicates.add(new String(frame, StandardCharsets.UTF_8));
                        }
                        if (received.size() == total) {
                            done.set(true);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        // ...and one polls the same socket and takes what the poll reports, if still there
        threads.add(platform(() -> {
            try (Poller poller = new Poller()) {
                poller.register(gather, Poller.IN);
                while (!done.get()) {
                    if (poller.poll(Duration.ofMillis(100)) > 0) {
                        byte[] frame = gather.tryRecv();
                        if (frame != null && !received.add(new String(frame, StandardCharsets.UTF_8))) {
                            duplicates.add(new String(frame, StandardCharsets.UTF_8));
                        }
                        if (received.size() == total) {
                            done.set(true);
                        }
                    }
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        }));
        // four threads send on the SCATTER at once
        for (int s = 0; s < 4; s++) {
            String prefix = "s" + s + "-";
            threads.add(platform(() -> {
                try {
                    for (int i = 0; i < total / 4; i++) {
                        scatter.send(prefix + i);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(WAIT.toMillis() * 2);
        }
        assertThat(failures).isEmpty();
        assertThat(duplicates).isEmpty();
        assertThat(received).hasSize(total);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void radioAndDishUsedByEightThreadsShouldDeliverEveryMessageOnceInItsGroup(Transport transport)
            throws InterruptedException {
        Socket dish = ctx.socket(SocketType.DISH);
        Socket radio = ctx.socket(SocketType.RADIO).set(SocketOptions.XPUB_NODROP, true);
        radio.connect(dish.bind(transport.bindable()));
        dish.join("b").join("a");
        // the joins travel in order: once a message to "a" arrives, both reached the RADIO
        Msg probe;
        do {
            radio.send(new Msg().group("a").add("probe"));
            probe = dish.recvMsg(Duration.ofMillis(20));
        } while (probe == null);
        int total = 4_000;
        Set<String> received = ConcurrentHashMap.newKeySet();
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            threads.add(platform(() -> {
                try {
                    while (!done.get()) {
                        Msg msg = dish.recvMsg(Duration.ofMillis(100));
                        if (msg == null || msg.string(0).equals("probe")) {
                            continue;
                        }
                        String body = msg.string(0);
                        if (!body.startsWith(msg.group() + "-") || !received.add(body)) {
                            wrong.add(msg.group() + ":" + body);
                        }
                        if (received.size() == total) {
                            done.set(true);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (int s = 0; s < 4; s++) {
            String group = s % 2 == 0 ? "a" : "b";
            String prefix = group + "-" + s + "-";
            threads.add(platform(() -> {
                try {
                    for (int i = 0; i < total / 4; i++) {
                        radio.send(new Msg().group(group).add(prefix + i));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(WAIT.toMillis() * 2);
        }
        assertThat(failures).isEmpty();
        assertThat(wrong).isEmpty();
        assertThat(received).hasSize(total);
    }

    @Test
    void closeShouldWakeEveryBlockedThread() throws InterruptedException {
        Socket gather = ctx.socket(SocketType.GATHER);
        gather.bind("inproc://closing");
        Queue<ErrorCode> codes = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(platform(() -> {
                try {
                    gather.recv();
                } catch (ZmqException e) {
                    codes.add(e.code());
                }
            }));
        }
        for (Thread thread : threads) {
            io.zenmq.testing.Await.until("blocked", WAIT,
                    () -> thread.getState() == Thread.State.WAITING);
        }
        gather.close();
        for (Thread thread : threads) {
            thread.join(WAIT.toMillis());
        }
        assertThat(codes).hasSize(4).containsOnly(ErrorCode.ENOTSOCK);
    }

    @Test
    void optionsShouldBeSetAndReadWhileOtherThreadsBlock() throws InterruptedException {
        Socket client = ctx.socket(SocketType.CLIENT);
        client.bind("inproc://options");
        Queue<ErrorCode> codes = new ConcurrentLinkedQueue<>();
        Thread blocked = platform(() -> {
            try {
                client.recv(Duration.ofSeconds(5));
            } catch (ZmqException e) {
                codes.add(e.code());
            }
        });
        io.zenmq.testing.Await.until("blocked", WAIT,
                () -> blocked.getState() == Thread.State.TIMED_WAITING);
        client.set(SocketOptions.SNDHWM, 7);
        assertThat(client.get(SocketOptions.SNDHWM)).isEqualTo(7);
        assertThat(client.get(SocketOptions.EVENTS) & SocketOptions.POLLIN).isZero();
        client.close();
        blocked.join(WAIT.toMillis());
        assertThat(codes).containsExactly(ErrorCode.ENOTSOCK);
    }
}
