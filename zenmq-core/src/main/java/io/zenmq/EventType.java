// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.util.EnumSet;
import java.util.Set;

/**
 * The socket events a monitor reports, with libzmq 4.3's {@code ZMQ_EVENT_*} numbers (spec
 * transports.md section 10). {@link #value()} is the bit of the event in libzmq's event mask and
 * the number in the first frame of an inproc monitor message.
 */
public enum EventType {
    /** An outgoing connection is established (before the handshake); value: a connection number. */
    CONNECTED(0x0001),
    /** An asynchronous connect is in progress; value: errno 115 (EINPROGRESS). */
    CONNECT_DELAYED(0x0002),
    /** A reconnect is scheduled; value: the interval in milliseconds. */
    CONNECT_RETRIED(0x0004),
    /** A bind succeeded; value: a listener number. */
    LISTENING(0x0008),
    /** A bind failed; value: errno. */
    BIND_FAILED(0x0010),
    /** An incoming connection is accepted; value: a connection number. */
    ACCEPTED(0x0020),
    /** Accepting a connection failed; value: errno. */
    ACCEPT_FAILED(0x0040),
    /** A listener or a failed connect attempt's channel is closed; value: its number. */
    CLOSED(0x0080),
    /** Closing failed; value: errno. */
    CLOSE_FAILED(0x0100),
    /** An established connection ended; value: its connection number. */
    DISCONNECTED(0x0200),
    /** The monitor ended; value 0, empty endpoint. */
    MONITOR_STOPPED(0x0400),
    /** The handshake failed for a reason other than the protocol (EOF, timeout); value: errno. */
    HANDSHAKE_FAILED_NO_DETAIL(0x0800),
    /** The handshake completed; value 0. */
    HANDSHAKE_SUCCEEDED(0x1000),
    /** The peer broke the protocol during the handshake; value: a ZMQ_PROTOCOL_ERROR_* code. */
    HANDSHAKE_FAILED_PROTOCOL(0x2000),
    /** Authentication was refused; value: the ZAP status code (e.g. 400). */
    HANDSHAKE_FAILED_AUTH(0x4000);

    private final int value;

    EventType(int value) {
        this.value = value;
    }

    /**
     * Returns libzmq's number for this event.
     *
     * @return e.g. 0x0008 for {@link #LISTENING}
     */
    public int value() {
        return value;
    }

    /**
     * Returns the event with a libzmq number.
     *
     * @param value a {@code ZMQ_EVENT_*} number
     * @return the event
     * @throws IllegalArgumentException if no event has that number
     */
    public static EventType of(int value) {
        for (EventType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        throw new IllegalArgumentException("no such event: 0x" + Integer.toHexString(value));
    }

    /**
     * Returns every event (libzmq's {@code ZMQ_EVENT_ALL}).
     *
     * @return a new mutable set of all events
     */
    public static Set<EventType> all() {
        return EnumSet.allOf(EventType.class);
    }

    /**
     * Returns the events of a libzmq event mask.
     *
     * @param mask an OR of {@code ZMQ_EVENT_*} numbers
     * @return a new mutable set
     */
    public static Set<EventType> fromMask(int mask) {
        Set<EventType> set = EnumSet.noneOf(EventType.class);
        for (EventType type : values()) {
            if ((mask & type.value) != 0) {
                set.add(type);
            }
        }
        return set;
    }
}
