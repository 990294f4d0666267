// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An event loop on the caller's thread that runs handlers for ready sockets, ready JDK channels
 * and timers (CZMQ's {@code zloop}, JeroMQ's {@code ZLoop}), built on a {@link Poller} and
 * {@link Timers}.
 *
 * <pre>{@code
 * try (Reactor reactor = new Reactor()) {
 *     reactor.register(frontend, Poller.IN, item -> backend.send(frontend.recvMsg()));
 *     reactor.register(backend, Poller.IN, item -> frontend.send(backend.recvMsg()));
 *     reactor.timers().add(Duration.ofSeconds(1), timer -> log.info("alive"));
 *     reactor.run();   // until a handler or another thread calls reactor.stop()
 * }
 * }</pre>
 *
 * <p>Each pass of the loop waits until a registration is ready or the next timer is due, runs the
 * handler of every ready registration (level-triggered, as {@link Poller}: a handler that leaves
 * a message unread is called again at the next pass), then the handlers of the due timers. From a
 * handler, any registration or timer may be added, removed, cancelled or reset, including the one
 * being run; a registration removed during a pass is not called later in that pass.
 *
 * <p>How the loop ends:
 * <ul>
 * <li>{@link #stop()}, from a handler or from any other thread: {@link #run()} returns once the
 *     handler running (if any) returns, and no further handler runs. This is what zloop's handler
 *     return value of -1 does.</li>
 * <li>A handler throws: the exception comes out of {@link #run()} unchanged, as from any call.</li>
 * <li>The context of a registered socket is closed: {@link #run()} throws {@link ZmqException}
 *     with {@link ErrorCode#ETERM}, as a blocked receive would (a handler that calls the socket
 *     first gets the same exception from that call).</li>
 * <li>The thread is interrupted while the loop waits: {@link #run()} throws {@link ZmqException}
 *     with {@link ErrorCode#EINTR} and the interrupt flag stays set.</li>
 * </ul>
 * After any of these the reactor keeps its registrations and timers, and {@link #run()} may be
 * called again. A socket closed while registered makes the loop throw
 * {@link ErrorCode#ENOTSOCK}; unregister it first.
 *
 * <p>Threading: not thread-safe, except {@link #stop()}. Register, unregister, use the timers and
 * run the loop on one thread, which must also be the thread using the registered sockets. The loop
 * waits by parking (or in a selector, once a channel is registered), so it runs well on virtual
 * threads, and uses no CPU while nothing is ready.
 */
public final class Reactor implements AutoCloseable {
    private final Poller poller = new Poller();
    private final Timers timers = Timers.create();
    private final Map<Poller.Item, Handler> handlers = new IdentityHashMap<>();
    /** The item of each registered socket or channel. */
    private final Map<Object, Poller.Item> items = new IdentityHashMap<>();
    /** The ready items of one pass, copied so handlers may (un)register while they are served. */
    private final List<Poller.Item> pass = new ArrayList<>();
    /** Set by {@link #stop()}, cleared when {@link #run()} returns. */
    private volatile boolean stopRequested;
    private boolean running;

    /** What the reactor runs for a ready socket or channel. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Called on the loop's thread when the registration is ready.
         *
         * @param item the registration: its {@link Poller.Item#socket()} or
         *     {@link Poller.Item#channel()}, and the {@link Poller.Item#events()} found ready
         */
        void ready(Poller.Item item);
    }

    /** Creates a reactor with no registration and no timer. */
    public Reactor() {
    }

    /**
     * Runs {@code handler} whenever the socket is ready for one of the {@code interest} events
     * ({@code zloop_reader}).
     *
     * @param socket a socket, of any context, used on the loop's thread
     * @param interest a mask of {@link Poller#IN} and {@link Poller#OUT}
     * @param handler what to run
     * @throws ZmqException {@link ErrorCode#EINVAL} if the socket is registered already
     */
    public void register(Socket socket, int interest, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        Poller.Item item = poller.register(socket, interest);
        handlers.put(item, handler);
        items.put(socket, item);
    }

    /**
     * Runs {@code handler} whenever the channel is ready for one of the {@code interest} events
     * ({@code zloop_poller} with a file descriptor).
     *
     * @param channel an open channel in non-blocking mode
     * @param interest a mask of {@link Poller#IN}, {@link Poller#OUT} and {@link Poller#ERR}
     * @param handler what to run
     * @throws ZmqException {@link ErrorCode#EINVAL} if the channel is registered already
     */
    public void register(SelectableChannel channel, int interest, Handler handler) {
        Objects.requireNonNull(handler, "handler");
        Poller.Item item = poller.register(channel, interest);
        handlers.put(item, handler);
        items.put(channel, item);
    }

    /**
     * Stops watching a socket ({@code zloop_reader_end}); the socket stays open.
     *
     * @param socket a registered socket (closed or not)
     * @throws ZmqException {@link ErrorCode#EINVAL} if it is not registered
     */
    public void unregister(Socket socket) {
        poller.unregister(socket);
        handlers.remove(items.remove(socket));
    }

    /**
     * Stops watching a channel; the channel stays open.
     *
     * @param channel a registered channel
     * @throws ZmqException {@link ErrorCode#EINVAL} if it is not registered
     */
    public void unregister(SelectableChannel channel) {
        poller.unregister(channel);
        handlers.remove(items.remove(channel));
    }

    /**
     * Returns the loop's timers: add, cancel and reset them there ({@code zloop_timer}); their
     * handlers run on the loop's thread.
     *
     * @return the timers the loop runs
     */
    public Timers timers() {
        return timers;
    }

    /**
     * Runs the loop on the calling thread until {@link #stop()}, a handler's exception, the
     * context's end or an interrupt (see the class comment). A {@code stop()} that came while the
     * loop was not running ends the next {@code run()} at once, so a stop from another thread
     * cannot be lost to a loop that had not started yet.
     *
     * @throws ZmqException {@link ErrorCode#ETERM} if the context of a registered socket is
     *     closed, {@link ErrorCode#EINTR} if the thread is interrupted while the loop waits,
     *     {@link ErrorCode#ENOTSOCK} if a registered socket was closed
     * @throws IllegalStateException if the loop is running already (e.g. {@code run()} from a handler)
     */
    public void run() {
        if (running) {
            throw new IllegalStateException("the reactor is running already");
        }
        running = true;
        try {
            while (!stopRequested) {
                poller.poll(timers.timeout());
                serveReady();
                if (!stopRequested) {
                    timers.execute(this);
                }
            }
        } finally {
            pass.clear();
            running = false;
            stopRequested = false;
        }
    }

    /**
     * Ends the loop: {@link #run()} returns once the handler running (if any) returns. Thread-safe:
     * from a handler or from any other thread; if the loop is not running, the next {@code run()}
     * returns at once.
     */
    public void stop() {
        stopRequested = true;
        poller.wakeup();
    }

    /** Tells whether a stop is pending; {@link Timers} checks it between the timers of a pass. */
    boolean isStopping() {
        return stopRequested;
    }

    /**
     * Unregisters every socket and channel (leaving them open) and releases the poller; the
     * timers stay. Call it on the loop's thread when the loop is not running. Idempotent.
     */
    @Override
    public void close() {
        handlers.clear();
        items.clear();
        poller.close();
    }

    @Override
    public String toString() {
        return "Reactor[" + poller.size() + " registrations, " + timers.size() + " timers"
                + (running ? ", running]" : "]");
    }

    private void serveReady() {
        List<Poller.Item> ready = poller.ready();
        for (int i = 0; i < ready.size(); i++) {
            pass.add(ready.get(i));   // addAll would copy through a new array each pass
        }
        try {
            for (int i = 0; i < pass.size() && !stopRequested; i++) {
                Poller.Item item = pass.get(i);
                Handler handler = handlers.get(item);
                if (handler != null) {
                    handler.ready(item);
                }
            }
        } finally {
            pass.clear();
        }
    }
}
