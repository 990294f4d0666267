// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.io;

import io.zenmq.internal.queue.MpscWakeQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One background I/O thread with ONE selector for all its connections, a mailbox of tasks posted
 * by other threads, and timers.
 *
 * <p>Owner: its own thread; every other thread only calls {@link #post(Runnable)}. A poster wakes
 * the selector only if the thread is about to sleep or sleeping, so a busy thread is not woken
 * per task. The thread is a daemon; it ends after {@link #stop(long)} once all its
 * {@link IoObject}s are done or the deadline passed.
 */
public final class IoThread {
    /*
     * Looked up when the class loads, on purpose, although a JVM's first look-up costs tens of
     * milliseconds (it finds the logging backend): looked up at the first log call instead, it ran
     * when descriptors were exhausted, the JDK's security set-up failed to read its files, and a
     * failed class initialization is permanent, so the I/O thread died (LoadTest's fd-limit test).
     */
    private static final System.Logger LOG = System.getLogger(IoThread.class.getName());

    static {
        openJdkLastingDescriptors();
    }

    private final Selector selector;
    /**
     * Whether the selector is not the JDK's (junixsocket's, for abstract ipc names). Such a
     * selector reports a peer's hang-up by marking the key invalid for that round, with the ready
     * operations poll gave, and then drops it: the handler must still run to read what the peer
     * sent before it went.
     */
    private final boolean foreignSelector;
    /** Handles one ready key inside select, so the JDK keeps no selected-key set (no garbage). */
    private final Consumer<SelectionKey> onReady = this::ready;
    private final Queue<Runnable> mailbox = new ConcurrentLinkedQueue<>();
    /** Reusable wake-up tasks ({@link Task}), queued without allocating. */
    private final MpscWakeQueue wakeups = new MpscWakeQueue();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final Set<IoObject> objects = new HashSet<>();
    private final Thread thread;
    private final Resolver resolver;
    private volatile boolean sleeping;
    /** True while a select (and the handlers it runs) is under way. IO thread only. */
    private boolean selecting;
    private long timerSequence;
    private boolean stopping;
    private long stopDeadline;
    private boolean interruptLogged;
    private boolean interruptSeen;

    /**
     * Opens a JDK selector and starts the thread.
     *
     * @param name the thread's name
     * @param resolver the context's host name resolver
     */
    public IoThread(String name, Resolver resolver) {
        this(name, resolver, SelectorProvider.provider());
    }

    /**
     * Opens a selector from the given provider and starts the thread. Only channels of that
     * provider can be registered with it (junixsocket's channels need junixsocket's selector).
     *
     * @param name the thread's name
     * @param resolver the context's host name resolver
     * @param provider where the selector comes from
     */
    public IoThread(String name, Resolver resolver, SelectorProvider provider) {
        this.resolver = resolver;
        try {
            this.selector = provider.openSelector();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.foreignSelector = provider != SelectorProvider.provider();
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Makes the JDK open, now, the descriptors it keeps for good once the first channel is made or
     * closed (its dispatcher's pre-close socket pair). Left to happen lazily, the first close after
     * the process ran out of descriptors (ulimit -n) failed with an ExceptionInInitializerError
     * that ended the I/O thread and left every socket deaf; made here, that close just works.
     */
    private static void openJdkLastingDescriptors() {
        try {
            java.nio.channels.Pipe pipe = java.nio.channels.Pipe.open();
            pipe.sink().close();
            pipe.source().close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not prepare the JDK's descriptors", e);
        }
    }

    /**
     * Runs a task on this thread, soon. Any thread.
     *
     * @param task the task
     */
    public void post(Runnable task) {
        mailbox.offer(task);
        if (sleeping) {
            selector.wakeup();
        }
    }

    /**
     * A reusable task, such as a session's "pipe readable" wake-up: posting it allocates nothing,
     * and posting it again before it ran runs it once.
     */
    public static final class Task extends MpscWakeQueue.Node {
        private final Runnable action;

        /**
         * Creates a task to post any number of times.
         *
         * @param action what to run on the I/O thread
         */
        public Task(Runnable action) {
            this.action = action;
        }
    }

    /**
     * Runs a reusable task on this thread, soon, unless it is already pending. Any thread.
     *
     * @param task the task
     */
    public void post(Task task) {
        // a sleeping thread is woken by the first post only: later ones find the queue non-empty
        if (wakeups.offer(task) == MpscWakeQueue.QUEUED_FIRST && sleeping) {
            selector.wakeup();
        }
    }

    /**
     * Returns the context's resolver, for host name lookups that must not block this thread.
     *
     * @return the resolver
     */
    public Resolver resolver() {
        return resolver;
    }

    /**
     * Schedules a one-shot action. IO thread only.
     *
     * @param delayNanos how long from now
     * @param action what to run
     * @return the timer, to cancel it
     */
    public Timer schedule(long delayNanos, Runnable action) {
        Timer timer = new Timer(System.nanoTime() + Math.max(0, delayNanos), timerSequence++, action);
        timers.add(timer);
        return timer;
    }

    /**
     * Registers a channel with this thread's selector; a {@link WrappingChannel} is registered as
     * the channel it wraps. IO thread only.
     *
     * @param channel a non-blocking channel
     * @param ops the interest set
     * @param handler who reacts to readiness
     * @return the key
     * @throws ClosedChannelException if the channel is closed
     */
    public SelectionKey register(SelectableChannel channel, int ops, IoHandler handler)
            throws ClosedChannelException {
        SelectableChannel target = channel instanceof WrappingChannel
                ? ((WrappingChannel) channel).wrapped() : channel;
        SelectionKey existing = target.keyFor(selector);
        if (existing != null && existing.isValid()) {
            existing.attach(handler);
            existing.interestOps(ops);
            return existing;
        }
        return target.register(selector, ops, handler);
    }

    /**
     * Keeps an object alive on this thread until {@link #remove(IoObject)}. IO thread only.
     *
     * @param object a listener or session
     */
    public void add(IoObject object) {
        objects.add(object);
        if (stopping) {
            object.contextTerminating(stopDeadline);
        }
    }

    /**
     * Finishes closing the channels closed since the last select. The JDK keeps a registered
     * channel's socket open until the key leaves the selector at the next select, so a closed
     * listener would still accept connections and hold its port. A listener calls this before it
     * reports CLOSED, so that, as with libzmq, the endpoint is free once the event is seen. IO
     * thread only. Inside a select's handlers another select is not allowed: there the close
     * completes at the next select. A foreign selector's round must not be spent here (it may
     * carry a hang-up, see the field), and junixsocket's channels close at once anyway.
     */
    public void completeCloses() {
        if (selecting || foreignSelector) {
            return;
        }
        try {
            // readiness is level-triggered: whatever is ready now is reported again next time
            selector.selectNow(key -> { });
        } catch (IOException | ClosedSelectorException e) {
            // the thread is ending: closing the selector closes every channel anyway
            LOG.log(System.Logger.Level.DEBUG, "select to complete closes failed", e);
        }
    }

    /**
     * Forgets an object that is done. IO thread only.
     *
     * @param object a listener or session
     */
    public void remove(IoObject object) {
        objects.remove(object);
    }

    /**
     * Asks the thread to end once its objects are done, forcing them at the deadline. Any thread.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value, or {@link Long#MAX_VALUE}
     */
    public void stop(long deadlineNanos) {
        post(() -> {
            stopping = true;
            stopDeadline = deadlineNanos;
            for (IoObject object : new ArrayList<>(objects)) {
                object.contextTerminating(deadlineNanos);
            }
        });
    }

    /**
     * Waits for the thread to end.
     *
     * @param timeoutMillis the longest wait
     * @return true if it ended
     * @throws InterruptedException if the caller is interrupted
     */
    public boolean join(long timeoutMillis) throws InterruptedException {
        thread.join(timeoutMillis);
        return !thread.isAlive();
    }

    private void loop() {
        try {
            while (true) {
                runMailbox();
                long nextTimer = runTimers();
                if (stopping && (objects.isEmpty() || deadlinePassed())) {
                    break;
                }
                select(nextTimer);
            }
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.ERROR, "I/O thread failed", e);
        } finally {
            shutdown();
        }
    }

    private boolean deadlinePassed() {
        return stopDeadline != Long.MAX_VALUE && System.nanoTime() - stopDeadline >= 0;
    }

    private void runMailbox() {
        for (MpscWakeQueue.Node node = wakeups.drain(); node != null; ) {
            MpscWakeQueue.Node next = node.next();
            node.release();
            run(((Task) node).action);
            node = next;
        }
        Runnable task;
        while ((task = mailbox.poll()) != null) {
            run(task);
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (Throwable e) {
            // one task's failure (even an OutOfMemoryError) must not end the loop of every connection
            survived("task", e);
        }
    }

    /**
     * Notes a failure the loop survived: one line at WARNING, the stack trace only at DEBUG, so
     * whatever a peer provokes never prints a stack trace by default.
     */
    private static void survived(String what, Throwable e) {
        LOG.log(System.Logger.Level.WARNING, () -> what + " failed on I/O thread: " + e);
        LOG.log(System.Logger.Level.DEBUG, what + " failed on I/O thread", e);
    }

    /** Runs due timers; returns the nanos until the next one, or -1 if none. */
    private long runTimers() {
        while (!timers.isEmpty()) {
            Timer next = timers.peek();
            if (next.cancelled) {
                timers.poll();
                continue;
            }
            long wait = next.deadline - System.nanoTime();
            if (wait > 0) {
                return wait;
            }
            timers.poll();
            try {
                next.action.run();
            } catch (Throwable e) {
                survived("timer", e);
            }
        }
        return -1;
    }

    private void select(long timerNanos) {
        long wait = timerNanos;
        if (stopping && stopDeadline != Long.MAX_VALUE) {
            long untilDeadline = Math.max(1, stopDeadline - System.nanoTime());
            wait = wait < 0 ? untilDeadline : Math.min(wait, untilDeadline);
        }
        try {
            sleeping = true;
            selecting = true;
            if (foreignSelector) {
                selectIntoKeySet(wait);
            } else if (!mailbox.isEmpty() || !wakeups.isEmpty()) {
                selector.selectNow(onReady);
            } else if (wait < 0) {
                selector.select(onReady);
            } else {
                selector.select(onReady, Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("selector failed", e);
        } finally {
            sleeping = false;
            selecting = false;
        }
        boolean interrupted = Thread.interrupted() || interruptSeen;
        interruptSeen = false;
        if (interrupted && !interruptLogged) {
            interruptLogged = true;
            LOG.log(System.Logger.Level.WARNING, "I/O thread was interrupted; ignoring it");
        }
    }

    /**
     * Selects the classic way, through the selected-key set. A foreign selector may not implement
     * the consumer form, and reports hang-ups through keys it marks invalid (see the field).
     */
    private void selectIntoKeySet(long wait) throws IOException {
        if (!mailbox.isEmpty() || !wakeups.isEmpty()) {
            selector.selectNow();
        } else if (wait < 0) {
            selector.select();
        } else {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)));
        }
        sleeping = false;
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
            SelectionKey key = keys.next();
            keys.remove();
            ready(key);
        }
    }

    private void ready(SelectionKey key) {
        // awake from here on: posters need not wake the selector again
        if (sleeping) {
            sleeping = false;
        }
        // handlers run inside select now: an interrupt must not reach (and close) their channels
        if (Thread.interrupted()) {
            interruptSeen = true;
        }
        IoHandler handler = (IoHandler) key.attachment();
        if (!key.isValid() && !(foreignSelector && key.channel().isOpen())) {
            return;
        }
        try {
            handler.ready(key);
        } catch (Throwable e) {
            // the handler (one connection or listener) ends; the loop and every other one go on
            try {
                handler.failed(e);
            } catch (Throwable again) {
                survived("closing a failed handler", again);
            }
        }
    }

    private void shutdown() {
        for (IoObject object : new ArrayList<>(objects)) {
            try {
                object.forceClose();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "force close failed", e);
            }
        }
        objects.clear();
        for (SelectionKey key : selector.keys()) {
            try {
                key.channel().close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "channel close failed", e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "selector close failed", e);
        }
    }
}
