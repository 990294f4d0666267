// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zap;

import java.util.List;

/**
 * The ROUTER socket a {@link ZapServer} serves, already bound at the ZAP endpoint. Owned by this
 * package so that it does not depend on the socket layer above it; the socket core implements it.
 *
 * <p>Owner: the serving thread, once the server has started.
 */
public interface ZapSocket {
    /**
     * Receives a whole message.
     *
     * @param timeoutNanos 0 to never wait, -1 to wait forever
     * @return the frames, or null if the wait timed out
     * @throws io.zenmq.ZmqException {@code EINTR} if interrupted, {@code ETERM} once the context closes
     */
    List<byte[]> recvMsg(long timeoutNanos);

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
