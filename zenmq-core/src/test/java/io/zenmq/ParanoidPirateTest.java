// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Paranoid Pirate queue and worker of the ZeroMQ guide on the public API alone (Poller and
 * Msg's envelope helpers), with a Lazy Pirate client: the worker that gets the first request dies
 * with it, the client retries, and the queue, which has dropped the silent worker from its list
 * (or learns to once its heartbeats stop), hands the retry to the other worker.
 */
@Timeout(30)
class ParanoidPirateTest extends ContextTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(100);
    /** Heartbeats a peer may miss before it counts as dead. */
    private static final int LIVENESS = 3;
    private static final byte[] READY = {1};
    private static final byte[] PING = {2};

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"INPROC", "TCP"})
    void shouldServeARetryFromAnotherWorkerWhenOneDies(Transport transport) {
        Socket frontend = ctx.socket(SocketType.ROUTER);
        String clients = frontend.bind(transport.bindable());
        Socket backend = ctx.socket(SocketType.ROUTER);
        String workers = backend.bind(transport.bindable());
        ProxyTest.spawn(() -> queue(frontend, backend));
        AtomicBoolean firstRequestKills = new AtomicBoolean(true);
        List<CompletableFuture<String>> ends = new ArrayList<>();
        for (String name : List.of("w1", "w2")) {
            Socket worker = ctx.socket(SocketType.DEALER);
            worker.set(SocketOptions.LINGER, Duration.ZERO);
            worker.connect(workers);
            ends.add(ProxyTest.spawn(() -> work(worker, name, firstRequestKills)));
        }
        try (LazyPirateClient client = new LazyPirateClient(ctx, clients, Duration.ofMillis(300), 10)) {
            Msg reply = client.request(Msg.of("job"));
            assertThat(reply).as("served after %d attempts", client.attempts()).isNotNull();
            assertThat(client.attempts()).isGreaterThanOrEqualTo(2);
            String servedBy = reply.string(0).substring("job@".length());
            assertThat(ends.get(servedBy.equals("w1") ? 1 : 0)).as("the other worker died").isCompleted();
            // a second request goes to the survivor at once
            assertThat(client.request(Msg.of("job")).string(0)).isEqualTo("job@" + servedBy);
        }
    }

    /** The queue: LRU of ready workers, heartbeats both ways, dead workers purged; until ETERM. */
    private static Void queue(Socket frontend, Socket backend) {
        List<Worker> ready = new ArrayList<>();
        long nextPing = System.nanoTime() + HEARTBEAT.toNanos();
        try (Poller poller = new Poller()) {
            poller.register(backend, Poller.IN);
            poller.register(frontend, Poller.IN);
            while (true) {
                // take client requests only while a worker is free
                poller.modify(frontend, ready.isEmpty() ? 0 : Poller.IN);
                poller.poll(Duration.ofNanos(Math.max(0, nextPing - System.nanoTime())));
                if (poller.isReadable(backend)) {
                    Msg msg = backend.recvMsg();
                    byte[] id = msg.pop();
                    ready.removeIf(w -> Arrays.equals(w.id, id));
                    ready.add(new Worker(id, System.nanoTime() + LIVENESS * HEARTBEAT.toNanos()));
                    if (!(msg.size() == 1 && (Arrays.equals(msg.first(), READY) || Arrays.equals(msg.first(), PING)))) {
                        frontend.send(msg);  // a reply: [client][][body]
                    }
                }
                if (poller.isReadable(frontend) && !ready.isEmpty()) {
                    Msg request = frontend.recvMsg();
                    backend.send(request.push(ready.remove(0).id));
                }
                if (System.nanoTime() - nextPing >= 0) {
                    for (Worker worker : ready) {
                        backend.send(Msg.of(worker.id, PING));
                    }
                    nextPing = System.nanoTime() + HEARTBEAT.toNanos();
                }
                long now = System.nanoTime();
                ready.removeIf(w -> now - w.expiry >= 0);
            }
        } catch (ZmqException e) {
            return null;  // the context closed: the test is over
        }
    }

    /** A worker the queue knows by routing id, dead after the expiry unless it speaks. */
    private record Worker(byte[] id, long expiry) {
    }

    /**
     * A worker: READY, then answers requests with {@code body@name} and heartbeats while idle. The
     * first worker to get a request dies with it (closes its socket without answering).
     *
     * @return the worker's name, once it died (the survivor runs until the context closes)
     */
    private static String work(Socket worker, String name, AtomicBoolean firstRequestKills) {
        try (Poller poller = new Poller()) {
            poller.register(worker, Poller.IN);
            worker.send(READY);
            long nextPing = System.nanoTime() + HEARTBEAT.toNanos();
            while (true) {
                if (poller.poll(Duration.ofNanos(Math.max(0, nextPing - System.nanoTime()))) > 0) {
                    Msg msg = worker.recvMsg();
                    if (msg.size() == 3) {  // [client][][body]
                        if (firstRequestKills.compareAndSet(true, false)) {
                            poller.unregister(worker);
                            worker.close();
                            return name;
                        }
                        byte[] client = msg.unwrap();
                        String body = new String(msg.pop(), StandardCharsets.UTF_8);
                        worker.send(Msg.of(body + "@" + name).wrap(client));
                    }
                }
                if (System.nanoTime() - nextPing >= 0) {
                    worker.send(PING);
                    nextPing = System.nanoTime() + HEARTBEAT.toNanos();
                }
            }
        } catch (ZmqException e) {
            return null;  // the context closed
        }
    }
}
