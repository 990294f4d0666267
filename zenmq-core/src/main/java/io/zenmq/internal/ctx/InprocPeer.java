// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.ctx;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import java.util.Map;

/**
 * What the {@link InprocRegistry} needs of a socket to join it to another one by a pipe. Owned by
 * this package so that the context does not depend on the socket layer above it; the socket core
 * implements it.
 *
 * <p>Owner: the socket's application thread, except where a method says "any thread".
 */
public interface InprocPeer extends PipeListener {
    /**
     * Returns what an inproc peer learns of this socket in place of a handshake. Any thread.
     *
     * @return the properties, by their ZMTP names
     */
    Map<String, byte[]> inprocProperties();

    /**
     * Hands this socket a pipe end made by another thread. Any thread.
     *
     * @param socketEnd this socket's end
     * @return false if the socket is already closed and did not take it
     */
    boolean attachPipe(Pipe socketEnd);

    /**
     * Tells this socket that the peer of an end it already holds is now known. Any thread.
     *
     * @param socketEnd this socket's end
     */
    void pipeConnected(Pipe socketEnd);

    /** @return SNDHWM, read by a connecting peer's thread as libzmq does */
    int sendHwm();

    /** @return RCVHWM, read by a connecting peer's thread as libzmq does */
    int receiveHwm();

    /** @return true if new pipes of this socket keep only the newest message */
    boolean conflates();

    /**
     * Takes this socket's end of a pipe it made by connecting. Socket thread.
     *
     * @param socketEnd this socket's end
     */
    void adoptInproc(Pipe socketEnd);
}
