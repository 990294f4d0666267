// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.Option;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.internal.engine.ConnectionOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The option values of one socket. Socket thread only. */
final class OptionValues {
    private static final Set<SocketType> CONFLATING = EnumSet.of(SocketType.PUB, SocketType.SUB, SocketType.PUSH,
            SocketType.PULL, SocketType.DEALER);
    private final Map<Option<?>, Object> values = new HashMap<>();

    <T> void set(Option<T> option, T value) {
        values.put(option, option.validate(value));
    }

    <T> T get(Option<T> option) {
        Object value = values.get(option);
        return value == null ? option.defaultValue() : option.copy(option.type().cast(value));
    }

    /** Returns an option to its default, as if never set. */
    void reset(Option<?> option) {
        values.remove(option);
    }

    /** Converts a time option to nanoseconds; -1 for {@link Option#INFINITE}. */
    long nanos(Option<Duration> option) {
        Duration value = get(option);
        return value.equals(Option.INFINITE) ? -1 : value.toNanos();
    }

    ConnectionOptions snapshot(SocketType type) {
        return new ConnectionOptions(type, get(SocketOptions.SNDHWM), get(SocketOptions.RCVHWM),
                values.containsKey(SocketOptions.ROUTING_ID) ? get(SocketOptions.ROUTING_ID) : new byte[0],
                get(SocketOptions.MAXMSGSIZE), nanos(SocketOptions.RECONNECT_IVL),
                Math.max(0, nanos(SocketOptions.RECONNECT_IVL_MAX)), Math.max(0, nanos(SocketOptions.HANDSHAKE_IVL)),
                get(SocketOptions.SNDBUF), get(SocketOptions.RCVBUF), conflates(type),
                get(SocketOptions.IMMEDIATE), get(SocketOptions.STREAM_NOTIFY), heartbeat(),
                new ConnectionOptions.Keepalive(get(SocketOptions.TCP_KEEPALIVE), get(SocketOptions.TCP_KEEPALIVE_CNT),
                        get(SocketOptions.TCP_KEEPALIVE_IDLE), get(SocketOptions.TCP_KEEPALIVE_INTVL)),
                get(SocketOptions.IPV6));
    }

    private ConnectionOptions.Heartbeat heartbeat() {
        long ivl = nanos(SocketOptions.HEARTBEAT_IVL);
        long timeout = nanos(SocketOptions.HEARTBEAT_TIMEOUT);
        return new ConnectionOptions.Heartbeat(ivl, nanos(SocketOptions.HEARTBEAT_TTL), timeout < 0 ? ivl : timeout);
    }

    /** Whether CONFLATE is set and applies to this type (libzmq: PUB, SUB, PUSH, PULL, DEALER). */
    boolean conflates(SocketType type) {
        return CONFLATING.contains(type) && get(SocketOptions.CONFLATE);
    }
}
