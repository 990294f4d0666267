// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.EventType;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import java.time.Duration;

/** Reading a {@link SocketMonitor} in tests: each event must come within {@link #WAIT}. */
public final class MonitorEvents {
    /** How long any one expected event may take. */
    public static final Duration WAIT = Duration.ofSeconds(10);
    /** Linux EINPROGRESS, the value of a CONNECT_DELAYED event. */
    private static final int EINPROGRESS = 115;

    private MonitorEvents() {
    }

    /**
     * The next event.
     *
     * @param monitor the monitor
     * @return the event, which must arrive within {@link #WAIT}
     */
    public static SocketEvent next(SocketMonitor monitor) {
        SocketEvent event = monitor.next(WAIT);
        assertThat(event).as("an event within %s", WAIT).isNotNull();
        return event;
    }

    /**
     * The next event, skipping a CONNECT_DELAYED (a local connect may complete at once), which
     * must then name {@code endpoint} with EINPROGRESS.
     *
     * @param monitor the monitor of a connecting socket
     * @param endpoint the endpoint it connects to
     * @return the first event after the delay, if any
     */
    public static SocketEvent nextAfterDelay(SocketMonitor monitor, String endpoint) {
        SocketEvent event = next(monitor);
        if (event.type() == EventType.CONNECT_DELAYED) {
            assertThat(event).isEqualTo(new SocketEvent(EventType.CONNECT_DELAYED, endpoint, EINPROGRESS));
            event = next(monitor);
        }
        return event;
    }

    /**
     * Reads events up to the first of a type.
     *
     * @param monitor the monitor
     * @param type the type to wait for
     * @return that event
     */
    public static SocketEvent skipUntil(SocketMonitor monitor, EventType type) {
        SocketEvent event;
        do {
            event = next(monitor);
        } while (event.type() != type);
        return event;
    }
}
