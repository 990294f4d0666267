// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * The socket options zenmq implements, as typed keys with libzmq's names, numbers and defaults.
 *
 * <pre>{@code
 * socket.set(SocketOptions.SNDHWM, 10_000).set(SocketOptions.LINGER, Duration.ZERO);
 * String endpoint = socket.get(SocketOptions.LAST_ENDPOINT);
 * }</pre>
 *
 * <p>Values are validated when set ({@link ErrorCode#EINVAL} otherwise) and take effect for
 * endpoints bound or connected afterwards, as in libzmq.
 */
public final class SocketOptions {
    /** {@code ZMQ_SNDHWM}: outbound queue limit per peer, in messages; 0 = none. Default 1000. */
    public static final Option<Integer> SNDHWM = count("ZMQ_SNDHWM", 23, 1000);
    /** {@code ZMQ_RCVHWM}: inbound queue limit per peer, in messages; 0 = none. Default 1000. */
    public static final Option<Integer> RCVHWM = count("ZMQ_RCVHWM", 24, 1000);
    /**
     * {@code ZMQ_LINGER}: how long {@link Socket#close()} keeps delivering queued messages.
     * {@link Option#INFINITE} (the default) waits until they are sent or the context closes;
     * {@link Duration#ZERO} drops them at once.
     */
    public static final Option<Duration> LINGER = time("ZMQ_LINGER", 17, Option.INFINITE);
    /** {@code ZMQ_SNDTIMEO}: how long a blocking send waits; default {@link Option#INFINITE}. */
    public static final Option<Duration> SNDTIMEO = time("ZMQ_SNDTIMEO", 28, Option.INFINITE);
    /** {@code ZMQ_RCVTIMEO}: how long a blocking receive waits; default {@link Option#INFINITE}. */
    public static final Option<Duration> RCVTIMEO = time("ZMQ_RCVTIMEO", 27, Option.INFINITE);
    /**
     * {@code ZMQ_RECONNECT_IVL}: pause before a connecting socket retries; default 100 ms;
     * {@link Option#INFINITE} or zero: never reconnect.
     */
    public static final Option<Duration> RECONNECT_IVL = time("ZMQ_RECONNECT_IVL", 18, Duration.ofMillis(100));
    /**
     * {@code ZMQ_RECONNECT_IVL_MAX}: upper bound of the doubling back-off; zero (the default)
     * keeps the pause at {@link #RECONNECT_IVL}.
     */
    public static final Option<Duration> RECONNECT_IVL_MAX = time("ZMQ_RECONNECT_IVL_MAX", 21, Duration.ZERO);
    /**
     * {@code ZMQ_RECONNECT_STOP} (libzmq 4.3.5 draft): a mask of the failures after which a
     * connecting socket gives the endpoint up instead of retrying: {@link #RECONNECT_STOP_CONN_REFUSED},
     * {@link #RECONNECT_STOP_HANDSHAKE_FAILED}, {@link #RECONNECT_STOP_AFTER_DISCONNECT}; default 0
     * (always retry). Read when the socket connects. Messages queued for a given-up endpoint are
     * dropped, as with a zero {@link #RECONNECT_IVL}.
     */
    public static final Option<Integer> RECONNECT_STOP = new Option<>("ZMQ_RECONNECT_STOP", 109, Integer.class, 0,
            v -> true, "a mask of RECONNECT_STOP_* bits", false);
    /** {@link #RECONNECT_STOP} bit: stop when the peer refuses the connection (no listener). */
    public static final int RECONNECT_STOP_CONN_REFUSED = 0x1;
    /**
     * {@link #RECONNECT_STOP} bit: stop when a connection ends before its ZMTP handshake
     * completed (the peer closed it, went silent past {@code HANDSHAKE_IVL}, or is not ZMTP).
     */
    public static final int RECONNECT_STOP_HANDSHAKE_FAILED = 0x2;
    /**
     * {@link #RECONNECT_STOP} bit: once the endpoint was disconnected (or the socket closed),
     * a refused connect ends the lingering attempt to deliver what is queued.
     */
    public static final int RECONNECT_STOP_AFTER_DISCONNECT = 0x4;
    /**
     * {@code ZMQ_HANDSHAKE_IVL}: a connection that has not finished its ZMTP handshake in this
     * time is dropped; zero: no limit. Default 30 s.
     */
    public static final Option<Duration> HANDSHAKE_IVL = time("ZMQ_HANDSHAKE_IVL", 66, Duration.ofSeconds(30));
    /**
     * {@code ZMQ_MAXMSGSIZE}: a peer that sends a larger frame is disconnected; -1 (default) = no
     * limit.
     */
    public static final Option<Long> MAXMSGSIZE = new Option<>("ZMQ_MAXMSGSIZE", 22, Long.class, -1L,
            v -> v >= -1, ">= -1", false);
    /**
     * {@code ZMQ_ROUTING_ID}: the identity announced to peers (1 to 255 bytes, not starting with
     * a zero byte); empty by default.
     */
    public static final Option<byte[]> ROUTING_ID = new Option<>("ZMQ_ROUTING_ID", 5, byte[].class, new byte[0],
            v -> v.length >= 1 && v.length <= 255 && v[0] != 0, "1 to 255 bytes, first byte not 0", false);
    /** {@code ZMQ_SNDBUF}: kernel send buffer size in bytes; -1 (default) = OS default. */
    public static final Option<Integer> SNDBUF = new Option<>("ZMQ_SNDBUF", 11, Integer.class, -1,
            v -> v >= -1, ">= -1", false);
    /** {@code ZMQ_RCVBUF}: kernel receive buffer size in bytes; -1 (default) = OS default. */
    public static final Option<Integer> RCVBUF = new Option<>("ZMQ_RCVBUF", 12, Integer.class, -1,
            v -> v >= -1, ">= -1", false);
    /** {@code ZMQ_CONFLATE}: keep only the newest message in each queue (single-frame messages). */
    public static final Option<Boolean> CONFLATE = flag("ZMQ_CONFLATE", 54);
    /**
     * {@code ZMQ_IMMEDIATE}: queue messages only to peers with a finished connection (a connecting
     * socket gets its pipe after the handshake and loses it on disconnect).
     */
    public static final Option<Boolean> IMMEDIATE = flag("ZMQ_IMMEDIATE", 39);
    /** {@code ZMQ_ROUTER_MANDATORY}: ROUTER fails with EHOSTUNREACH for unknown ids, EAGAIN when full. */
    public static final Option<Boolean> ROUTER_MANDATORY = flag("ZMQ_ROUTER_MANDATORY", 33);
    /** {@code ZMQ_ROUTER_HANDOVER}: a new connection with a routing id in use takes it over. */
    public static final Option<Boolean> ROUTER_HANDOVER = flag("ZMQ_ROUTER_HANDOVER", 56);
    /** {@code ZMQ_PROBE_ROUTER}: send an empty message to each new peer (ROUTER, DEALER, REQ). */
    public static final Option<Boolean> PROBE_ROUTER = flag("ZMQ_PROBE_ROUTER", 51);
    /** {@code ZMQ_REQ_CORRELATE}: REQ prefixes requests with an id and drops replies to others. */
    public static final Option<Boolean> REQ_CORRELATE = flag("ZMQ_REQ_CORRELATE", 52);
    /** {@code ZMQ_REQ_RELAXED}: REQ may send a new request before the reply to the last one. */
    public static final Option<Boolean> REQ_RELAXED = flag("ZMQ_REQ_RELAXED", 53);
    /** {@code ZMQ_XPUB_VERBOSE}: XPUB passes on every subscription, duplicates included. */
    public static final Option<Boolean> XPUB_VERBOSE = flag("ZMQ_XPUB_VERBOSE", 40);
    /** {@code ZMQ_XPUB_VERBOSER}: like XPUB_VERBOSE, and every unsubscription too. */
    public static final Option<Boolean> XPUB_VERBOSER = flag("ZMQ_XPUB_VERBOSER", 78);
    /** {@code ZMQ_XPUB_MANUAL}: XPUB applies subscriptions only through {@link Socket#subscribe}. */
    public static final Option<Boolean> XPUB_MANUAL = flag("ZMQ_XPUB_MANUAL", 71);
    /** {@code ZMQ_XPUB_NODROP}: XPUB/PUB wait (or EAGAIN) instead of dropping at the high-water mark. */
    public static final Option<Boolean> XPUB_NODROP = flag("ZMQ_XPUB_NODROP", 69);
    /** {@code ZMQ_XPUB_WELCOME_MSG}: a message XPUB sends to each new subscriber; empty = none. */
    public static final Option<byte[]> XPUB_WELCOME_MSG = new Option<>("ZMQ_XPUB_WELCOME_MSG", 72, byte[].class,
            new byte[0], v -> true, "any bytes", false);
    /**
     * {@code ZMQ_HELLO_MSG} (libzmq 4.3.5 draft): a message DEALER, CLIENT, REQ, ROUTER, SERVER and
     * PEER queue to every new peer pipe before anything else; empty = none. libzmq accepts it on
     * every type and so does zenmq; the other types ignore it.
     */
    public static final Option<byte[]> HELLO_MSG = new Option<>("ZMQ_HELLO_MSG", 110, byte[].class,
            new byte[0], v -> true, "any bytes", false);
    /**
     * {@code ZMQ_DISCONNECT_MSG} (libzmq 4.3.5 draft): a message a SERVER or PEER receives, with the
     * peer's routing id, when a peer that connected to it (or any inproc peer) goes away; empty =
     * none. Accepted on every type; the other types ignore it (libzmq's ROUTER also delivers it,
     * zenmq's does not yet).
     */
    public static final Option<byte[]> DISCONNECT_MSG = new Option<>("ZMQ_DISCONNECT_MSG", 111, byte[].class,
            new byte[0], v -> true, "any bytes", false);
    /** {@code ZMQ_CONNECT_ROUTING_ID}: the routing id ROUTER/STREAM give the next connect()ed peer. */
    public static final Option<byte[]> CONNECT_ROUTING_ID = new Option<>("ZMQ_CONNECT_ROUTING_ID", 61,
            byte[].class, new byte[0], v -> v.length >= 1 && v.length <= 255, "1 to 255 bytes", false);
    /** {@code ZMQ_STREAM_NOTIFY}: STREAM announces connects and disconnects; default true. */
    public static final Option<Boolean> STREAM_NOTIFY = new Option<>("ZMQ_STREAM_NOTIFY", 73, Boolean.class, true,
            v -> true, "true or false", false);
    /** {@code ZMQ_INVERT_MATCHING}: PUB/SUB/XPUB deliver what does NOT match the subscriptions. */
    public static final Option<Boolean> INVERT_MATCHING = flag("ZMQ_INVERT_MATCHING", 74);
    /** {@code ZMQ_HEARTBEAT_IVL}: send a ZMTP PING this often on each connection; zero (default) = off. */
    public static final Option<Duration> HEARTBEAT_IVL = time("ZMQ_HEARTBEAT_IVL", 75, Duration.ZERO);
    /**
     * {@code ZMQ_HEARTBEAT_TTL}: the time-to-live announced in our PINGs: the peer drops the
     * connection if it hears nothing from us for this long. Whole deciseconds, at most 6553.5 s;
     * keep it at most 65.5 s with libzmq peers (they compute TTL x 100 in 16 bits).
     */
    public static final Option<Duration> HEARTBEAT_TTL = new Option<>("ZMQ_HEARTBEAT_TTL", 76, Duration.class,
            Duration.ZERO, v -> !v.isNegative() && v.toMillis() <= 6_553_599, "0 to 6553599 ms", false);
    /**
     * {@code ZMQ_HEARTBEAT_TIMEOUT}: drop a connection that sends nothing for this long after a
     * PING; {@link Option#INFINITE} (default) = the heartbeat interval.
     */
    public static final Option<Duration> HEARTBEAT_TIMEOUT = time("ZMQ_HEARTBEAT_TIMEOUT", 77, Option.INFINITE);
    /**
     * {@code ZMQ_IPV6}: a wildcard bind ({@code tcp://*:port}) listens on IPv6 and IPv4 alike
     * instead of IPv4 only. IPv6 literals work either way.
     */
    public static final Option<Boolean> IPV6 = flag("ZMQ_IPV6", 42);
    /**
     * {@code ZMQ_MULTICAST_HOPS}: the time-to-live of multicast datagrams a udp RADIO or DGRAM
     * sends; default 1 (the local network).
     */
    public static final Option<Integer> MULTICAST_HOPS = new Option<>("ZMQ_MULTICAST_HOPS", 25, Integer.class, 1,
            v -> v > 0, "at least 1", false);
    /**
     * {@code ZMQ_MULTICAST_LOOP}: whether multicast datagrams a udp RADIO or DGRAM sends come back
     * to receivers on this host; default true.
     */
    public static final Option<Boolean> MULTICAST_LOOP = new Option<>("ZMQ_MULTICAST_LOOP", 96, Boolean.class, true,
            v -> true, "true or false", false);
    /** {@code ZMQ_TCP_KEEPALIVE}: 1 turns SO_KEEPALIVE on, 0 off, -1 (default) leaves the OS default. */
    public static final Option<Integer> TCP_KEEPALIVE = new Option<>("ZMQ_TCP_KEEPALIVE", 34, Integer.class, -1,
            v -> v >= -1 && v <= 1, "-1, 0 or 1", false);
    /** {@code ZMQ_TCP_KEEPALIVE_CNT}: unanswered probes before the connection drops; -1 = OS default. */
    public static final Option<Integer> TCP_KEEPALIVE_CNT = keepalive("ZMQ_TCP_KEEPALIVE_CNT", 35);
    /** {@code ZMQ_TCP_KEEPALIVE_IDLE}: idle seconds before the first probe; -1 = OS default. */
    public static final Option<Integer> TCP_KEEPALIVE_IDLE = keepalive("ZMQ_TCP_KEEPALIVE_IDLE", 36);
    /** {@code ZMQ_TCP_KEEPALIVE_INTVL}: seconds between probes; -1 = OS default. */
    public static final Option<Integer> TCP_KEEPALIVE_INTVL = keepalive("ZMQ_TCP_KEEPALIVE_INTVL", 37);
    /** {@code ZMQ_LAST_ENDPOINT} (read-only): the last endpoint bound, with its actual port. */
    public static final Option<String> LAST_ENDPOINT = readOnly("ZMQ_LAST_ENDPOINT", 32, String.class, "");
    /** {@code ZMQ_TYPE} (read-only): the socket's type. */
    public static final Option<SocketType> TYPE = readOnly("ZMQ_TYPE", 16, SocketType.class, SocketType.PAIR);
    /**
     * {@code ZMQ_EVENTS} (read-only): {@link #POLLIN} if a message can be received now,
     * {@link #POLLOUT} if one can be sent now, as libzmq's bit mask.
     */
    public static final Option<Integer> EVENTS = readOnly("ZMQ_EVENTS", 15, Integer.class, 0);
    /** The {@link #EVENTS} bit for "a message can be received" ({@code ZMQ_POLLIN}). */
    public static final int POLLIN = 1;
    /** The {@link #EVENTS} bit for "a message can be sent" ({@code ZMQ_POLLOUT}). */
    public static final int POLLOUT = 2;
    /** {@code ZMQ_RCVMORE} (read-only): whether the last frame received has more frames after it. */
    public static final Option<Boolean> RCVMORE = readOnly("ZMQ_RCVMORE", 13, Boolean.class, false);

    /**
     * {@code ZMQ_PLAIN_SERVER}: true makes this socket a PLAIN server (every connection, bound or
     * connected, uses PLAIN and asks the ZAP handler); false returns it to NULL.
     */
    public static final Option<Boolean> PLAIN_SERVER = flag("ZMQ_PLAIN_SERVER", 44);
    /** {@code ZMQ_PLAIN_USERNAME}: setting it makes this socket a PLAIN client (0 to 255 bytes). */
    public static final Option<String> PLAIN_USERNAME = credential("ZMQ_PLAIN_USERNAME", 45);
    /** {@code ZMQ_PLAIN_PASSWORD}: the PLAIN client's password (0 to 255 bytes); makes it a client. */
    public static final Option<String> PLAIN_PASSWORD = credential("ZMQ_PLAIN_PASSWORD", 46);
    /**
     * {@code ZMQ_CURVE_SERVER}: true makes this socket a CURVE server, which needs
     * {@link #CURVE_SECRETKEY}; false returns it to NULL.
     */
    public static final Option<Boolean> CURVE_SERVER = flag("ZMQ_CURVE_SERVER", 47);
    /** {@code ZMQ_CURVE_PUBLICKEY}: this socket's long-term public key, 32 bytes or 40 Z85 characters. */
    public static final Option<byte[]> CURVE_PUBLICKEY = curveKey("ZMQ_CURVE_PUBLICKEY", 48);
    /** {@code ZMQ_CURVE_SECRETKEY}: this socket's long-term secret key, 32 bytes or 40 Z85 characters. */
    public static final Option<byte[]> CURVE_SECRETKEY = curveKey("ZMQ_CURVE_SECRETKEY", 49);
    /**
     * {@code ZMQ_CURVE_SERVERKEY}: the server's public key (32 bytes or 40 Z85 characters);
     * setting it makes this socket a CURVE client.
     */
    public static final Option<byte[]> CURVE_SERVERKEY = curveKey("ZMQ_CURVE_SERVERKEY", 50);
    /**
     * {@code ZMQ_ZAP_DOMAIN}: the domain sent in ZAP requests (0 to 255 bytes); a non-empty domain
     * makes a NULL socket ask the ZAP handler too.
     */
    public static final Option<String> ZAP_DOMAIN = credential("ZMQ_ZAP_DOMAIN", 55);
    /**
     * {@code ZMQ_MECHANISM} (read-only): the security mechanism the last security option chose:
     * {@code "NULL"}, {@code "PLAIN"} or {@code "CURVE"}.
     */
    public static final Option<String> MECHANISM = readOnly("ZMQ_MECHANISM", 43, String.class, "NULL");

    private SocketOptions() {
    }

    private static Option<Integer> keepalive(String name, int number) {
        return new Option<>(name, number, Integer.class, -1, v -> v == -1 || v >= 1, "-1 or at least 1", false);
    }

    private static Option<String> credential(String name, int number) {
        return new Option<>(name, number, String.class, "",
                v -> v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255, "0 to 255 bytes of UTF-8", false);
    }

    private static Option<byte[]> curveKey(String name, int number) {
        return new Option<>(name, number, byte[].class, new byte[0], v -> true,
                "32 bytes or 40 Z85 characters", false, Z85::curveKey);
    }

    private static Option<Boolean> flag(String name, int number) {
        return new Option<>(name, number, Boolean.class, false, v -> true, "true or false", false);
    }

    private static Option<Integer> count(String name, int number, int dflt) {
        return new Option<>(name, number, Integer.class, dflt, v -> v >= 0, ">= 0", false);
    }

    private static Option<Duration> time(String name, int number, Duration dflt) {
        Predicate<Duration> valid = v -> v.equals(Option.INFINITE)
                || (!v.isNegative() && v.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) <= 0);
        return new Option<>(name, number, Duration.class, dflt, valid, "INFINITE or 0 to 2^31-1 ms", false);
    }

    private static <T> Option<T> readOnly(String name, int number, Class<T> type, T dflt) {
        return new Option<>(name, number, type, dflt, v -> false, "read-only", true);
    }
}
