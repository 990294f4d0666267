// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.ErrorCode;
import io.zenmq.EventType;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import io.zenmq.internal.ctx.ContextCore;
import io.zenmq.internal.engine.ConnectionOptions;
import io.zenmq.internal.engine.Listener;
import io.zenmq.internal.engine.Session;
import io.zenmq.internal.engine.UdpSession;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.transport.Endpoint;
import io.zenmq.internal.transport.UdpEndpoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    /**
     * A udp endpoint, bound or connected: its session lives as long as the pipe.
     *
     * @param given the endpoint as given to bind or connect
     * @param bound the endpoint as bound, with its real port (as given for a sender)
     * @param socketEnd this socket's end of the session's pipe
     * @param wasBound true for bind, false for connect
     */
    record Datagrams(String given, String bound, Pipe socketEnd, boolean wasBound) {
        boolean matches(String endpoint, boolean bind) {
            return wasBound == bind && (given.equals(endpoint) || bound.equals(endpoint));
        }
    }

    /** The socket types that may use udp, and which of them may bind it (libzmq's rules). */
    private static final Set<SocketType> UDP_TYPES = EnumSet.of(SocketType.RADIO, SocketType.DISH, SocketType.DGRAM);

    private final ContextCore context;
    /** What the socket's listeners, sessions and inproc peers see of it. */
    private final SocketInbox socket;
    private final SocketPipes pipes;
    /** Reads the socket's options for a new listener or connection. */
    private final Supplier<ConnectionOptions> options;
    private final List<Binding> bindings = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<Datagrams> datagrams = new ArrayList<>();
    /** The socket's option values, for what a udp endpoint reads (multicast hops and loop). */
    private final OptionValues values;
    private final SocketType type;

    EndpointRegistry(ContextCore context, SocketInbox socket, SocketPipes pipes, Supplier<ConnectionOptions> options,
                     SocketType type, OptionValues values) {
        this.context = context;
        this.type = type;
        this.values = values;
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
        checkCompatible(parsed, true);
        if (parsed.transport() == Endpoint.Transport.UDP) {
            return openUdp(endpoint, parsed, true);
        }
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
        checkCompatible(parsed, false);
        if (parsed.transport() == Endpoint.Transport.UDP) {
            openUdp(endpoint, parsed, false);
            return null; // udp carries no pipe to route by id (only RADIO and DGRAM connect over it)
        }
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

    /**
     * Refuses a transport the socket type cannot use, as libzmq: udp is for RADIO (connect
     * only), DISH and DGRAM; a DGRAM has nothing but udp.
     */
    private void checkCompatible(Endpoint parsed, boolean bind) {
        boolean udp = parsed.transport() == Endpoint.Transport.UDP;
        if (udp ? !UDP_TYPES.contains(type) || (bind && type == SocketType.RADIO) : type == SocketType.DGRAM) {
            throw new ZmqException(ErrorCode.ENOCOMPATPROTO, parsed.transport().name().toLowerCase(Locale.ROOT)
                    + " cannot serve a " + type + " socket" + (bind && udp ? " that binds" : ""));
        }
    }

    /** Opens a udp endpoint on this thread (errors are the caller's) and starts it on an I/O thread. */
    private String openUdp(String endpoint, Endpoint parsed, boolean bind) {
        ConnectionOptions snapshot = options.get();
        boolean receiver = snapshot.type() != SocketType.RADIO;
        UdpEndpoint udp = UdpEndpoint.resolve(parsed, bind || receiver, snapshot.ipv6());
        IoThread io = context.ioThreadFor(parsed);
        UdpSession.Opened opened = UdpSession.open(io, socket, snapshot, udp,
                values.get(SocketOptions.MULTICAST_HOPS), values.get(SocketOptions.MULTICAST_LOOP));
        pipes.adopt(opened.socketEnd());
        datagrams.add(new Datagrams(endpoint, opened.endpoint(), opened.socketEnd(), bind));
        io.post(opened.session()::start);
        return opened.endpoint();
    }

    /** Ends a udp endpoint's pipe, whose session then closes; false if none matches. */
    private boolean closeDatagrams(String endpoint, boolean bind) {
        for (Iterator<Datagrams> it = datagrams.iterator(); it.hasNext();) {
            Datagrams entry = it.next();
            if (entry.matches(endpoint, bind)) {
                it.remove();
                if (!pipes.end(entry.socketEnd())) {
                    entry.socketEnd().terminate();
                }
                return true;
            }
        }
        return false;
    }

    /** Unbinds. See {@link SocketCore#unbind}. */
    void unbind(String endpoint) {
        if (closeDatagrams(endpoint, true)) {
            return;
        }
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
        boolean found = closeDatagrams(endpoint, false);
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
        datagrams.clear();
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
