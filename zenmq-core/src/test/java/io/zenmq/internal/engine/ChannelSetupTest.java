// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.SocketType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import io.zenmq.testing.LogCapture;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;

class ChannelSetupTest {
    private static ConnectionOptions options(ConnectionOptions.Keepalive keepalive) {
        return new ConnectionOptions(SocketType.PUSH, 1000, 1000, new byte[0], -1, 0, 0, 0, 0, -1, -1,
                false, false, true, ConnectionOptions.Heartbeat.OFF, keepalive, false,
                io.zenmq.internal.mechanism.SecurityConfig.NULL);
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
