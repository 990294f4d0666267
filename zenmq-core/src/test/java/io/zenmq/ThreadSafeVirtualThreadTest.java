// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.lang.reflect.Method;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A thread-safe socket used by many virtual threads at once: their waits park with the socket's
 * lock released (a {@code ReentrantLock}, never {@code synchronized}), so they do not pin their
 * carriers. Virtual threads are created reflectively, as in {@link VirtualThreadTest}; on Java 17
 * the test is skipped and the {@code virtual-threads} profile runs it on Java 25.
 */
@Tag("virtual-threads")
class ThreadSafeVirtualThreadTest extends ContextTest {
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

    @ParameterizedTest
    @EnumSource(Transport.class)
    void clientUsedByManyVirtualThreadsShouldGetEveryReplyOnce(Transport transport) throws InterruptedException {
        assumeTrue(hasVirtualThreads(), "virtual threads need Java 21+; run by the virtual-threads profile");
        Socket server = ctx.socket(SocketType.SERVER);
        Socket client = ctx.socket(SocketType.CLIENT);
        client.connect(server.bind(transport.bindable()));
        SocketHammer hammer = new SocketHammer(ThreadSafeVirtualThreadTest::startVirtual);
        int senders = 50;
        int perSender = 100;
        Thread echo = hammer.echo(server, senders * perSender);
        hammer.run(client, senders, 50, perSender);
        echo.join(Duration.ofSeconds(30).toMillis());
        assertThat(hammer.failures()).isEmpty();
    }
}
