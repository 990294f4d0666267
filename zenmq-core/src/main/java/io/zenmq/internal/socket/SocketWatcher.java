// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

/**
 * Something that follows a socket's readiness without owning the socket, such as a poller. The
 * socket tells it when its readiness may have changed; it then asks {@link
 * SocketCore#readiness()} on the socket's thread. Nothing is said per message: other threads
 * only wake it when the socket's mailbox goes from empty to non-empty (as they would wake a
 * thread blocked in the socket), and the socket's own thread calls it at most once per call.
 *
 * <p>Owner: implemented by the watcher; {@link #socketWoken()} is called from any thread, {@link
 * #socketUsed()} from the socket's thread.
 */
public interface SocketWatcher {
    /** The socket got mail (a message, room, a new pipe) or its context is terminating. Any thread. */
    void socketWoken();

    /** The socket's thread called the socket (send, receive, connect, close...). Socket thread. */
    void socketUsed();
}
