// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.util.Objects;

/**
 * One socket event, as a libzmq monitor reports it.
 *
 * @param type what happened
 * @param endpoint the bound endpoint with its actual port for bind-side events, the endpoint as
 *     given for connect-side events, empty for {@link EventType#MONITOR_STOPPED}
 * @param value the event's value with libzmq's meaning: errno, retry interval in ms, protocol
 *     error code, ZAP status, or a connection number where libzmq gives a file descriptor
 */
public record SocketEvent(EventType type, String endpoint, long value) {
    /**
     * Checks the fields.
     *
     * @param type what happened
     * @param endpoint where, never null
     * @param value the value
     */
    public SocketEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    @Override
    public String toString() {
        return type + " " + endpoint + " " + value;
    }
}
