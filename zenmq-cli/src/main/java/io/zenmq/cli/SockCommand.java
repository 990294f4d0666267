// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Context;
import io.zenmq.EventType;
import io.zenmq.Option;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code zenmq sock}: opens one socket as the parsed command line says, binds and connects it,
 * runs its role (see {@link SockSession}) and ends as cli.md's "Ending" describes: queued messages
 * get up to {@code --linger} after a normal end, none after an error or timeout.
 */
final class SockCommand {
    /** The types {@code --conflate} applies to (cli.md, "Options"). */
    private static final Set<SocketType> CONFLATING_TYPES = EnumSet.of(SocketType.PUB, SocketType.SUB,
            SocketType.PUSH, SocketType.PULL, SocketType.DEALER);
    /** How long the end waits for the last {@code --monitor} lines to be printed. */
    private static final long MONITOR_JOIN_MS = 5_000;

    private SockCommand() {
    }

    /** Runs {@code sock} with the arguments after the command name; returns the exit status. */
    static int run(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
        SockArgs args = SockArgsParser.parse(argv);
        try (Context ctx = Context.builder().maxLinger(Option.INFINITE).build()) {
            Socket socket = ctx.socket(args.type);
            boolean normalEnd = false;
            Thread monitor = null;
            Refusal refusal = SecuritySetup.isClient(args) ? new Refusal(Thread.currentThread()) : null;
            try {
                configure(socket, args);
                SecuritySetup.apply(ctx, socket, args);
                if (args.monitor || refusal != null) {
                    monitor = startMonitor(socket, args.monitor ? err : null, refusal);
                }
                List<Integer> peerIds = attach(socket, args);
                runSession(new SockSession(socket, args, in, out, err), peerIds, refusal);
                normalEnd = true;
            } finally {
                out.flush();
                closeQuietly(socket, normalEnd ? args.lingerMs : 0);
                awaitMonitor(monitor);
            }
        }
        return 0;
    }

    /** Runs the role; a server's refusal of our credentials ends it as a failure (exit 1). */
    private static void runSession(SockSession session, List<Integer> peerIds, Refusal refusal) {
        try {
            session.run(peerIds);
        } catch (RuntimeException e) {
            // the interrupt that ended the wait, if a refusal caused it, is reported as the refusal
            throwIfRefused(refusal);
            throw e;
        }
        throwIfRefused(refusal);
    }

    private static void throwIfRefused(Refusal refusal) {
        if (refusal != null && refusal.reason != null) {
            Thread.interrupted();
            throw CliException.failure(refusal.reason);
        }
    }

    /**
     * A client's record of a server refusing its credentials (an ERROR in the handshake, seen as
     * HANDSHAKE_FAILED_AUTH); the session thread is interrupted out of any wait.
     */
    private static final class Refusal {
        private final Thread session;
        private volatile String reason;

        Refusal(Thread session) {
            this.session = session;
        }

        void refused(SocketEvent event) {
            reason = "authentication failed: " + event.endpoint() + " refused our credentials (" + event.value() + ")";
            session.interrupt();
        }
    }

    private static void configure(Socket socket, SockArgs args) {
        if (args.identityBytes != null && args.draft == null) {
            socket.set(SocketOptions.ROUTING_ID, args.identityBytes);
        }
        if (args.sndhwm != SockArgs.UNSET) {
            socket.set(SocketOptions.SNDHWM, (int) args.sndhwm);
        }
        if (args.rcvhwm != SockArgs.UNSET) {
            socket.set(SocketOptions.RCVHWM, (int) args.rcvhwm);
        }
        if (args.reconnectIvlMs != SockArgs.UNSET) {
            socket.set(SocketOptions.RECONNECT_IVL, millis(args.reconnectIvlMs));
        }
        if (args.maxMsgSize != SockArgs.UNSET) {
            socket.set(SocketOptions.MAXMSGSIZE, args.maxMsgSize);
        }
        if (args.heartbeatIvlMs != SockArgs.UNSET) {
            socket.set(SocketOptions.HEARTBEAT_IVL, millis(args.heartbeatIvlMs));
        }
        if (args.heartbeatTimeoutMs != SockArgs.UNSET) {
            socket.set(SocketOptions.HEARTBEAT_TIMEOUT, millis(args.heartbeatTimeoutMs));
        }
        socket.set(SocketOptions.LINGER, millis(args.lingerMs));
        configureType(socket, args);
        for (SocketOptionArg option : args.socketOptions) {
            option.applyTo(socket);
        }
    }

    /** The options that apply to some types only; on any other type they are ignored. */
    private static void configureType(Socket socket, SockArgs args) {
        SocketType type = socket.type();
        if (args.conflate && CONFLATING_TYPES.contains(type)) {
            socket.set(SocketOptions.CONFLATE, true);
        }
        if (args.routerMandatory && type == SocketType.ROUTER) {
            socket.set(SocketOptions.ROUTER_MANDATORY, true);
        }
        if (args.xpubVerbose && type == SocketType.XPUB) {
            socket.set(SocketOptions.XPUB_VERBOSE, true);
        }
        if (type == SocketType.DISH) {
            // a repeated --join is one group (the library refuses joining a group twice)
            args.join.stream().distinct().forEach(socket::join);
        }
        if (type == SocketType.SUB) {
            if (args.subscribeBytes.isEmpty()) {
                socket.subscribe(new byte[0]);
            }
            args.subscribeBytes.forEach(socket::subscribe);
        }
    }

    /**
     * Binds and connects in command-line order.
     *
     * @return PEER: the routing id each connect gave, in that order; otherwise empty
     */
    private static List<Integer> attach(Socket socket, SockArgs args) {
        List<Integer> peerIds = new ArrayList<>();
        for (Endpoint endpoint : args.endpoints) {
            try {
                if (endpoint.bind()) {
                    socket.bind(endpoint.address());
                } else if (args.draft == DraftType.PEER) {
                    peerIds.add(socket.connectPeer(endpoint.address()));
                } else {
                    socket.connect(endpoint.address());
                }
            } catch (ZmqException e) {
                throw CliException.attachFailed(endpoint.bind(), endpoint.address(), e);
            }
        }
        return peerIds;
    }

    /**
     * Prints the socket's events to stderr as they happen, one line each (cli.md, "Monitor
     * events"), when {@code err} is given, and tells a client's {@code refusal} about an
     * authentication failure; on a daemon thread that ends with the monitor when the socket closes.
     */
    private static Thread startMonitor(Socket socket, PrintStream err, Refusal refusal) {
        SocketMonitor monitor = socket.monitor(EventType.all());
        Thread printer = new Thread(() -> {
            while (true) {
                SocketEvent event = monitor.next(Option.INFINITE);
                if (event == null || event.type() == EventType.MONITOR_STOPPED) {
                    return;
                }
                if (err != null) {
                    err.println("event: " + event.type().name() + " " + event.endpoint() + " " + event.value());
                }
                if (refusal != null && event.type() == EventType.HANDSHAKE_FAILED_AUTH) {
                    refusal.refused(event);
                }
            }
        }, "cli-monitor");
        printer.setDaemon(true);
        printer.start();
        return printer;
    }

    private static void awaitMonitor(Thread printer) {
        if (printer == null) {
            return;
        }
        try {
            printer.join(MONITOR_JOIN_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket socket, long lingerMs) {
        try {
            socket.set(SocketOptions.LINGER, millis(lingerMs));
        } catch (ZmqException e) {
            // the socket may already be unusable; close it anyway
        }
        socket.close();
    }

    static Duration millis(long ms) {
        return ms < 0 ? Option.INFINITE : Duration.ofMillis(ms);
    }
}
