// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Context;
import io.zenmq.Proxy;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code zenmq proxy}: opens the frontend, the backend and the optional capture socket, binds and
 * connects them as the parsed command line says, and runs a {@link Proxy} on the calling thread
 * until SIGINT or SIGTERM. The signal's shutdown hook stops the proxy, waits for the sockets to
 * close and ends the JVM with status 0 (cli.md, "proxy"); without the hook the JVM would report
 * 130 or 143.
 */
final class ProxyCommand {
    /** How long the shutdown hook waits for the proxy to close its sockets. */
    private static final long CLOSE_WAIT_MS = 5_000;

    private ProxyCommand() {
    }

    /** Runs {@code proxy} with the arguments after the command name; returns only on failure. */
    static int run(List<String> argv, PrintStream out, PrintStream err) {
        ProxyArgs args = ProxyArgs.parse(argv);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = null;
        try (Context ctx = Context.create()) {
            Socket front = open(ctx, args.frontend());
            Socket back = open(ctx, args.backend());
            Socket capture = args.capture() == null ? null : open(ctx, args.capture());
            Proxy proxy = Proxy.of(front, back);
            if (capture != null) {
                proxy.capture(capture);
            }
            hook = new Thread(() -> stopOnSignal(proxy, closed, out, err), "zenmq-proxy-signal");
            Runtime.getRuntime().addShutdownHook(hook);
            proxy.run();
        } finally {
            closed.countDown();
            removeQuietly(hook);
        }
        return 0;
    }

    /** The shutdown hook: a signal (or exit) stops the proxy, which then ends with status 0. */
    private static void stopOnSignal(Proxy proxy, CountDownLatch closed, PrintStream out, PrintStream err) {
        proxy.stop();
        try {
            closed.await(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
        err.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void removeQuietly(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and ends it with status 0
        }
    }

    /** Opens one side: SUB subscribes to everything; nothing lingers after a signal. */
    private static Socket open(Context ctx, ProxyArgs.Side side) {
        Socket socket = ctx.socket(side.type());
        socket.set(SocketOptions.LINGER, Duration.ZERO);
        if (side.type() == SocketType.SUB) {
            socket.subscribe(new byte[0]);
        }
        for (Endpoint endpoint : side.endpoints()) {
            try {
                if (endpoint.bind()) {
                    socket.bind(endpoint.address());
                } else {
                    socket.connect(endpoint.address());
                }
            } catch (ZmqException e) {
                throw CliException.attachFailed(endpoint.bind(), endpoint.address(), e);
            }
        }
        return socket;
    }
}
