// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.EventType;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;

/**
 * What a session on an I/O thread may ask of its socket. Implemented by the socket; every
 * method is safe to call from an I/O thread.
 */
public interface SocketLink extends PipeListener {
    /**
     * Hands a new pipe end to the socket (posted to its mailbox).
     *
     * @param socketEnd the socket's end, created with this link as its listener
     * @return false if the socket is already closed: the caller must drop the connection
     */
    boolean attachPipe(Pipe socketEnd);

    /**
     * Tells the socket that a connecting pipe (attached at connect time) now has a live,
     * handshaken connection, again after every reconnect: the peer's properties are set on it.
     *
     * @param socketEnd the socket's end
     */
    void pipeConnected(Pipe socketEnd);

    /**
     * Returns the socket's current linger.
     *
     * @return nanoseconds, or -1 for infinite
     */
    long lingerNanos();

    /**
     * Reports a socket event to the socket's monitor, if it has one; a cheap no-op otherwise.
     * Any thread; never blocks.
     *
     * @param type what happened
     * @param endpoint the bound endpoint (bind side) or the endpoint as given (connect side)
     * @param value the event's value, with libzmq's meaning
     */
    void event(EventType type, String endpoint, long value);

    /**
     * Opens a pipe from a connection to the ZAP handler bound in this socket's context. Any
     * thread.
     *
     * @param client the connection's end's listener
     * @return the connection's end, or null if no handler is bound at
     *     {@code inproc://zeromq.zap.01}
     */
    Pipe connectZap(PipeListener client);
}
