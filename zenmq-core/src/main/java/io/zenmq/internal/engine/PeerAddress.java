// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/** The peer's IP address as libzmq writes it in ZAP requests and the {@code Peer-Address} property. */
final class PeerAddress {
    private static final System.Logger LOG = System.getLogger(PeerAddress.class.getName());

    private PeerAddress() {
    }

    /**
     * Returns the remote IP of a connection.
     *
     * @param channel the connection
     * @return the IP as text without a port, or empty for ipc (no IP) or an unknown address
     */
    static String of(SocketChannel channel) {
        try {
            SocketAddress remote = channel.getRemoteAddress();
            // junixsocket's abstract-namespace addresses are InetSocketAddresses without an IP
            if (remote instanceof InetSocketAddress && ((InetSocketAddress) remote).getAddress() != null) {
                return ((InetSocketAddress) remote).getAddress().getHostAddress();
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "no peer address: " + e);
        }
        return "";
    }
}
