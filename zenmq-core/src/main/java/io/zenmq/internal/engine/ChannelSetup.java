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
    /**
     * The send buffer an ipc connection asks for when SNDBUF is left to the system. A Unix-domain
     * stream holds at most its sender's send buffer in flight (212 992 bytes by default, never
     * grown), while loopback tcp grows its buffers to megabytes: with the default, a 16-byte
     * stream filled it within a few milliseconds, so both sides stopped and woke far more often
     * than over tcp (docs/bench/2026-12-07-16b-cells.md). The kernel caps the request at
     * {@code net.core.wmem_max} and doubles it.
     */
    static final int IPC_SEND_BUFFER = 1024 * 1024;

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
        } else if (!tcp && channel.supportedOptions().contains(StandardSocketOptions.SO_SNDBUF)) {
            channel.setOption(StandardSocketOptions.SO_SNDBUF, IPC_SEND_BUFFER);
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
