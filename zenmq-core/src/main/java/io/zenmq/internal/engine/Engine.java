// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

/**
 * One live stream connection as its {@link Session} drives it: ZMTP ({@link ZmtpEngine}) or raw
 * bytes (STREAM sockets). Owner: the session's I/O thread.
 */
interface Engine {
    /** Registers the channel and starts the handshake. */
    void start();

    /** The session's pipe has messages to send, or the session is closing. */
    void outputReady();

    /** The socket drained its queue below the high-water mark: resume reading. */
    void inputReady();

    /** Drops the connection at once, without telling the session. */
    void abort();
}
