// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

/** The one-byte commands that {@link ParanoidPirateQueue} and {@link ParanoidPirateWorker} exchange. */
final class ParanoidPirate {
    /** Worker to queue, once per connection: "I am here". */
    static final byte[] READY = {1};
    /** Either way, each interval: "I am still alive". */
    static final byte[] HEARTBEAT = {2};
    /** Heartbeats a peer may miss before it counts as dead. */
    static final int LIVENESS = 3;

    private ParanoidPirate() {
    }

    static boolean isCommand(byte[] frame, byte[] command) {
        return frame.length == 1 && frame[0] == command[0];
    }
}
