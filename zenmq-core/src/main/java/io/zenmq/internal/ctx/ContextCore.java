// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.ctx;

import io.zenmq.ErrorCode;
import io.zenmq.Option;
import io.zenmq.ZmqException;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.io.Resolver;
import io.zenmq.internal.transport.Endpoint;
import io.zenmq.internal.transport.ipc.AbstractNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state behind a {@link io.zenmq.Context}: I/O threads, open sockets, inproc names.
 * Thread-safe.
 *
 * <p>Besides the {@code IO_THREADS} threads there may be one more: abstract ipc names
 * ({@code ipc://@name}) use junixsocket's channels, which only junixsocket's selector accepts, so
 * every such listener and connection of the context lives on one I/O thread of their own,
 * started on first use and stopped and joined with the others.
 */
public final class ContextCore {
    private static final AtomicInteger CONTEXT_IDS = new AtomicInteger();
    private static final long JOIN_GRACE_MILLIS = 2000;

    private final int id;
    private final IoThread[] ioThreads;
    /** Guards the lazy start of {@link #abstractIpcThread} against {@link #terminate()}. */
    private final ReentrantLock abstractIpcLock = new ReentrantLock();
    /** Serves every {@code ipc://@name} endpoint; null until the first one. */
    private IoThread abstractIpcThread;
    private final Resolver resolver;
    private final long maxLingerNanos;
    private final long spinNanos;
    private final Set<ContextMember> sockets = ConcurrentHashMap.newKeySet();
    /**
     * Threads serving sockets of this context (inproc monitors, the ZAP handler), each with the
     * action that asks it to stop; stopped and joined on termination.
     */
    private final Map<Thread, Runnable> helpers = new ConcurrentHashMap<>();
    private final InprocRegistry inproc = new InprocRegistry();
    private final AtomicInteger nextIoThread = new AtomicInteger();
    private final AtomicBoolean terminated = new AtomicBoolean();
    private volatile boolean terminating;

    /**
     * Starts the I/O threads.
     *
     * @param ioThreadCount how many
     * @param maxLinger the cap on linger at termination, or {@link Option#INFINITE}
     * @param spinBeforePark how long a socket's thread spins before it parks (zero: never)
     */
    public ContextCore(int ioThreadCount, Duration maxLinger, Duration spinBeforePark) {
        this.id = CONTEXT_IDS.incrementAndGet();
        this.spinNanos = spinBeforePark.toNanos();
        this.maxLingerNanos = maxLinger.equals(Option.INFINITE) ? -1 : maxLinger.toNanos();
        this.resolver = new Resolver("zenmq-resolver-" + id);
        this.ioThreads = new IoThread[ioThreadCount];
        for (int i = 0; i < ioThreadCount; i++) {
            ioThreads[i] = new IoThread("zenmq-io-" + id + "-" + i, resolver);
        }
    }

    /** @return how long a socket's thread spins before it parks, in nanoseconds; 0 for never */
    public long spinNanos() {
        return spinNanos;
    }

    /**
     * Registers a new socket, to be woken when the context terminates.
     *
     * @param socket the new socket
     * @throws ZmqException {@link ErrorCode#ETERM} if the context is closing
     */
    public void register(ContextMember socket) {
        if (terminating) {
            throw new ZmqException(ErrorCode.ETERM, "the context was closed");
        }
        sockets.add(socket);
        if (terminating) {
            sockets.remove(socket);
            throw new ZmqException(ErrorCode.ETERM, "the context was closed");
        }
    }

    /** @return the I/O thread for a new endpoint, round-robin */
    public IoThread chooseIoThread() {
        return ioThreads[Math.floorMod(nextIoThread.getAndIncrement(), ioThreads.length)];
    }

    /**
     * Returns the I/O thread that will serve a new listener or connection: the abstract-namespace
     * thread for {@code ipc://@name} (started now if it is the first), else the next one in turn.
     *
     * @param endpoint a tcp or ipc endpoint
     * @return the I/O thread
     * @throws ZmqException {@link ErrorCode#ETERM} if the context is closing
     */
    public IoThread ioThreadFor(Endpoint endpoint) {
        if (!endpoint.isAbstractIpc()) {
            return chooseIoThread();
        }
        abstractIpcLock.lock();
        try {
            if (terminating) {
                throw new ZmqException(ErrorCode.ETERM, "the context was closed");
            }
            if (abstractIpcThread == null) {
                abstractIpcThread = new IoThread("zenmq-io-" + id + "-abstract-ipc", resolver,
                        AbstractNamespace.selectorProvider());
            }
            return abstractIpcThread;
        } finally {
            abstractIpcLock.unlock();
        }
    }

    /** The I/O threads to stop: the fixed ones and the abstract-namespace one if it started. */
    private List<IoThread> allIoThreads() {
        List<IoThread> all = new ArrayList<>(List.of(ioThreads));
        abstractIpcLock.lock();
        try {
            if (abstractIpcThread != null) {
                all.add(abstractIpcThread);
            }
        } finally {
            abstractIpcLock.unlock();
        }
        return all;
    }

    /** @return the number of I/O threads */
    public int ioThreadCount() {
        return ioThreads.length;
    }

    /** @return the inproc names of this context */
    public InprocRegistry inproc() {
        return inproc;
    }

    /** @return true once termination started */
    public boolean isTerminating() {
        return terminating;
    }

    /**
     * Registers a thread that ends by itself once the context terminates; terminate waits for it.
     *
     * @param thread a started thread
     */
    public void addHelper(Thread thread) {
        addHelper(thread, () -> { });
    }

    /**
     * Registers a started thread that ends once asked to: terminate runs {@code stopper} right
     * after waking the sockets, then waits for the thread. If termination already started, the
     * stopper runs at once.
     *
     * @param thread a started thread
     * @param stopper asks the thread to end without waiting for it; any thread may run it
     */
    public void addHelper(Thread thread, Runnable stopper) {
        helpers.put(thread, stopper);
        helpers.keySet().removeIf(t -> !t.isAlive());
        if (terminating) {
            stopper.run();
        }
    }

    /**
     * Forgets a closed socket.
     *
     * @param socket the socket
     */
    public void socketClosed(ContextMember socket) {
        sockets.remove(socket);
    }

    /**
     * Ends the context: sockets throw ETERM from now on, queued messages get up to the max linger,
     * then every I/O thread ends. Returns when they have.
     */
    public void terminate() {
        terminating = true;
        if (!terminated.compareAndSet(false, true)) {
            return;
        }
        List<ContextMember> open = new ArrayList<>(sockets);
        for (ContextMember socket : open) {
            socket.wakeForTermination();
        }
        for (Runnable stopper : helpers.values()) {
            stopper.run();
        }
        long deadline = maxLingerNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + maxLingerNanos;
        // terminating is set, so no abstract-namespace thread can start after this
        List<IoThread> threads = allIoThreads();
        for (IoThread io : threads) {
            io.stop(deadline);
        }
        boolean interrupted = false;
        for (IoThread io : threads) {
            long wait = deadline == Long.MAX_VALUE ? 0
                    : Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + JOIN_GRACE_MILLIS);
            try {
                io.join(wait);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Thread helper : helpers.keySet()) {
            try {
                helper.join(JOIN_GRACE_MILLIS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        helpers.clear();
        try {
            resolver.close(JOIN_GRACE_MILLIS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
