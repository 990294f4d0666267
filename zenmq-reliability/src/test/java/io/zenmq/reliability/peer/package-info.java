// SPDX-License-Identifier: MPL-2.0
/** Peers in child JVMs: the peer program (PeerMain) and its driver (PeerProcess). */
package io.zenmq.reliability.peer;
