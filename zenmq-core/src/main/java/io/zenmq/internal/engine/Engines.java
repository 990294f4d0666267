// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.SocketType;
import io.zenmq.internal.io.IoThread;
import java.nio.channels.SocketChannel;

/** Picks the engine for a connection from the socket type: raw bytes for STREAM, else ZMTP. */
final class Engines {
    private Engines() {
    }

    static Engine create(IoThread io, Session session, SocketChannel channel, ConnectionOptions options) {
        if (options.type() == SocketType.STREAM) {
            return new RawEngine(io, session, channel, options);
        }
        return new ZmtpEngine(io, session, channel, options);
    }
}
