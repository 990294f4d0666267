// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;

/**
 * Inbound handling for patterns that never receive (PUSH): whatever a peer sends is discarded,
 * and the end marker is noticed so the pipe can be dropped. Reading an empty pipe also arms its
 * read wake-up, which is how the end marker reaches the socket at all.
 */
final class SendOnlyPeers {
    private SendOnlyPeers() {
    }

    static void drain(Pipe pipe, PatternHost host) {
        while (pipe.read() != null) {
            // a send-only socket has no use for inbound data
        }
        if (pipe.isInEnded()) {
            host.pipeEnded(pipe);
        }
    }
}
