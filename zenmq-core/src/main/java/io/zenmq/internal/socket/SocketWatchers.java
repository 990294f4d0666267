// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import java.util.Arrays;

/**
 * The pollers following one socket. The socket's own calls (send, recv, connect, close...) tell
 * them through {@link #socketUsed()}, since such a call may change what the socket is ready for;
 * wake-ups from other threads reach them through the {@link Waiter}, to which every change of the
 * set is published.
 *
 * <p>On a thread-safe socket the calls come from any thread, while a poller may only be touched by
 * its own: they are then passed on as wake-ups ({@link SocketWatcher#socketWoken()}), which any
 * thread may send.
 *
 * <p>Owner: the socket's application thread, or whoever holds a thread-safe socket's lock (the
 * waiter reads its published copy from any thread).
 */
final class SocketWatchers {
    private final Waiter waiter;
    /** The socket is thread-safe: its calls come from threads other than the poller's. */
    private final boolean shared;
    /** Null while no poller follows the socket: the common case costs one null check per call. */
    private SocketWatcher[] current;

    SocketWatchers(Waiter waiter, boolean shared) {
        this.waiter = waiter;
        this.shared = shared;
    }

    /** Starts telling a watcher; it must not be added yet. */
    void add(SocketWatcher watcher) {
        SocketWatcher[] now = current == null ? new SocketWatcher[1] : Arrays.copyOf(current, current.length + 1);
        now[now.length - 1] = watcher;
        publish(now);
    }

    /** Stops telling a watcher; does nothing if it was not added. */
    void remove(SocketWatcher watcher) {
        SocketWatcher[] old = current;
        if (old == null) {
            return;
        }
        SocketWatcher[] now = new SocketWatcher[old.length];
        int kept = 0;
        for (SocketWatcher each : old) {
            if (each != watcher) {
                now[kept++] = each;
            }
        }
        publish(kept == 0 ? null : Arrays.copyOf(now, kept));
    }

    /** The socket's thread used the socket: its readiness may have changed. */
    void socketUsed() {
        SocketWatcher[] told = current;
        if (told != null) {
            for (SocketWatcher watcher : told) {
                if (shared) {
                    watcher.socketWoken();
                } else {
                    watcher.socketUsed();
                }
            }
        }
    }

    private void publish(SocketWatcher[] now) {
        current = now;
        waiter.watchers(now);
    }
}
