// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.SocketType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import io.zenmq.testing.LogCapture;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelSetupTest {
    private static ConnectionOptions options(ConnectionOptions.Keepalive keepalive) {
        return options(keepalive, -1);
    }

    private static ConnectionOptions options(ConnectionOptions.Keepalive keepalive, int sendBuffer) {
        return new ConnectionOptions(SocketType.PUSH, 1000, 1000, new byte[0], -1, 0, 0, 0, 0, sendBuffer, -1,
                false, false, true, ConnectionOptions.Heartbeat.OFF, keepalive, false,
                io.zenmq.internal.mechanism.SecurityConfig.NULL);
    }

    @Test
    void shouldGiveIpcConnectionsALargerSendBufferUnlessSndbufIsSet(@TempDir Path dir) throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(dir.resolve("s.ipc")));
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                 SocketChannel accepted = server.accept()) {
                int systemDefault = client.getOption(StandardSocketOptions.SO_SNDBUF);
                ChannelSetup.configure(client, options(ConnectionOptions.Keepalive.DEFAULT), false);
                // the kernel caps the request at net.core.wmem_max and doubles it
                assertThat(client.getOption(StandardSocketOptions.SO_SNDBUF)).isGreaterThan(systemDefault);

                ChannelSetup.configure(accepted, options(ConnectionOptions.Keepalive.DEFAULT, 8192), false);
                assertThat(accepted.getOption(StandardSocketOptions.SO_SNDBUF))
                        .as("the user's SNDBUF, doubled by Linux").isBetween(8192, 2 * 8192);
            }
        }
    }

    @Test
    void shouldLeaveTcpSendBuffersToTheSystemUnlessSndbufIsSet() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress())) {
                int systemDefault = client.getOption(StandardSocketOptions.SO_SNDBUF);
                ChannelSetup.configure(client, options(ConnectionOptions.Keepalive.DEFAULT), true);
                assertThat(client.getOption(StandardSocketOptions.SO_SNDBUF)).isEqualTo(systemDefault);
            }
        }
    }

    @Test
    void shouldApplyNoDelayAndKeepaliveToTcpChannels() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                 SocketChannel accepted = server.accept()) {
                ChannelSetup.configure(client, options(new ConnectionOptions.Keepalive(1, 3, 10, 5)), true);
                assertThat(client.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
                assertThat(client.getOption(StandardSocketOptions.SO_KEEPALIVE)).isTrue();
                assertThat(client.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT)).isEqualTo(3);
                assertThat(client.getOption(ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(10);
                assertThat(client.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(5);
                boolean before = accepted.getOption(StandardSocketOptions.SO_KEEPALIVE);
                ChannelSetup.configure(accepted, options(ConnectionOptions.Keepalive.DEFAULT), true);
                assertThat(accepted.getOption(StandardSocketOptions.SO_KEEPALIVE)).isEqualTo(before);
            }
        }
    }

    @Test
    void shouldWarnAndGoOnWhereAKeepaliveOptionIsMissing() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                 LogCapture log = new LogCapture(ChannelSetup.class)) {
                // null stands for a runtime without jdk.net (see KeepaliveOptions)
                ChannelSetup.setIfSupported(client, null, "TCP_KEEPIDLE", 10);
                ChannelSetup.setIfSupported(client, null, "TCP_KEEPIDLE", -1);

                assertThat(log.at(java.util.logging.Level.WARNING)).singleElement()
                        .satisfies(r -> assertThat(r.getMessage()).contains("TCP_KEEPIDLE is not supported here"));
                assertThat(KeepaliveOptions.IDLE).as("this JDK has jdk.net").isEqualTo(ExtendedSocketOptions.TCP_KEEPIDLE);
            }
        }
    }
}
