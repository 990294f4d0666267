// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import java.nio.charset.StandardCharsets;

/**
 * The Majordomo Protocol, version 0.2 (MDP/0.2): the protocol names and command bytes, in one
 * place for {@link MajordomoBroker}, {@link MajordomoWorker} and {@link MajordomoClient}.
 *
 * <p>Client to broker: {@code [][MDPC02][REQUEST][service][body...]}; broker to client:
 * {@code [][MDPC02][PARTIAL|FINAL][service][body...]}. Worker to broker:
 * {@code [][MDPW02][READY][service]}, {@code [][MDPW02][PARTIAL|FINAL][client][][body...]},
 * {@code [][MDPW02][HEARTBEAT]}, {@code [][MDPW02][DISCONNECT]}; broker to worker:
 * {@code [][MDPW02][REQUEST][client][][body...]}, HEARTBEAT and DISCONNECT. (The leading empty
 * frame is what a REQ socket would add; DEALER peers send it themselves.)
 */
final class Mdp {
    static final byte[] CLIENT = "MDPC02".getBytes(StandardCharsets.US_ASCII);
    static final byte[] WORKER = "MDPW02".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EMPTY = {};

    static final byte[] CLIENT_REQUEST = {1};
    static final byte[] CLIENT_PARTIAL = {2};
    static final byte[] CLIENT_FINAL = {3};

    static final byte[] WORKER_READY = {1};
    static final byte[] WORKER_REQUEST = {2};
    static final byte[] WORKER_PARTIAL = {3};
    static final byte[] WORKER_FINAL = {4};
    static final byte[] WORKER_HEARTBEAT = {5};
    static final byte[] WORKER_DISCONNECT = {6};

    /** Heartbeats a peer may miss before it counts as dead. */
    static final int LIVENESS = 3;

    private Mdp() {
    }

    static boolean is(byte[] frame, byte[] command) {
        return java.util.Arrays.equals(frame, command);
    }
}
