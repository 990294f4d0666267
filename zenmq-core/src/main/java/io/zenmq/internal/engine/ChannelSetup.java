// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import java.io.IOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;

/**
 * Applies the socket options of a connection to its channel, the same way for connected and
 * accepted channels: TCP_NODELAY on tcp (as libzmq), kernel buffer sizes, TCP keepalive.
 */
final class ChannelSetup {
    private static final System.Logger LOG = System.getLogger(ChannelSetup.class.getName());

    private ChannelSetup() {
    }

    /**
     * Configures a fresh channel. I/O thread.
     *
     * @param channel the connection
     * @param options the socket's options
     * @param tcp whether it is a tcp (not a Unix domain) connection
     * @throws IOException if the channel refuses an option
     */
    static void configure(SocketChannel channel, ConnectionOptions options, boolean tcp) throws IOException {
        if (options.sendBuffer() >= 0) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, Math.max(1, options.sendBuffer()));
        }
        if (options.receiveBuffer() >= 0) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, Math.max(1, options.receiveBuffer()));
        }
        if (!tcp) {
            return;
        }
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        ConnectionOptions.Keepalive keepalive = options.keepalive();
        if (keepalive.enabled() >= 0) {
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, keepalive.enabled() == 1);
        }
        setIfSupported(channel, KeepaliveOptions.COUNT, "TCP_KEEPCOUNT", keepalive.count());
        setIfSupported(channel, KeepaliveOptions.IDLE, "TCP_KEEPIDLE", keepalive.idleSeconds());
        setIfSupported(channel, KeepaliveOptions.INTERVAL, "TCP_KEEPINTERVAL", keepalive.intervalSeconds());
    }

    /**
     * Sets an option if the channel has it; otherwise (the platform lacks it, or {@code option} is
     * null because the runtime has no jdk.net module) logs a warning and goes on, as libzmq does
     * where the OS lacks a keepalive option.
     */
    static void setIfSupported(SocketChannel channel, SocketOption<Integer> option, String name, int value)
            throws IOException {
        if (value < 0) {
            return;
        }
        if (option != null && channel.supportedOptions().contains(option)) {
            channel.setOption(option, value);
        } else {
            LOG.log(System.Logger.Level.WARNING, () -> name + " is not supported here; ignored");
        }
    }
}
