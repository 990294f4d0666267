// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.internal.io.IoThread;
import java.nio.channels.SocketChannel;

/** Picks the engine for a connection from the socket type. */
final class Engines {
    private Engines() {
    }

    static Engine create(IoThread io, Session session, SocketChannel channel, ConnectionOptions options) {
        return new ZmtpEngine(io, session, channel, options);
    }
}
