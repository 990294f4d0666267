// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import io.zenmq.internal.pipe.Pipe;

/**
 * Told when a routing helper reads a pipe's end marker: the peer ended the pipe, so its owner
 * forgets it everywhere. Called on the socket's thread, the owner of the pipe's end.
 */
public interface EndedPipeListener {
    /**
     * Reports that a pipe's peer ended it (its end marker was read).
     *
     * @param pipe the socket's end
     */
    void pipeEnded(Pipe pipe);
}
