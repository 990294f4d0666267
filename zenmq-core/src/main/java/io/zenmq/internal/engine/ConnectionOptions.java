// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.SocketType;
import io.zenmq.internal.mechanism.SecurityConfig;

/**
 * The socket options a connection needs, snapshotted when the socket binds or connects (as
 * libzmq does). Immutable.
 *
 * @param type the local socket type
 * @param sendHwm messages queued towards the peer, 0 = no limit
 * @param receiveHwm messages queued from the peer, 0 = no limit
 * @param routingId the identity to announce, empty if none
 * @param maxMessageSize largest frame accepted from the peer, -1 = no limit
 * @param reconnectIvlNanos first pause before a reconnect, &lt;= 0 = never reconnect
 * @param reconnectIvlMaxNanos cap of the doubling back-off, 0 = no back-off
 * @param reconnectStop ZMQ_RECONNECT_STOP: a mask of the failures after which the session
 *     stops reconnecting ({@code SocketOptions.RECONNECT_STOP_*})
 * @param handshakeIvlNanos handshake deadline, 0 = none
 * @param sendBuffer SO_SNDBUF, -1 = OS default
 * @param receiveBuffer SO_RCVBUF, -1 = OS default
 * @param conflate ZMQ_CONFLATE in effect for this type: pipes keep only the newest message
 * @param immediate ZMQ_IMMEDIATE: a connecting session has a pipe only while connected
 * @param streamNotify ZMQ_STREAM_NOTIFY: a STREAM connection announces its start and end
 * @param heartbeat the ZMTP heartbeat settings
 * @param keepalive the TCP keepalive settings
 * @param ipv6 ZMQ_IPV6: a wildcard bind listens on IPv6 too
 * @param security the security mechanism and its settings
 */
public record ConnectionOptions(SocketType type, int sendHwm, int receiveHwm, byte[] routingId,
                                long maxMessageSize, long reconnectIvlNanos, long reconnectIvlMaxNanos,
                                int reconnectStop, long handshakeIvlNanos, int sendBuffer, int receiveBuffer,
                                boolean conflate, boolean immediate, boolean streamNotify,
                                Heartbeat heartbeat, Keepalive keepalive, boolean ipv6,
                                SecurityConfig security) {
    /**
     * TCP keepalive (libzmq's ZMQ_TCP_KEEPALIVE*); -1 everywhere leaves the OS defaults.
     *
     * @param enabled 1 on, 0 off, -1 OS default
     * @param count probes before the connection drops, -1 OS default
     * @param idleSeconds idle time before the first probe, -1 OS default
     * @param intervalSeconds time between probes, -1 OS default
     */
    public record Keepalive(int enabled, int count, int idleSeconds, int intervalSeconds) {
        /** The OS defaults. */
        public static final Keepalive DEFAULT = new Keepalive(-1, -1, -1, -1);
    }

    /**
     * ZMTP heartbeats (RFC 37, libzmq's ZMQ_HEARTBEAT_*).
     *
     * @param ivlNanos how often to PING, 0 = never
     * @param ttlNanos the time-to-live put in our PINGs, 0 = none
     * @param timeoutNanos how long to wait for any traffic after a PING
     */
    public record Heartbeat(long ivlNanos, long ttlNanos, long timeoutNanos) {
        /** No heartbeats. */
        public static final Heartbeat OFF = new Heartbeat(0, 0, 0);
    }

    /**
     * Tells whether this socket type announces an Identity property in READY (libzmq: REQ,
     * DEALER and ROUTER, even when empty).
     *
     * @return true if READY carries Identity
     */
    public boolean sendsIdentity() {
        return type == SocketType.REQ || type == SocketType.DEALER || type == SocketType.ROUTER;
    }
}
