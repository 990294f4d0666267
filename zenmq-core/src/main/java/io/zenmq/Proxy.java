// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import io.zenmq.internal.proxy.ProxyLoop;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves whole multipart messages between a frontend and a backend socket in both directions, as
 * libzmq's {@code zmq_proxy} and {@code zmq_proxy_steerable}: the shared queue (ROUTER frontend,
 * DEALER backend), the forwarder (XSUB and XPUB, subscriptions flowing upstream) and the streamer
 * (PULL and PUSH).
 *
 * <pre>{@code
 * Socket frontend = ctx.socket(SocketType.ROUTER);
 * frontend.bind("tcp://*:5559");
 * Socket backend = ctx.socket(SocketType.DEALER);
 * backend.bind("tcp://*:5560");
 * Proxy.of(frontend, backend).run();     // until the context closes
 * }</pre>
 *
 * <p><b>High-water marks.</b> A side that cannot take a message (at its SNDHWM) stops its own
 * direction only: the message waits in the proxy, the source is not read meanwhile, so its
 * queue fills and the senders block in turn. Nothing is lost where the sockets promise delivery
 * (DEALER, PUSH, PAIR); a side that drops when full (PUB, XPUB, ROUTER without
 * {@code ROUTER_MANDATORY}) drops as it always does.
 *
 * <p><b>Capture.</b> {@link #capture(Socket)} gets a copy of every frame in either direction
 * (and of every control command), as libzmq sends it: frame by frame with the same more-flags,
 * waiting if the capture socket is full.
 *
 * <p><b>Control.</b> {@link #control(Socket)} takes libzmq's commands, each a one-frame text
 * message: {@code PAUSE} (stop moving messages), {@code RESUME}, {@code TERMINATE} (end the
 * proxy) and {@code STATISTICS}, answered with eight frames of 8 bytes, unsigned 64-bit
 * little-endian counters: frontend messages in, bytes in, messages out, bytes out, then the same
 * four for the backend (a message counts once, its bytes are all its frames'). A REP control
 * socket gets an empty reply to the other commands; a command zenmq does not know is ignored.
 *
 * <p><b>Threads.</b> {@link #run()} runs the proxy on the calling thread; {@link #start()} on a
 * new daemon thread. Either way the proxy's thread owns all the sockets until the proxy ends:
 * other threads must not use them meanwhile. It ends on {@code TERMINATE}, {@link #stop()} (from
 * any thread) or when the sockets' context closes ({@link ErrorCode#ETERM}), and then returns
 * normally. A proxy runs once.
 */
public final class Proxy implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Socket frontend;
    private final Socket backend;
    private Socket capture;
    private Socket control;
    private final AtomicBoolean used = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile ProxyLoop loop;
    private volatile boolean stopRequested;
    private volatile RuntimeException failure;

    private Proxy(Socket frontend, Socket backend) {
        this.frontend = Objects.requireNonNull(frontend, "frontend");
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /**
     * Creates a proxy between two sockets (they may be the same socket).
     *
     * @param frontend the socket clients talk to
     * @param backend the socket services talk to
     * @return the proxy, not running yet
     */
    public static Proxy of(Socket frontend, Socket backend) {
        return new Proxy(frontend, backend);
    }

    /**
     * Sets the socket that gets a copy of every message (e.g. a PUB or PUSH socket).
     *
     * @param socket the capture socket
     * @return this proxy
     */
    public Proxy capture(Socket socket) {
        checkNotStarted();
        this.capture = Objects.requireNonNull(socket, "capture");
        return this;
    }

    /**
     * Sets the socket the proxy takes commands from ({@code PAUSE}, {@code RESUME},
     * {@code TERMINATE}, {@code STATISTICS}), typically PAIR or REP.
     *
     * @param socket the control socket
     * @return this proxy
     */
    public Proxy control(Socket socket) {
        checkNotStarted();
        this.control = Objects.requireNonNull(socket, "control");
        return this;
    }

    /**
     * Runs the proxy on the calling thread until it ends ({@code TERMINATE}, {@link #stop()} or
     * the context's end).
     *
     * @throws ZmqException if a socket fails otherwise, e.g. {@link ErrorCode#ENOTSOCK} if one was
     *     closed, or {@link ErrorCode#EINTR} if the thread was interrupted
     * @throws IllegalStateException if the proxy was started before
     */
    public void run() {
        claim();
        try {
            runLoop();
        } finally {
            ended.countDown();
        }
    }

    /**
     * Starts the proxy on a new daemon thread ({@code zenmq-proxy-N}).
     *
     * @return this proxy, to {@link #stop()}, {@link #join(Duration)} or {@link #close()}
     * @throws IllegalStateException if the proxy was started before
     */
    public Proxy start() {
        claim();
        Thread thread = new Thread(() -> {
            try {
                runLoop();
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                ended.countDown();
            }
        }, "zenmq-proxy-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Asks the proxy to end; it returns from {@link #run()} soon after. Any thread; idempotent. */
    public void stop() {
        stopRequested = true;
        ProxyLoop running = loop;
        if (running != null) {
            running.stop();
        }
    }

    /**
     * Waits for the proxy to end.
     *
     * @param timeout the longest wait; {@link Option#INFINITE} for no limit
     * @return true if the proxy has ended, false if the timeout expired first (or it never ran)
     * @throws ZmqException (or another runtime exception) the failure that ended a proxy running
     *     on its own thread
     * @throws ZmqException {@link ErrorCode#EINTR} if interrupted while waiting
     */
    public boolean join(Duration timeout) {
        if (!used.get()) {
            return false;
        }
        try {
            if (timeout.equals(Option.INFINITE)) {
                ended.await();
            } else if (!ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZmqException(ErrorCode.EINTR, "interrupted while joining the proxy");
        }
        RuntimeException e = failure;
        if (e != null) {
            throw e;
        }
        return true;
    }

    /** Stops the proxy and waits for it to end (if it ever ran). */
    @Override
    public void close() {
        stop();
        join(Option.INFINITE);
    }

    private void runLoop() {
        ProxyLoop created = new ProxyLoop(frontend.core(), backend.core(), capture == null ? null : capture.core(),
                control == null ? null : control.core());
        loop = created;
        if (stopRequested) {
            // stop() came before the loop was there to hear it
            created.stop();
        }
        created.run();
    }

    private void claim() {
        if (!used.compareAndSet(false, true)) {
            throw new IllegalStateException("the proxy was started already");
        }
    }

    private void checkNotStarted() {
        if (used.get()) {
            throw new IllegalStateException("the proxy was started already");
        }
    }

    @Override
    public String toString() {
        return "Proxy[" + frontend.type() + " <-> " + backend.type() + "]";
    }
}
