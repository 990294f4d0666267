// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import io.zenmq.internal.monitor.MonitorSink;
import io.zenmq.internal.socket.SocketCore;

/**
 * The events of one monitored socket, handed over from the I/O threads through a bounded queue
 * (see {@link Socket#monitor(java.util.Set)}). The queue never makes an I/O thread wait: when
 * the application does not keep up, the oldest events are dropped and counted in
 * {@link #dropped()}. Monitoring ends with {@link EventType#MONITOR_STOPPED} when the socket
 * closes, its context closes, another monitor replaces this one, or {@link #close()} is called.
 *
 * <p>Thread-safe: any thread may read events, though one reader keeps them in order.
 */
public final class SocketMonitor implements AutoCloseable {
    private final SocketCore socket;
    private final MonitorSink sink;

    SocketMonitor(SocketCore socket, MonitorSink sink) {
        this.socket = socket;
        this.sink = sink;
    }

    /**
     * Takes the next event, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait; {@link Option#INFINITE} for no limit
     * @return the event, or null if the timeout passed or monitoring ended and every event was taken
     * @throws ZmqException {@link ErrorCode#EINTR} if the thread is interrupted while waiting
     */
    public SocketEvent next(java.time.Duration timeout) {
        long nanos = timeout.equals(Option.INFINITE) ? -1 : Math.max(0, timeout.toNanos());
        try {
            return sink.next(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZmqException(ErrorCode.EINTR, "interrupted while waiting for an event");
        }
    }

    /**
     * Takes the next event if one is queued.
     *
     * @return the event, or null if none is queued
     */
    public SocketEvent tryNext() {
        try {
            return sink.next(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ZmqException(ErrorCode.EINTR, "interrupted");
        }
    }

    /**
     * Returns how many events were dropped because they were not read in time.
     *
     * @return the count so far
     */
    public long dropped() {
        return sink.dropped();
    }

    /**
     * Tells whether monitoring ended and every event was taken.
     *
     * @return true once {@link #next} will return nothing more
     */
    public boolean isFinished() {
        return sink.isFinished();
    }

    /**
     * Stops monitoring: {@link EventType#MONITOR_STOPPED} (if asked for) is the last event.
     * Events already queued can still be read. Idempotent; the socket may be used from another
     * thread, as the stop only swaps a volatile reference.
     */
    @Override
    public void close() {
        socket.unmonitor(sink);
        sink.stop();
    }
}
