// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.io;

import java.nio.channels.SelectionKey;

/** Reacts to readiness of a channel registered with an {@link IoThread}. IO thread only. */
public interface IoHandler {
    /**
     * The channel is ready for some of its interest operations.
     *
     * @param key the channel's key, with its ready set
     */
    void ready(SelectionKey key);

    /**
     * An unexpected exception escaped {@link #ready}; the handler must release its channel.
     *
     * @param error what escaped
     */
    void failed(Throwable error);
}
