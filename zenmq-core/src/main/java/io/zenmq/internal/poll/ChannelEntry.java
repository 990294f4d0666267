// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.poll;

import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/**
 * A JDK channel registered in a {@link PollerCore}: its key in the poller's selector.
 *
 * <p>Owner: the polling thread.
 *
 * @param <T> the public object the poller hands back
 */
final class ChannelEntry<T> extends PollEntry<T> {
    final SelectableChannel channel;
    SelectionKey key;

    ChannelEntry(PollerCore<T> poller, SelectableChannel channel, int interest) {
        super(poller, interest);
        this.channel = channel;
    }

    /** @return the selector's interest ops for {@link #interest}, as far as the channel has them */
    int ops() {
        int valid = channel.validOps();
        int ops = 0;
        if ((interest & IN) != 0) {
            ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if ((interest & OUT) != 0) {
            ops |= valid & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT);
        }
        return ops;
    }

    /** @return the poller events a selected key's ready ops stand for */
    static int events(int readyOps) {
        int events = 0;
        if ((readyOps & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) {
            events |= IN;
        }
        if ((readyOps & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
            events |= OUT;
        }
        return events;
    }
}
