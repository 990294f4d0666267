// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.support;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two sockets, one bound and one connected to it, through the public API only. Over tcp and ipc
 * each end gets its own context, so each has its own I/O thread as it would in two processes; over
 * inproc they share one. The I/O threads are registered with {@link ThreadRoles} under
 * {@code <side>.io} so that {@link SideAllocProfiler} can tell the two sides apart.
 *
 * <p>Both ends get {@code LINGER} 0, so that closing never waits for messages nobody reads, and
 * keep every other default (HWM 1000, as libzmq's perf tools do). Owner: the thread that opened it;
 * each socket then moves to the thread that uses it.
 */
public final class SocketPair implements AutoCloseable {
    private static final AtomicInteger PAIRS = new AtomicInteger();

    private final Context binderContext;
    private final Context connecterContext;
    private final Socket binder;
    private final Socket connecter;
    private final Path scratch;

    private SocketPair(Context binderContext, Context connecterContext, Socket binder, Socket connecter,
            Path scratch) {
        this.binderContext = binderContext;
        this.connecterContext = connecterContext;
        this.binder = binder;
        this.connecter = connecter;
        this.scratch = scratch;
    }

    /**
     * Creates the contexts and sockets, binds one end and connects the other. The connection may
     * still be handshaking on return: the caller proves it with a first message.
     *
     * @param transport inproc, tcp or ipc
     * @param binderType the type of the end that binds (PULL, REP)
     * @param binderSide that end's side name for allocation reports ({@code recv}, {@code server})
     * @param connecterType the type of the end that connects (PUSH, REQ)
     * @param connecterSide that end's side name ({@code send}, {@code client})
     * @param setup extra options for both ends, such as a security mechanism
     * @return the open pair
     */
    public static SocketPair open(Transport transport, SocketType binderType, String binderSide,
            SocketType connecterType, String connecterSide, EndSetup setup) {
        Path scratch = createScratch(transport);
        Context binderContext = startContext(transport.sharesContext() ? "shared" : binderSide);
        Context connecterContext = transport.sharesContext()
                ? binderContext
                : startContext(connecterSide);
        SocketPair pair = new SocketPair(binderContext, connecterContext,
                binderContext.socket(binderType), connecterContext.socket(connecterType), scratch);
        try {
            pair.configure(pair.binder, true, setup);
            pair.configure(pair.connecter, false, setup);
            String endpoint = pair.binder.bind(transport.bindEndpoint(scratch, PAIRS.incrementAndGet()));
            pair.connecter.connect(endpoint);
        } catch (RuntimeException e) {
            pair.close();
            throw e;
        }
        return pair;
    }

    private static Path createScratch(Transport transport) {
        if (transport != Transport.IPC) {
            return null;
        }
        try {
            return Files.createTempDirectory("zenmq-jmh-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the ipc endpoint", e);
        }
    }

    /** Builds a context and names the I/O threads it started after {@code side}. */
    private static Context startContext(String side) {
        java.util.Set<Thread> before = ThreadRoles.ioThreads();
        Context context = Context.create();
        for (Thread thread : ThreadRoles.ioThreads()) {
            if (!before.contains(thread)) {
                ThreadRoles.assign(thread, side + ".io");
            }
        }
        return context;
    }

    private void configure(Socket socket, boolean isBinder, EndSetup setup) {
        socket.set(SocketOptions.LINGER, Duration.ZERO);
        setup.configure(socket, isBinder);
    }

    /**
     * Returns the end that bound.
     *
     * @return the binding socket
     */
    public Socket binder() {
        return binder;
    }

    /**
     * Returns the end that connected.
     *
     * @return the connecting socket
     */
    public Socket connecter() {
        return connecter;
    }

    /**
     * Closes the contexts, which makes any call still blocked on another thread throw
     * {@code ETERM}, and removes the ipc directory. The threads' allocation counters are frozen
     * first, so the last iteration's report still covers the I/O threads that closing ends.
     */
    @Override
    public void close() {
        ThreadRoles.freezeCounters();
        try {
            connecterContext.close();
        } finally {
            binderContext.close();
            deleteScratch();
        }
    }

    private void deleteScratch() {
        if (scratch == null) {
            return;
        }
        try {
            Files.deleteIfExists(scratch.resolve("bench.ipc"));
            Files.deleteIfExists(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + scratch, e);
        }
    }
}
