// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.ctx;

/**
 * A socket as its {@link ContextCore} sees it: something to wake when the context terminates.
 * Owned by this package so that the context does not depend on the socket layer above it.
 */
public interface ContextMember {
    /** Wakes a thread blocked in the socket so that it sees the context terminating. Any thread. */
    void wakeForTermination();
}
