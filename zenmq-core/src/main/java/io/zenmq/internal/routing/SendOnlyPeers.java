// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import io.zenmq.internal.pipe.Pipe;

/**
 * Inbound handling for pipes a pattern never reads (PUSH, refused or closed peers): whatever a
 * peer sends is discarded, and the end marker is noticed so the pipe can be dropped. Reading an
 * empty pipe also arms its read wake-up, which is how the end marker reaches the socket at all.
 * Stateless; socket thread only.
 */
public final class SendOnlyPeers {
    private SendOnlyPeers() {
    }

    /**
     * Discards everything queued on the pipe and reports its end once it is read.
     *
     * @param pipe the socket's end
     * @param ends told if the pipe's end marker was read
     */
    public static void drain(Pipe pipe, EndedPipeListener ends) {
        while (pipe.read() != null) {
            // a send-only socket has no use for inbound data
        }
        if (pipe.isInEnded()) {
            ends.pipeEnded(pipe);
        }
    }
}
