// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.ErrorCode;
import io.zenmq.EventType;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZapHandler;
import io.zenmq.ZmqException;
import io.zenmq.internal.ctx.ContextCore;
import io.zenmq.internal.monitor.MonitorPublisher;
import io.zenmq.internal.monitor.MonitorSink;
import io.zenmq.internal.zap.ZapLayout;
import io.zenmq.internal.zap.ZapServer;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Opens the sockets behind a context's own helper threads (the ZAP handler, inproc monitor
 * publishers) and hands each to its thread, which the context stops and joins when it closes.
 * Stateless; runs on the caller's thread until the hand-off.
 */
public final class ServiceSockets {
    private ServiceSockets() {
    }

    /**
     * Binds a ROUTER socket at the ZAP endpoint and starts serving it with a handler.
     *
     * @param context the context
     * @param handler the handler to ask
     * @return the running server
     * @throws ZmqException {@link ErrorCode#EADDRINUSE} if a handler is already bound in the context
     */
    public static ZapServer serveZap(ContextCore context, ZapHandler handler) {
        Objects.requireNonNull(handler, "handler");
        SocketCore router = bindWithoutLinger(context, SocketType.ROUTER, ZapLayout.ENDPOINT);
        return ZapServer.serve(router, handler, context::addHelper);
    }

    /**
     * Publishes a socket's events on a PAIR socket bound at an inproc endpoint, in libzmq's
     * format, from a thread of its own.
     *
     * @param socket the monitored socket; the caller's thread owns it
     * @param inprocEndpoint where to bind the PAIR socket
     * @param events the events wanted, all if empty
     * @throws ZmqException {@link ErrorCode#EPROTONOSUPPORT} for a non-inproc endpoint
     */
    public static void publishEvents(SocketCore socket, String inprocEndpoint, Set<EventType> events) {
        Objects.requireNonNull(inprocEndpoint, "inprocEndpoint");
        Objects.requireNonNull(events, "events");
        if (!inprocEndpoint.startsWith("inproc://")) {
            throw new ZmqException(ErrorCode.EPROTONOSUPPORT, "a monitor endpoint must be inproc: " + inprocEndpoint);
        }
        // fails with ENOTSOCK or ETERM before anything is created
        socket.getOption(SocketOptions.TYPE);
        SocketCore pair = bindWithoutLinger(socket.context(), SocketType.PAIR, inprocEndpoint);
        MonitorSink sink = new MonitorSink(events, MonitorSink.DEFAULT_CAPACITY);
        socket.monitor(sink);
        socket.context().addHelper(MonitorPublisher.start(sink, pair));
    }

    /** Opens a helper socket that drops what is queued when it closes, and binds it. */
    private static SocketCore bindWithoutLinger(ContextCore context, SocketType type, String endpoint) {
        SocketCore helper = SocketCore.open(context, type);
        try {
            helper.setOption(SocketOptions.LINGER, Duration.ZERO);
            helper.bind(endpoint);
        } catch (ZmqException e) {
            helper.close();
            throw e;
        }
        return helper;
    }
}
