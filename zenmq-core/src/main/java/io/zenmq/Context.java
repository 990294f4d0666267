// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import io.zenmq.internal.ctx.ContextCore;
import io.zenmq.internal.socket.ServiceSockets;
import io.zenmq.internal.socket.SocketCore;
import java.time.Duration;
import java.util.Objects;

/**
 * A zenmq context: the I/O threads and the sockets created from it.
 *
 * <pre>{@code
 * try (Context ctx = Context.create();
 *      Socket pull = ctx.socket(SocketType.PULL);
 *      Socket push = ctx.socket(SocketType.PUSH)) {
 *     String endpoint = pull.bind("tcp://127.0.0.1:*");
 *     push.connect(endpoint);
 *     push.send("hello");
 *     System.out.println(pull.recvString());
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} ends every socket of the context (as libzmq's
 * {@code zmq_ctx_term} plus CZMQ's {@code zctx_destroy}): blocked calls on other threads throw
 * {@link ErrorCode#ETERM}, queued messages get at most the max linger to go out, and every thread
 * and file descriptor of the context is released. Close never waits for application threads.
 */
public final class Context implements AutoCloseable {
    private final ContextCore core;

    private Context(Builder builder) {
        this.core = new ContextCore(builder.ioThreads, builder.maxLinger, builder.spinBeforePark);
    }

    /**
     * Creates a context with one I/O thread.
     *
     * @return a new context
     */
    public static Context create() {
        return builder().build();
    }

    /**
     * Returns a builder for a context with non-default settings.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a socket of the given type.
     *
     * @param type the socket type
     * @return the new socket, owned by this context
     * @throws ZmqException {@link ErrorCode#ENOTSUP} if this release does not implement the type,
     *     {@link ErrorCode#ETERM} if the context is closed
     */
    public Socket socket(SocketType type) {
        Objects.requireNonNull(type, "type");
        return new Socket(SocketCore.open(core, type));
    }

    /**
     * Installs the context's ZAP handler (RFC 27): binds a ROUTER socket at
     * {@code inproc://zeromq.zap.01} and serves it on a daemon thread named {@code zenmq-zap}, as
     * CZMQ's {@code zauth} actor or JeroMQ's {@code ZAuth} do. From then on, PLAIN and CURVE server
     * sockets of this context, and NULL sockets with a {@link SocketOptions#ZAP_DOMAIN}, ask the
     * handler about each connection.
     *
     * <pre>{@code
     * try (Context ctx = Context.create();
     *      ZapService zap = ctx.zapHandler(new Authenticator().plainUser("admin", "secret"))) {
     *     Socket server = ctx.socket(SocketType.REP).set(SocketOptions.PLAIN_SERVER, true);
     *     server.bind("tcp://*:5555");
     *     // only "admin" gets through
     * }
     * }</pre>
     *
     * <p>One handler per context: close the returned service before installing another. Closing
     * the context stops and joins the thread as well. See {@link ZapHandler} for how the handler
     * is called. Without a handler, server sockets behave as libzmq 4.3's do: NULL and CURVE
     * servers admit every peer, a PLAIN server refuses every client.
     *
     * @param handler the handler, e.g. an {@link Authenticator} or a lambda
     * @return the running service; closing it uninstalls the handler
     * @throws ZmqException {@link ErrorCode#EADDRINUSE} if a handler (or any socket) is already
     *     bound at {@code inproc://zeromq.zap.01} in this context, {@link ErrorCode#ETERM} if the
     *     context is closed
     */
    public ZapService zapHandler(ZapHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new ZapService(ServiceSockets.serveZap(core, handler));
    }

    /**
     * Returns the number of I/O threads.
     *
     * @return the I/O thread count
     */
    public int ioThreads() {
        return core.ioThreadCount();
    }

    /**
     * Tells whether {@link #close()} was called.
     *
     * @return true once the context is closing or closed
     */
    public boolean isClosed() {
        return core.isTerminating();
    }

    /**
     * Closes every socket and stops the I/O threads. Idempotent; returns once the threads are
     * gone, which takes at most the max linger plus a short grace period.
     */
    @Override
    public void close() {
        core.terminate();
    }

    /** Settings for a new {@link Context}. Not thread-safe. */
    public static final class Builder {
        private int ioThreads = 1;
        private Duration maxLinger = Duration.ofSeconds(5);
        private Duration spinBeforePark = Duration.ZERO;

        private Builder() {
        }

        /**
         * Sets the number of I/O threads ({@code ZMQ_IO_THREADS}); default 1.
         *
         * @param count 1 to 64
         * @return this builder
         * @throws ZmqException {@link ErrorCode#EINVAL} if out of range
         */
        public Builder ioThreads(int count) {
            if (count < 1 || count > 64) {
                throw new ZmqException(ErrorCode.EINVAL, "ioThreads must be 1 to 64: " + count);
            }
            this.ioThreads = count;
            return this;
        }

        /**
         * Caps how long {@link Context#close()} lets sockets linger; default 5 s.
         * {@link Option#INFINITE} waits as long as each socket's {@code LINGER} says, as libzmq does.
         *
         * @param cap the longest wait for queued messages on close
         * @return this builder
         * @throws ZmqException {@link ErrorCode#EINVAL} if negative (other than INFINITE)
         */
        public Builder maxLinger(Duration cap) {
            if (cap.isNegative() && !cap.equals(Option.INFINITE)) {
                throw new ZmqException(ErrorCode.EINVAL, "maxLinger must not be negative: " + cap);
            }
            this.maxLinger = cap;
            return this;
        }

        /**
         * Lets a thread blocked in {@code send} or {@code recv} spin for up to this long, checking
         * for work, before it parks; default zero: park at once, use no CPU while idle.
         *
         * <p>Parking and unparking a thread costs a few microseconds on each side, paid at every
         * message when the two ends take turns, as in request-reply or a lightly loaded inproc
         * stream. A short spin (tens of microseconds) removes that cost from the latency, at the
         * price of burning one CPU for up to this long each time the socket runs out of work. It
         * suits a thread that owns a core; leave it off for virtual threads or a busy machine.
         * libzmq has no equivalent; it is the wait strategy of Aeron's and the LMAX Disruptor's
         * busy-spin-then-block idle strategies.
         *
         * <pre>{@code
         * Context ctx = Context.builder().spinBeforePark(Duration.ofNanos(50_000)).build();
         * }</pre>
         *
         * @param spin how long to spin at most; zero turns spinning off
         * @return this builder
         * @throws ZmqException {@link ErrorCode#EINVAL} if negative or longer than one second
         */
        public Builder spinBeforePark(Duration spin) {
            if (spin.isNegative() || spin.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new ZmqException(ErrorCode.EINVAL, "spinBeforePark must be 0 to 1 s: " + spin);
            }
            this.spinBeforePark = spin;
            return this;
        }

        /**
         * Creates the context and starts its I/O threads.
         *
         * @return the context
         */
        public Context build() {
            return new Context(this);
        }
    }
}
