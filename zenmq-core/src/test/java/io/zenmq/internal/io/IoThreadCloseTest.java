// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link IoThread#completeCloses()}: a listening channel registered with the I/O thread's selector
 * and then closed is really closed once the call returns, within the same task, with no select in
 * between. The JDK alone keeps the socket open until the next select, which is why the listener
 * calls this before it reports CLOSED.
 */
class IoThreadCloseTest {
    private final Resolver resolver = new Resolver("test-resolver");
    private final IoThread io = new IoThread("test-io", resolver);
    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        io.stop(System.nanoTime());
        assertThat(io.join(10_000)).isTrue();
        resolver.close(10_000);
    }

    @Test
    void shouldReleaseAClosedTcpListenersPortAtOnce() throws Exception {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
        register(server);
        assertThat(onIoThread(() -> {
            server.close();
            io.completeCloses();
            try (ServerSocketChannel again = ServerSocketChannel.open()) {
                again.bind(address);
                return true;
            }
        })).as("the same port binds again in the task that closed it").isTrue();
    }

    @Test
    void shouldRefuseConnectionsToAClosedUnixDomainListenerAtOnce() throws Exception {
        Path path = dir.resolve("listener.ipc");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        register(server);
        assertThat(onIoThread(() -> {
            server.close();
            io.completeCloses();
            try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
                return !client.isConnected();
            } catch (IOException refused) {
                return true;
            }
        })).as("a connect in the task that closed the listener is refused").isTrue();
    }

    private void register(ServerSocketChannel server) throws Exception {
        server.configureBlocking(false);
        onIoThread(() -> {
            io.register(server, SelectionKey.OP_ACCEPT, new IoHandler() {
                @Override
                public void ready(SelectionKey key) {
                }

                @Override
                public void failed(Throwable error) {
                }
            });
            return true;
        });
    }

    private interface IoTask {
        boolean run() throws IOException;
    }

    private boolean onIoThread(IoTask task) throws Exception {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        io.post(() -> {
            try {
                result.complete(task.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }
}
