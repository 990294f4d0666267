// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.poll;

import io.zenmq.internal.socket.SocketCore;
import io.zenmq.internal.socket.SocketWatcher;

/**
 * A socket registered in a {@link PollerCore}. It is the socket's watcher: a wake-up queues it on
 * the poller (any thread), a call on the socket puts it on the poller's list of sockets to look
 * at (socket thread, which is the polling thread).
 *
 * <p>Owner: the polling thread; {@link #socketWoken()} any thread.
 *
 * @param <T> the public object the poller hands back
 */
final class SocketEntry<T> extends PollEntry<T> implements SocketWatcher {
    final SocketCore socket;
    /** On the poller's list of sockets to look at in the next poll. */
    boolean candidate;

    SocketEntry(PollerCore<T> poller, SocketCore socket, int interest) {
        super(poller, interest);
        this.socket = socket;
    }

    @Override
    public void socketWoken() {
        poller.woken(this);
    }

    @Override
    public void socketUsed() {
        poller.lookAt(this);
    }
}
