// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Engines borrow their I/O buffers only while they hold bytes, so idle connections cost no buffer memory. */
class IdleConnectionMemoryTest {
    private static final int CONNECTIONS = 200;
    /** ZMTP's signature, the first bytes every engine sends: once it is read, that engine is running. */
    private static final int SIGNATURE_LENGTH = 10;

    @Test
    void shouldHoldNoIoBuffersForIdleConnections() throws IOException {
        try (Context ctx = Context.create()) {
            Socket pull = ctx.socket(SocketType.PULL);
            pull.bind("tcp://127.0.0.1:*");
            URI endpoint = URI.create(pull.get(SocketOptions.LAST_ENDPOINT));
            InetSocketAddress address = new InetSocketAddress(endpoint.getHost(), endpoint.getPort());
            long before = directMemoryUsed();
            List<SocketChannel> peers = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    peers.add(SocketChannel.open(address));
                }
                for (SocketChannel peer : peers) {
                    readSignature(peer);
                }
                long grown = directMemoryUsed() - before;
                // two 64 KiB buffers per connection would be 25 MiB; the pool needs a few buffers in all
                assertThat(grown).isLessThan(8L * BufferPool.BUFFER_SIZE);
            } finally {
                for (SocketChannel peer : peers) {
                    peer.close();
                }
            }
        }
    }

    private static void readSignature(SocketChannel peer) throws IOException {
        ByteBuffer signature = ByteBuffer.allocate(SIGNATURE_LENGTH);
        while (signature.hasRemaining()) {
            if (peer.read(signature) < 0) {
                throw new IOException("closed before its signature");
            }
        }
    }

    private static long directMemoryUsed() {
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(pool.getName())) {
                return pool.getMemoryUsed();
            }
        }
        throw new IllegalStateException("no direct buffer pool");
    }
}
