// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.monitor;

import java.util.List;

/**
 * The PAIR socket a {@link MonitorPublisher} writes events to, already bound at the monitor
 * endpoint. Owned by this package so that it does not depend on the socket layer above it; the
 * socket core implements it.
 *
 * <p>Owner: the publisher thread, once it has started.
 */
public interface EventSocket {
    /**
     * Sends a whole message.
     *
     * @param frames the frames, owned by the socket if sent
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return false if the wait timed out
     */
    boolean sendMsg(List<byte[]> frames, long timeoutNanos);

    /** Closes the socket. */
    void close();
}
