// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.ErrorCode;
import io.zenmq.EventType;
import io.zenmq.ZmqException;
import io.zenmq.internal.io.IoHandler;
import io.zenmq.internal.io.IoObject;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.monitor.MonitorSink;
import io.zenmq.internal.transport.Endpoint;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A bound endpoint: accepts connections and gives each a {@link Session} on the same I/O thread.
 *
 * <p>{@link #bind} runs on the application thread (so bind errors are reported synchronously and
 * never by an interrupted channel); everything after {@link #start()} runs on the I/O thread.
 * Closing removes an ipc socket file (an abstract {@code ipc://@name} has none).
 */
public final class Listener implements IoHandler, IoObject {
    private static final System.Logger LOG = System.getLogger(Listener.class.getName());
    private static final int BACKLOG = 100;

    private final IoThread io;
    private final SocketLink socket;
    private final ConnectionOptions options;
    private final ServerSocketChannel server;
    private final String boundEndpoint;
    private final Path ipcPath;
    /** Whether accepted channels are tcp (not Unix-domain, with or without a file). */
    private final boolean tcp;
    /** The inode of the socket file we created, so close never deletes a later bind's file. */
    private final Object ipcFileKey;
    private final Set<Session> handshaking = new HashSet<>();
    /** Stands in for the listening fd in monitor events. */
    private final long handle = MonitorSink.nextHandle();
    private boolean closed;

    private Listener(IoThread io, SocketLink socket, ConnectionOptions options, ServerSocketChannel server,
                     String boundEndpoint, Path ipcPath, boolean tcp) {
        this.io = io;
        this.tcp = tcp;
        this.socket = socket;
        this.options = options;
        this.server = server;
        this.boundEndpoint = boundEndpoint;
        this.ipcPath = ipcPath;
        this.ipcFileKey = ipcPath == null ? null : fileKey(ipcPath);
    }

    /**
     * Binds a listening channel. Application thread; the caller then posts {@link #start()}.
     *
     * @param io the I/O thread that will accept
     * @param socket the socket
     * @param options the socket's options, snapshotted
     * @param endpoint a tcp or ipc endpoint
     * @return the bound listener
     * @throws ZmqException {@link ErrorCode#EADDRINUSE}, {@link ErrorCode#EADDRNOTAVAIL},
     *     {@link ErrorCode#EINVAL}
     */
    public static Listener bind(IoThread io, SocketLink socket, ConnectionOptions options, Endpoint endpoint) {
        HandshakeRehearsal.once();
        boolean ipc = endpoint.transport() == Endpoint.Transport.IPC;
        // an abstract name has no file: nothing to replace now or to remove on close
        boolean ipcFile = ipc && !endpoint.isAbstractIpc();
        ServerSocketChannel server = null;
        try {
            SocketAddress address = endpoint.resolve();
            if (options.ipv6() && endpoint.isWildcard()) {
                address = new InetSocketAddress(java.net.InetAddress.getByName("::"), endpoint.port());
            }
            server = endpoint.openServerChannel();
            Path path = null;
            if (ipcFile) {
                path = Path.of(endpoint.path());
                // as libzmq: a file left behind by an earlier run is replaced
                Files.deleteIfExists(path);
            } else if (!ipc) {
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            }
            server.bind(address, BACKLOG);
            server.configureBlocking(false);
            String text = ipc ? endpoint.toString()
                    : boundText(endpoint, (InetSocketAddress) server.getLocalAddress(), options.ipv6());
            return new Listener(io, socket, options, server, text, path, !ipc);
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            if (e instanceof ZmqException) {
                throw (ZmqException) e;
            }
            throw new ZmqException(bindError(e), "cannot bind " + endpoint + ": " + e.getMessage(), e);
        }
    }

    /** The errno libzmq reports for a failed bind (junixsocket's "in use" is no BindException). */
    private static ErrorCode bindError(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("in use")) {
            return ErrorCode.EADDRINUSE;
        }
        if (e instanceof BindException) {
            return ErrorCode.EADDRNOTAVAIL;
        }
        if (message.contains("No such file or directory")) {
            return ErrorCode.ENOENT;
        }
        return ErrorCode.EINVAL;
    }

    private static String boundText(Endpoint endpoint, InetSocketAddress local, boolean ipv6) {
        if (endpoint.isWildcard()) {
            return (ipv6 ? "tcp://[::]:" : "tcp://0.0.0.0:") + local.getPort();
        }
        return Endpoint.tcpText(local);
    }

    /**
     * Returns the endpoint actually bound.
     *
     * @return e.g. {@code tcp://127.0.0.1:41734}
     */
    public String endpoint() {
        return boundEndpoint;
    }

    /**
     * Returns the number standing in for the listening socket's fd in monitor events.
     *
     * @return the listener's number
     */
    public long handle() {
        return handle;
    }

    /** Starts accepting. IO thread. */
    public void start() {
        io.add(this);
        if (closed) {
            return;
        }
        try {
            io.register(server, SelectionKey.OP_ACCEPT, this);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot register listener " + boundEndpoint, e);
            close();
        }
    }

    @Override
    public void ready(SelectionKey key) {
        for (int i = 0; i < 64 && !closed; i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "accept failed on " + boundEndpoint + ": " + e);
                socket.event(EventType.ACCEPT_FAILED, boundEndpoint, errno(e));
                return;
            }
            if (channel == null) {
                return;
            }
            try {
                channel.configureBlocking(false);
                ChannelSetup.configure(channel, options, tcp);
            } catch (IOException e) {
                Session.closeQuietly(channel);
                continue;
            }
            long connection = MonitorSink.nextHandle();
            socket.event(EventType.ACCEPTED, boundEndpoint, connection);
            handshaking.add(Session.accepted(io, socket, options, this, channel, connection));
        }
    }

    @Override
    public void failed(Throwable error) {
        LOG.log(System.Logger.Level.ERROR, "listener " + boundEndpoint + " failed", error);
        close();
    }

    /** Called when an accepted session finished its handshake: false if the listener is closed. */
    boolean admit(Session session) {
        handshaking.remove(session);
        return !closed;
    }

    void sessionDone(Session session) {
        handshaking.remove(session);
    }

    /** Stops accepting and drops connections still in their handshake. IO thread. */
    public void close() {
        if (closed) {
            io.remove(this);
            return;
        }
        closed = true;
        // while the channel is open its socket keeps the file's inode, so a later bind's new file
        // cannot have been given the same number: the key comparison is sound only now
        if (ipcPath != null && ipcFileKey != null && ipcFileKey.equals(fileKey(ipcPath))) {
            try {
                Files.deleteIfExists(ipcPath);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "cannot remove " + ipcPath, e);
            }
        }
        closeQuietly(server);
        io.completeCloses();
        // after the port or file is really released: whoever waits for CLOSED may bind it again
        socket.event(EventType.CLOSED, boundEndpoint, handle);
        for (Session session : handshaking.toArray(new Session[0])) {
            session.forceClose();
        }
        handshaking.clear();
        io.remove(this);
    }

    @Override
    public void contextTerminating(long deadlineNanos) {
        close();
    }

    @Override
    public void forceClose() {
        close();
    }

    /** A best guess at the errno behind a failed accept. */
    private static int errno(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Too many open files")) {
            return ErrorCode.EMFILE.number();
        }
        // ECONNABORTED: the connection went before it was accepted
        return 103;
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(ServerSocketChannel server) {
        Session.closeQuietly(server);
    }
}
