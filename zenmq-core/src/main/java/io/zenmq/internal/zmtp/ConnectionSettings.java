// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import io.zenmq.SocketType;

/**
 * What a {@link ZmtpConnection} needs to know about its socket, fixed for the connection's life.
 *
 * @param type the local socket type
 * @param routingId our ZMQ_ROUTING_ID, empty if none; legacy peers get it as our identity frame
 * @param legacyAllowed whether ZMTP 1.0/2.0 peers are accepted (NULL mechanism without ZAP)
 * @param maxMessageSize largest frame accepted once the handshake is done, -1 = no limit
 * @param handshakeIvlNanos handshake deadline, 0 = none
 * @param heartbeatIvlNanos how often to PING, 0 = never
 * @param heartbeatTtlNanos the time-to-live put in our PINGs, 0 = none
 * @param heartbeatTimeoutNanos how long to wait for any traffic after a PING, 0 = forever
 */
public record ConnectionSettings(SocketType type, byte[] routingId, boolean legacyAllowed,
                                 long maxMessageSize, long handshakeIvlNanos, long heartbeatIvlNanos,
                                 long heartbeatTtlNanos, long heartbeatTimeoutNanos) {
    /** Whether the socket takes subscriptions from its peers: a PUB or XPUB. */
    boolean takesSubscriptions() {
        return type == SocketType.PUB || type == SocketType.XPUB;
    }

    /** Whether the socket takes JOIN/LEAVE from its peers: a RADIO. */
    boolean takesGroups() {
        return type == SocketType.RADIO;
    }

    /** Whether incoming messages must be {@code [group][body]} pairs: a DISH. */
    boolean receivesGroups() {
        return type == SocketType.DISH;
    }
}
