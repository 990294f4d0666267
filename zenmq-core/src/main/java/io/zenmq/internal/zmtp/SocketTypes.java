// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.util.Map;
import java.util.Set;

/**
 * Which socket types may talk to each other, by the {@code Socket-Type} wire names exchanged in READY /
 * INITIATE metadata (spec/zmtp.md section 6.3). Values are compared exactly and case-sensitively, as
 * libzmq does ({@code dealer} is not {@code DEALER}). Stateless.
 */
public final class SocketTypes {
    private static final Map<String, Set<String>> PEERS = Map.ofEntries(
            Map.entry("REQ", Set.of("REP", "ROUTER")),
            Map.entry("REP", Set.of("REQ", "DEALER")),
            Map.entry("DEALER", Set.of("REP", "DEALER", "ROUTER")),
            Map.entry("ROUTER", Set.of("REQ", "DEALER", "ROUTER")),
            Map.entry("PUB", Set.of("SUB", "XSUB")),
            Map.entry("XPUB", Set.of("SUB", "XSUB")),
            Map.entry("SUB", Set.of("PUB", "XPUB")),
            Map.entry("XSUB", Set.of("PUB", "XPUB")),
            Map.entry("PUSH", Set.of("PULL")),
            Map.entry("PULL", Set.of("PUSH")),
            Map.entry("PAIR", Set.of("PAIR")),
            Map.entry("SERVER", Set.of("CLIENT")),
            Map.entry("CLIENT", Set.of("SERVER")),
            Map.entry("RADIO", Set.of("DISH")),
            Map.entry("DISH", Set.of("RADIO")),
            Map.entry("SCATTER", Set.of("GATHER")),
            Map.entry("GATHER", Set.of("SCATTER")),
            Map.entry("PEER", Set.of("PEER")),
            Map.entry("CHANNEL", Set.of("CHANNEL")),
            Map.entry("DGRAM", Set.of("DGRAM")));

    private SocketTypes() {
    }

    /**
     * Returns whether a local socket of {@code localType} accepts a peer announcing {@code peerType}.
     *
     * @param localType our wire type name, e.g. {@code "DEALER"}
     * @param peerType the peer's {@code Socket-Type} value
     * @return true if the pair is allowed; false for unknown names (including STREAM, which has no ZMTP)
     */
    public static boolean compatible(String localType, String peerType) {
        Set<String> accepted = PEERS.get(localType);
        return accepted != null && accepted.contains(peerType);
    }
}
