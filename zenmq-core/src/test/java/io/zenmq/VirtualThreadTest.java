// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sockets used from virtual threads: waits park (no pinning), so hundreds of blocked virtual
 * threads make progress on a couple of carriers. The library is compiled for Java 17, so virtual
 * threads are created reflectively; on Java 17 the test is skipped, and the build runs it again
 * on the second JDK of the machines (Temurin 25, profile {@code virtual-threads} in the pom).
 */
@Tag("virtual-threads")
class VirtualThreadTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(20);



    private static Thread startVirtual(Runnable task) {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            // through the public interface Thread.Builder: its implementation class is not exported
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

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldServeManyBlockedVirtualThreads(Transport transport) throws InterruptedException {
        assumeTrue(hasVirtualThreads(), "virtual threads need Java 21+; run by the virtual-threads profile");
        int pairs = 200;
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            Socket rep = ctx.socket(SocketType.REP);
            String endpoint = rep.bind(transport.bindable());
            Socket req = ctx.socket(SocketType.REQ);
            req.connect(endpoint);
            int id = i;
            threads.add(startVirtual(() -> {
                for (int round = 0; round < 5; round++) {
                    rep.send(rep.recv());
                }
            }));
            threads.add(startVirtual(() -> {
                for (int round = 0; round < 5; round++) {
                    req.send("q" + id + "/" + round);
                    if (req.recvString(WAIT).equals("q" + id + "/" + round)) {
                        done.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).isFalse();
        }
        assertThat(done.get()).isEqualTo(pairs * 5);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldPollOnManyVirtualThreads(Transport transport) throws InterruptedException {
        assumeTrue(hasVirtualThreads(), "virtual threads need Java 21+; run by the virtual-threads profile");
        int pollers = 50;
        int rounds = 5;
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < pollers; i++) {
            Socket first = ctx.socket(SocketType.PULL);
            Socket second = ctx.socket(SocketType.PULL);
            Socket toFirst = ctx.socket(SocketType.PUSH);
            Socket toSecond = ctx.socket(SocketType.PUSH);
            toFirst.connect(first.bind(transport.bindable()));
            toSecond.connect(second.bind(transport.bindable()));
            threads.add(startVirtual(() -> {
                try (Poller poller = new Poller()) {
                    poller.register(first, Poller.IN);
                    poller.register(second, Poller.IN);
                    int received = 0;
                    while (received < 2 * rounds && poller.poll(WAIT) > 0) {
                        for (Poller.Item item : poller.ready()) {
                            item.socket().recv();
                            received++;
                        }
                    }
                    if (received == 2 * rounds) {
                        done.incrementAndGet();
                    }
                }
            }));
            threads.add(startVirtual(() -> {
                for (int round = 0; round < rounds; round++) {
                    toFirst.send("a" + round);
                    toSecond.send("b" + round);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).isFalse();
        }
        assertThat(done.get()).isEqualTo(pollers);
    }
}
