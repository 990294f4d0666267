// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.transport.ipc;

import io.zenmq.internal.io.WrappingChannel;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * A junixsocket listening channel whose accepted connections come as
 * {@link SocketChannelAdapter}s, so that a listener needs no junixsocket knowledge. Every other
 * call passes through; selectors register the junixsocket channel itself. Bound on the
 * application thread, then owned by one I/O thread.
 */
final class ServerSocketChannelAdapter extends ServerSocketChannel implements WrappingChannel {
    private final ServerSocketChannel channel;

    ServerSocketChannelAdapter(ServerSocketChannel channel) {
        super(channel.provider());
        this.channel = channel;
    }

    @Override
    public SelectableChannel wrapped() {
        return channel;
    }

    @Override
    public SocketChannel accept() throws IOException {
        SocketChannel accepted = channel.accept();
        return accepted == null ? null : new SocketChannelAdapter(accepted);
    }

    @Override
    public ServerSocketChannel bind(SocketAddress local, int backlog) throws IOException {
        channel.bind(local, backlog);
        return this;
    }

    @Override
    public <T> ServerSocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        channel.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return channel.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return channel.supportedOptions();
    }

    @Override
    public ServerSocket socket() {
        return channel.socket();
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        return channel.getLocalAddress();
    }

    @Override
    protected void implCloseSelectableChannel() throws IOException {
        channel.close();
    }

    @Override
    protected void implConfigureBlocking(boolean block) throws IOException {
        channel.configureBlocking(block);
    }

    @Override
    public String toString() {
        return "ServerSocketChannelAdapter[" + channel + "]";
    }
}
