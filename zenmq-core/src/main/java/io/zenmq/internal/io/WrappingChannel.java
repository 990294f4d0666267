// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.io;

import java.nio.channels.SelectableChannel;

/**
 * A channel that stands in for another one and is registered as that one. A selector accepts only
 * its own provider's channels, so an adapter that corrects how a library's channel behaves cannot
 * be registered itself: {@link IoThread#register} registers {@link #wrapped()} instead, and the
 * key it returns belongs to the wrapped channel.
 */
public interface WrappingChannel {
    /**
     * Returns the channel that selectors see.
     *
     * @return the wrapped channel
     */
    SelectableChannel wrapped();
}
