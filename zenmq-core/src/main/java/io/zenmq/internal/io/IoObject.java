// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.io;

/**
 * Something an {@link IoThread} keeps alive until it is done: a listener or a session. Context
 * termination asks each to finish by a deadline, then forces the rest. IO thread only.
 */
public interface IoObject {
    /**
     * The context is closing: finish (deliver what may still go out) by the deadline.
     *
     * @param deadlineNanos a {@link System#nanoTime()} value; {@link Long#MAX_VALUE} for none
     */
    void contextTerminating(long deadlineNanos);

    /** The deadline passed: release every resource now. */
    void forceClose();
}
