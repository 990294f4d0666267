// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.EventType;
import io.zenmq.internal.monitor.MonitorSink;

/**
 * Where a socket's events go: the current {@link MonitorSink}, or nowhere.
 *
 * <p>Owner: the socket's thread attaches a sink; I/O threads report events and the closing
 * context stops it, so the sink is volatile and swapped under this object's lock.
 */
final class MonitorHook {
    /** Null when the socket is not monitored. */
    private volatile MonitorSink sink;

    /**
     * Sends events to a new sink, stopping the previous one.
     *
     * @param next the new sink, or null to stop monitoring
     */
    void attach(MonitorSink next) {
        MonitorSink previous;
        synchronized (this) {
            previous = sink;
            sink = next;
        }
        if (previous != null) {
            previous.stop();
        }
    }

    /** Forgets a sink if it is still the current one. Any thread. */
    void detach(MonitorSink old) {
        synchronized (this) {
            if (sink == old) {
                sink = null;
            }
        }
    }

    /** Reports an event to the sink, if any. Any thread. */
    void event(EventType type, String endpoint, long value) {
        MonitorSink current = sink;
        if (current != null) {
            current.event(type, endpoint, value);
        }
    }

    /** Ends monitoring for good: the sink gets MONITOR_STOPPED. Any thread. */
    void stop() {
        MonitorSink current = sink;
        if (current != null) {
            current.stop();
        }
    }
}
