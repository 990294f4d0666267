// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.support;

import io.zenmq.Socket;

/**
 * Options one benchmark wants on its sockets before they bind or connect, on top of the ones
 * {@link SocketPair} always sets. This is where a security mechanism is chosen: the NULL mechanism
 * needs nothing, while PLAIN or CURVE set their server flag and keys here, on the binding end and
 * the connecting end alike.
 */
@FunctionalInterface
public interface EndSetup {
    /** libzmq's default NULL mechanism: no options to set. */
    EndSetup NULL_MECHANISM = (socket, binder) -> { };

    /**
     * Sets options on one end.
     *
     * @param socket the socket, not yet bound or connected
     * @param binder true for the end that binds, false for the one that connects
     */
    void configure(Socket socket, boolean binder);
}
