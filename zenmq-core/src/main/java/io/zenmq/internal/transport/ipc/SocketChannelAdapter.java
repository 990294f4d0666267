// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.transport.ipc;

import io.zenmq.internal.io.WrappingChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * A junixsocket connection that reads as a JDK {@link SocketChannel} does, for the engines.
 *
 * <p>junixsocket 2.10.1's non-blocking {@code read} returns 0 at end of stream, where the JDK
 * returns -1, so an engine would never see its peer go. This adapter passes every call through
 * and, when a non-blocking read finds nothing, asks the socket's input stream (which does tell
 * the two apart) for one byte: -1 becomes the channel's end of stream, and a byte that arrived
 * in between is handed over. That costs one extra system call per drained read. Selectors
 * register the junixsocket channel itself ({@link WrappingChannel}). Owned by one I/O thread,
 * like any connection.
 */
final class SocketChannelAdapter extends SocketChannel implements WrappingChannel {
    private final SocketChannel channel;
    private final byte[] probe = new byte[1];
    private InputStream stream;

    SocketChannelAdapter(SocketChannel channel) {
        super(channel.provider());
        this.channel = channel;
    }

    @Override
    public SelectableChannel wrapped() {
        return channel;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = channel.read(dst);
        if (n != 0 || !dst.hasRemaining() || isBlocking()) {
            return n;
        }
        return probe(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long n = channel.read(dsts, offset, length);
        if (n != 0 || isBlocking()) {
            return n;
        }
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].hasRemaining()) {
                return probe(dsts[i]);
            }
        }
        return 0;
    }

    /** Tells "nothing yet" (0) from end of stream (-1); a byte that just arrived goes to dst. */
    private int probe(ByteBuffer dst) throws IOException {
        if (stream == null) {
            stream = channel.socket().getInputStream();
        }
        int n = stream.read(probe, 0, 1);
        if (n <= 0) {
            return n < 0 ? -1 : 0;
        }
        dst.put(probe[0]);
        return 1;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return channel.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return channel.write(srcs, offset, length);
    }

    @Override
    public SocketChannel bind(SocketAddress local) throws IOException {
        channel.bind(local);
        return this;
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) throws IOException {
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
    public SocketChannel shutdownInput() throws IOException {
        channel.shutdownInput();
        return this;
    }

    @Override
    public SocketChannel shutdownOutput() throws IOException {
        channel.shutdownOutput();
        return this;
    }

    @Override
    public Socket socket() {
        return channel.socket();
    }

    @Override
    public boolean isConnected() {
        return channel.isConnected();
    }

    @Override
    public boolean isConnectionPending() {
        return channel.isConnectionPending();
    }

    @Override
    public boolean connect(SocketAddress remote) throws IOException {
        return channel.connect(remote);
    }

    @Override
    public boolean finishConnect() throws IOException {
        return channel.finishConnect();
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        return channel.getRemoteAddress();
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
        return "SocketChannelAdapter[" + channel + "]";
    }
}
