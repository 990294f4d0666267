// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A ROUTER/DEALER broker written with the public API alone, every part driven by a
 * {@link Reactor}: REQ clients → ROUTER frontend → broker → DEALER backend → REP workers, and the
 * replies back the same way. The broker, worker and client methods are the user guide's example
 * ({@code docs/guide/reactor.md}), copied there exactly.
 */
class ReactorBrokerTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CLIENTS = 5;
    private static final int WORKERS = 3;
    private static final int REQUESTS = 50;

    /** The broker: whole messages (envelope included) from clients to workers and back. */
    static void broker(Reactor reactor, Socket frontend, Socket backend) {
        reactor.register(frontend, Poller.IN, item -> backend.send(frontend.recvMsg()));
        reactor.register(backend, Poller.IN, item -> frontend.send(backend.recvMsg()));
        reactor.run();   // until reactor.stop(), or ETERM when the context closes
    }

    /** Workers: each REP answers every request it gets, on the reactor's thread. */
    static void workers(Reactor reactor, List<Socket> workers) {
        for (int i = 0; i < workers.size(); i++) {
            Socket worker = workers.get(i);
            String name = "worker " + i;
            reactor.register(worker, Poller.IN, item -> worker.send(worker.recvString() + " done by " + name));
        }
        reactor.run();
    }

    /** Clients: each REQ sends its next request when the reply to the last one arrives. */
    static Map<Socket, List<String>> clients(Reactor reactor, List<Socket> clients, int requests) {
        Map<Socket, List<String>> replies = new HashMap<>();
        int[] outstanding = {clients.size()};
        for (Socket client : clients) {
            List<String> mine = new ArrayList<>();
            replies.put(client, mine);
            reactor.register(client, Poller.IN, item -> {
                mine.add(client.recvString());
                if (mine.size() < requests) {
                    client.send("request " + mine.size());
                } else if (--outstanding[0] == 0) {
                    reactor.stop();
                }
            });
            client.send("request 0");
        }
        reactor.timers().once(Duration.ofSeconds(20), timer -> {
            throw new IllegalStateException("no reply within 20 s: " + replies);   // ends run() with it
        });
        reactor.run();
        return replies;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldRouteEveryRequestToAWorkerAndEveryReplyBack(Transport transport) throws InterruptedException {
        Socket frontend = ctx.socket(SocketType.ROUTER);
        Socket backend = ctx.socket(SocketType.DEALER);
        String clientEndpoint = frontend.bind(transport.bindable());
        String workerEndpoint = backend.bind(transport.bindable());
        List<Socket> workerSockets = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            Socket worker = ctx.socket(SocketType.REP);
            worker.connect(workerEndpoint);
            workerSockets.add(worker);
        }
        List<Socket> clientSockets = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Socket client = ctx.socket(SocketType.REQ);
            client.connect(clientEndpoint);
            clientSockets.add(client);
        }
        Reactor brokerLoop = new Reactor();
        Reactor workerLoop = new Reactor();
        Loop brokerThread = Loop.start("broker", () -> broker(brokerLoop, frontend, backend));
        Loop workerThread = Loop.start("workers", () -> workers(workerLoop, workerSockets));

        Map<Socket, List<String>> replies;
        try (Reactor clientLoop = new Reactor()) {
            replies = clients(clientLoop, clientSockets, REQUESTS);
        } finally {
            brokerLoop.stop();
            workerLoop.stop();
            brokerThread.join();
            workerThread.join();
        }

        assertThat(replies).hasSize(CLIENTS);
        for (List<String> mine : replies.values()) {
            assertThat(mine).hasSize(REQUESTS);
            for (int i = 0; i < REQUESTS; i++) {
                assertThat(mine.get(i)).matches("request " + i + " done by worker [0-" + (WORKERS - 1) + "]");
            }
        }
        brokerLoop.close();
        workerLoop.close();
    }

    /** A loop on a thread of its own; {@link #join()} fails the test if it ended with an exception. */
    private static final class Loop {
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Loop(String name, Runnable body) {
            thread = new Thread(() -> {
                try {
                    body.run();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, name);
        }

        static Loop start(String name, Runnable body) {
            Loop loop = new Loop(name, body);
            loop.thread.start();
            return loop;
        }

        void join() throws InterruptedException {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as(thread.getName() + " returned").isFalse();
            assertThat(failure.get()).as(thread.getName() + " failed").isNull();
        }
    }
}
