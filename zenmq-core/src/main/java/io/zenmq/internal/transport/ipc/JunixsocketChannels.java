// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.transport.ipc;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;
import org.newsclub.net.unix.AFSocket;
import org.newsclub.net.unix.AFSocketCapability;
import org.newsclub.net.unix.AFUNIXSelectorProvider;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * The only class that names junixsocket types. Loading it fails with a {@link LinkageError} when
 * junixsocket is absent, which {@link AbstractNamespace} turns into a clear error; its signatures
 * use JDK types only, so {@link AbstractNamespace} itself always loads. Any thread.
 */
final class JunixsocketChannels {
    private JunixsocketChannels() {
    }

    /** Loads the native library; returns why abstract names cannot work here, or null if they can. */
    static String problem() {
        try {
            AFSocket.ensureSupported();
        } catch (UnsupportedOperationException e) {
            return "junixsocket's native library did not load (" + AbstractNamespace.describe(e) + "); on the module"
                    + " path add --add-modules " + AbstractNamespace.MODULES + ", and where the temporary directory"
                    + " forbids executables set -Dorg.newsclub.net.unix.library.tmpdir";
        }
        if (!AFSocket.supports(AFSocketCapability.CAPABILITY_ABSTRACT_NAMESPACE)) {
            return "this system has no abstract Unix-domain namespace (Linux only)";
        }
        return null;
    }

    static SocketAddress address(String name) throws IOException {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] address = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, address, 1, utf8.length);
        return AFUNIXSocketAddress.of(address);
    }

    static SocketChannel openChannel() throws IOException {
        return new SocketChannelAdapter(AFUNIXSocketChannel.open());
    }

    static ServerSocketChannel openServerChannel() throws IOException {
        return new ServerSocketChannelAdapter(AFUNIXServerSocketChannel.open());
    }

    static SelectorProvider selectorProvider() {
        return AFUNIXSelectorProvider.provider();
    }
}
