// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Uses one thread-safe socket from many threads at once: half of them send distinct messages, the
 * other half receive what an echoing peer sends back, until every message came back; then the
 * socket is closed under the receivers' feet. Checks that each message came back exactly once.
 */
final class SocketHammer {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Function<Runnable, Thread> threads;
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final Queue<String> duplicates = new ConcurrentLinkedQueue<>();

    /** @param threads starts a thread (platform or virtual) running a task */
    SocketHammer(Function<Runnable, Thread> threads) {
        this.threads = threads;
    }

    /**
     * Hammers a socket whose peer echoes every message back.
     *
     * @param socket the thread-safe socket under test; closed at the end
     * @param senders how many threads send
     * @param receivers how many threads receive
     * @param perSender messages per sending thread
     */
    void run(Socket socket, int senders, int receivers, int perSender) throws InterruptedException {
        int total = senders * perSender;
        CountDownLatch allBack = new CountDownLatch(total);
        List<Thread> started = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            String prefix = "s" + s + "-";
            started.add(start(() -> {
                for (int i = 0; i < perSender; i++) {
                    socket.send(prefix + i);
                }
            }));
        }
        List<Thread> receiving = new ArrayList<>();
        for (int r = 0; r < receivers; r++) {
            receiving.add(start(() -> {
                while (true) {
                    byte[] frame;
                    try {
                        frame = socket.recv();
                    } catch (ZmqException e) {
                        if (e.code() == ErrorCode.ENOTSOCK) {
                            return; // closed once everything came back
                        }
                        throw e;
                    }
                    String text = new String(frame, java.nio.charset.StandardCharsets.UTF_8);
                    if (!received.add(text)) {
                        duplicates.add(text);
                    }
                    allBack.countDown();
                }
            }));
        }
        boolean complete = allBack.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        for (Thread thread : started) {
            thread.join(WAIT.toMillis());
        }
        socket.close();
        for (Thread thread : receiving) {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("a receiver still blocked after close").isFalse();
        }
        assertThat(failures).isEmpty();
        assertThat(complete).as("all %d messages back, got %d", total, received.size()).isTrue();
        assertThat(duplicates).isEmpty();
        assertThat(received).hasSize(total);
        for (int s = 0; s < senders; s++) {
            for (int i = 0; i < perSender; i++) {
                assertThat(received).contains("s" + s + "-" + i);
            }
        }
    }

    /**
     * Starts a thread that echoes a fixed number of messages on the peer socket.
     *
     * @param peer the socket at the other end (a SERVER or PEER replies by routing id)
     * @param count how many messages to echo
     * @return the thread
     */
    Thread echo(Socket peer, int count) {
        return start(() -> {
            for (int i = 0; i < count; i++) {
                Msg msg = peer.recvMsg(WAIT);
                assertThat(msg).as("echo %d of %d", i, count).isNotNull();
                peer.send(msg);
            }
        });
    }

    /** @return what the threads threw, for a check after they ended */
    Queue<Throwable> failures() {
        return failures;
    }

    private Thread start(Runnable task) {
        return threads.apply(() -> {
            try {
                task.run();
            } catch (Throwable e) {
                failures.add(e);
            }
        });
    }
}
