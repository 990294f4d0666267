// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.Option;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.internal.engine.ConnectionOptions;
import io.zenmq.internal.mechanism.Mechanisms;
import io.zenmq.internal.mechanism.SecurityConfig;
import java.nio.charset.StandardCharsets;
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
    private String mechanism = "NULL";
    private boolean asServer;
    // Read on every send and recv: cached so the hot path skips the map and Duration maths.
    private long sendTimeoutNanos = -1;
    private long receiveTimeoutNanos = -1;

    <T> void set(Option<T> option, T value) {
        values.put(option, option.validate(value));
        chooseMechanism(option, value);
        cacheTimeout(option);
    }

    private void cacheTimeout(Option<?> option) {
        if (option == SocketOptions.SNDTIMEO) {
            sendTimeoutNanos = nanos(SocketOptions.SNDTIMEO);
        } else if (option == SocketOptions.RCVTIMEO) {
            receiveTimeoutNanos = nanos(SocketOptions.RCVTIMEO);
        }
    }

    /** SNDTIMEO in nanoseconds, -1 for infinite. */
    long sendTimeoutNanos() {
        return sendTimeoutNanos;
    }

    /** RCVTIMEO in nanoseconds, -1 for infinite. */
    long receiveTimeoutNanos() {
        return receiveTimeoutNanos;
    }

    /**
     * Security options pick the mechanism and role as in libzmq: the last one set wins. A server
     * flag set to false, or an empty PLAIN credential, returns the socket to NULL.
     */
    private void chooseMechanism(Option<?> option, Object value) {
        if (option == SocketOptions.PLAIN_SERVER || option == SocketOptions.CURVE_SERVER) {
            asServer = (Boolean) value;
            mechanism = !asServer ? "NULL" : option == SocketOptions.PLAIN_SERVER ? "PLAIN" : "CURVE";
        } else if (option == SocketOptions.PLAIN_USERNAME || option == SocketOptions.PLAIN_PASSWORD) {
            asServer = false;
            mechanism = ((String) value).isEmpty() ? "NULL" : "PLAIN";
        } else if (option == SocketOptions.CURVE_SERVERKEY) {
            asServer = false;
            mechanism = "CURVE";
        } else if (option == SocketOptions.CURVE_PUBLICKEY || option == SocketOptions.CURVE_SECRETKEY) {
            mechanism = "CURVE";
        }
    }

    <T> T get(Option<T> option) {
        Object value = values.get(option);
        return value == null ? option.defaultValue() : option.copy(option.type().cast(value));
    }

    /** Returns an option to its default, as if never set. */
    void reset(Option<?> option) {
        values.remove(option);
        cacheTimeout(option);
    }

    /**
     * ZMQ_CONNECT_ROUTING_ID names only the next connection: libzmq consumes it there.
     *
     * @return the id, now reset to none; null if none was set
     */
    byte[] takeConnectRoutingId() {
        byte[] id = get(SocketOptions.CONNECT_ROUTING_ID);
        if (id.length == 0) {
            return null;
        }
        reset(SocketOptions.CONNECT_ROUTING_ID);
        return id;
    }

    /** Converts a time option to nanoseconds; -1 for {@link Option#INFINITE}. */
    long nanos(Option<Duration> option) {
        Duration value = get(option);
        return value.equals(Option.INFINITE) ? -1 : value.toNanos();
    }

    ConnectionOptions snapshot(SocketType type) {
        SecurityConfig security = security();
        Mechanisms.validate(security);
        return new ConnectionOptions(type, get(SocketOptions.SNDHWM), get(SocketOptions.RCVHWM),
                values.containsKey(SocketOptions.ROUTING_ID) ? get(SocketOptions.ROUTING_ID) : new byte[0],
                get(SocketOptions.MAXMSGSIZE), nanos(SocketOptions.RECONNECT_IVL),
                Math.max(0, nanos(SocketOptions.RECONNECT_IVL_MAX)), get(SocketOptions.RECONNECT_STOP),
                Math.max(0, nanos(SocketOptions.HANDSHAKE_IVL)),
                get(SocketOptions.SNDBUF), get(SocketOptions.RCVBUF), conflates(type),
                get(SocketOptions.IMMEDIATE), get(SocketOptions.STREAM_NOTIFY), heartbeat(),
                new ConnectionOptions.Keepalive(get(SocketOptions.TCP_KEEPALIVE), get(SocketOptions.TCP_KEEPALIVE_CNT),
                        get(SocketOptions.TCP_KEEPALIVE_IDLE), get(SocketOptions.TCP_KEEPALIVE_INTVL)),
                get(SocketOptions.IPV6), security);
    }

    /** The mechanism the last security option chose, with its settings (as libzmq's options.cpp). */
    private SecurityConfig security() {
        return new SecurityConfig(mechanism, asServer, utf8(get(SocketOptions.PLAIN_USERNAME)),
                utf8(get(SocketOptions.PLAIN_PASSWORD)), get(SocketOptions.CURVE_PUBLICKEY),
                get(SocketOptions.CURVE_SECRETKEY), get(SocketOptions.CURVE_SERVERKEY), get(SocketOptions.ZAP_DOMAIN));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code ZMQ_MECHANISM}: NULL, PLAIN or CURVE. */
    String mechanism() {
        return mechanism;
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
