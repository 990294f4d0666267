// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;

/**
 * {@code ZMQ_HELLO_MSG}: the message DEALER, CLIENT, REQ, ROUTER, SERVER and PEER queue to each
 * new peer pipe before anything else (libzmq 4.3.5 sends it on every new pipe, inproc included).
 * Stateless; socket thread only.
 */
final class HelloMessage {
    private HelloMessage() {
    }

    /**
     * Queues the hello message, if one is set, on a pipe just attached.
     *
     * @param options the socket's options
     * @param pipe the new pipe's socket end
     */
    static void greet(PatternOptions options, Pipe pipe) {
        byte[] hello = options.helloMessage;
        if (hello.length > 0) {
            // a copy per pipe: over inproc the peer receives the very array
            pipe.write(hello.clone(), false);
            pipe.flush();
        }
    }
}
