// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.ErrorCode;
import io.zenmq.EventType;
import io.zenmq.ZmqException;
import io.zenmq.internal.ctx.ContextCore;
import io.zenmq.internal.engine.ConnectionOptions;
import io.zenmq.internal.engine.Listener;
import io.zenmq.internal.engine.Session;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.transport.Endpoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The endpoints a socket has bound and connected, and what bind, connect, unbind, disconnect and
 * close do with them.
 *
 * <p>Owner: the socket's application thread.
 */
final class EndpointRegistry {
    /**
     * A bound tcp or ipc endpoint (inproc names live in the context's registry).
     *
     * @param given the endpoint as given to bind
     * @param bound the endpoint as bound, with its real port
     * @param listener the listener accepting on it
     * @param io the I/O thread that owns the listener
     */
    record Binding(String given, String bound, Listener listener, IoThread io) {
        boolean matches(String endpoint) {
            return given.equals(endpoint) || bound.equals(endpoint);
        }
    }

    /**
     * A connect()ed endpoint: a tcp/ipc one has a session, an inproc one the name.
     *
     * @param endpoint the endpoint as given to connect
     * @param session the session that (re)connects it, or null over inproc
     * @param inprocName the inproc name, or null over tcp and ipc
     * @param socketEnd this socket's end of the pipe, or null for an IMMEDIATE session whose pipe
     *     comes once it connects
     */
    record Connection(String endpoint, Session session, String inprocName, Pipe socketEnd) {
        /** @return true for a session the socket may not reach through a pipe when it closes */
        boolean immediate() {
            return session != null && socketEnd == null;
        }
    }

    private final ContextCore context;
    /** What the socket's listeners, sessions and inproc peers see of it. */
    private final SocketInbox socket;
    private final SocketPipes pipes;
    /** Reads the socket's options for a new listener or connection. */
    private final Supplier<ConnectionOptions> options;
    private final List<Binding> bindings = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();

    EndpointRegistry(ContextCore context, SocketInbox socket, SocketPipes pipes, Supplier<ConnectionOptions> options) {
        this.context = context;
        this.socket = socket;
        this.pipes = pipes;
        this.options = options;
    }

    /**
     * Returns the session at the far end of one of the socket's pipes: the one place that tells a
     * tcp/ipc pipe from an inproc one.
     *
     * @param socketEnd the socket's end of a pipe
     * @return the session, or null if the peer is another socket (inproc)
     */
    private static Session sessionBehind(Pipe socketEnd) {
        return socketEnd.peer().listener() instanceof Session session ? session : null;
    }

    /** Binds; returns the endpoint as bound. See {@link SocketCore#bind}. */
    String bind(String endpoint) {
        Endpoint parsed = Endpoint.parse(endpoint, true);
        if (parsed.transport() == Endpoint.Transport.INPROC) {
            context.inproc().bind(parsed.path(), socket);
            return endpoint;
        }
        IoThread io = context.ioThreadFor(parsed);
        Listener listener;
        try {
            listener = Listener.bind(io, socket, options.get(), parsed);
        } catch (ZmqException e) {
            socket.event(EventType.BIND_FAILED, endpoint, e.code().number());
            throw e;
        }
        socket.event(EventType.LISTENING, listener.endpoint(), listener.handle());
        bindings.add(new Binding(endpoint, listener.endpoint(), listener, io));
        io.post(listener::start);
        return listener.endpoint();
    }

    /**
     * Connects, consuming CONNECT_ROUTING_ID. See {@link SocketCore#connect}.
     *
     * @return this socket's end of the new pipe, already in routing, or null for an IMMEDIATE
     *     session (whose pipe comes once it connects)
     */
    Pipe connect(String endpoint, byte[] routingId) {
        Endpoint parsed = Endpoint.parse(endpoint, false);
        pipes.nameNextPipes(routingId);
        try {
            if (parsed.transport() == Endpoint.Transport.INPROC) {
                Pipe end = context.inproc().connect(parsed.path(), socket, socket.sendHwm(), socket.receiveHwm());
                connections.add(new Connection(endpoint, null, parsed.path(), end));
                return end;
            }
            IoThread io = context.ioThreadFor(parsed);
            Session.Connecting connecting = Session.connect(io, socket, options.get(), parsed);
            if (connecting.socketEnd() != null) {
                pipes.adopt(connecting.socketEnd());
            }
            connections.add(new Connection(endpoint, connecting.session(), null, connecting.socketEnd()));
            io.post(connecting.session()::start);
            return connecting.socketEnd();
        } finally {
            pipes.nameNextPipes(null);
        }
    }

    /** Unbinds. See {@link SocketCore#unbind}. */
    void unbind(String endpoint) {
        for (Iterator<Binding> it = bindings.iterator(); it.hasNext();) {
            Binding binding = it.next();
            if (binding.matches(endpoint)) {
                it.remove();
                binding.io().post(binding.listener()::close);
                for (Pipe pipe : pipes.snapshot()) {
                    Session session = sessionBehind(pipe);
                    if (session != null && session.acceptedBy(binding.listener())) {
                        drop(pipe, session);
                    }
                }
                return;
            }
        }
        Endpoint parsed = Endpoint.parse(endpoint, true);
        if (parsed.transport() == Endpoint.Transport.INPROC && context.inproc().unbind(parsed.path(), socket)) {
            return;
        }
        throw new ZmqException(ErrorCode.ENOENT, "not bound to " + endpoint);
    }

    /** Disconnects. See {@link SocketCore#disconnect}. */
    void disconnect(String endpoint) {
        boolean found = false;
        for (Iterator<Connection> it = connections.iterator(); it.hasNext();) {
            Connection connection = it.next();
            if (!connection.endpoint().equals(endpoint)) {
                continue;
            }
            it.remove();
            found = true;
            if (connection.inprocName() != null) {
                // out of routing now, the end marker after what was sent
                context.inproc().abandon(connection.inprocName(), connection.socketEnd());
                pipes.end(connection.socketEnd());
            } else if (connection.socketEnd() != null && pipes.contains(connection.socketEnd())) {
                drop(connection.socketEnd(), connection.session());
            } else {
                connection.session().postSocketClosed(0);
            }
        }
        if (!found) {
            throw new ZmqException(ErrorCode.ENOENT, "not connected to " + endpoint);
        }
    }

    /** Takes a pipe out of routing and tells its session to end now, queued messages dropped. */
    private void drop(Pipe pipe, Session session) {
        pipes.end(pipe);
        session.postSocketClosed(0);
    }

    /**
     * Closes every listener first (once a peer sees its connection go, the endpoint is free to
     * bind again), then ends the socket's pipes and sessions, each session lingering as the
     * socket's LINGER says. Monitoring stops after the listeners' CLOSED events, as in libzmq.
     *
     * @param ends every pipe end the socket had, from {@link SocketPipes#close()}
     * @param lingerNanos the socket's LINGER
     * @param stopMonitor ends monitoring; any thread
     */
    void closeAll(List<Pipe> ends, long lingerNanos, Runnable stopMonitor) {
        AtomicInteger closing = new AtomicInteger(bindings.size());
        if (bindings.isEmpty()) {
            stopMonitor.run();
        }
        for (Binding binding : bindings) {
            binding.io().post(() -> {
                binding.listener().close();
                if (closing.decrementAndGet() == 0) {
                    stopMonitor.run();
                }
            });
        }
        bindings.clear();
        for (Pipe pipe : ends) {
            pipe.terminate();
            Session session = sessionBehind(pipe);
            if (session != null && !isImmediate(session)) {
                session.postSocketClosed(lingerNanos);
            }
        }
        for (Connection connection : connections) {
            if (connection.immediate()) {
                connection.session().postSocketClosed(lingerNanos);
            } else if (connection.inprocName() != null) {
                // a later bind of the name drains what was sent, as libzmq's linger would
                context.inproc().abandon(connection.inprocName(), connection.socketEnd());
            }
        }
        connections.clear();
    }

    /** @return true if the session belongs to a registered IMMEDIATE connection */
    private boolean isImmediate(Session session) {
        for (Connection connection : connections) {
            if (connection.session() == session && connection.immediate()) {
                return true;
            }
        }
        return false;
    }
}
