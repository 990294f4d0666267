// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.SocketType;
import io.zenmq.internal.ctx.InprocPeer;
import io.zenmq.internal.ctx.InprocRegistry;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import io.zenmq.internal.zap.ZapLayout;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Joins a session's ZAP client to the handler bound at {@code inproc://zeromq.zap.01} by an
 * unbounded inproc pipe, the client posing as a DEALER. Stateless; runs on the session's I/O
 * thread.
 */
final class ZapConnector {
    private static final Map<String, byte[]> CLIENT_PROPERTIES = Map.of(ZmtpLayout.PROPERTY_SOCKET_TYPE,
            SocketType.DEALER.name().getBytes(StandardCharsets.US_ASCII));

    private ZapConnector() {
    }

    /**
     * Connects a ZAP client to the context's handler.
     *
     * @param names the context's inproc names
     * @param client the ZAP client
     * @return the client's end of the pipe, or null if no handler is bound or it is closing
     */
    static Pipe connect(InprocRegistry names, PipeListener client) {
        InprocPeer handler = names.lookup(ZapLayout.INPROC_NAME);
        if (handler == null) {
            return null;
        }
        Pipe[] ends = Pipe.pair(client, 0, handler, 0);
        ends[0].setPeerProperties(handler.inprocProperties());
        ends[1].setPeerProperties(CLIENT_PROPERTIES);
        return handler.attachPipe(ends[1]) ? ends[0] : null;
    }
}
