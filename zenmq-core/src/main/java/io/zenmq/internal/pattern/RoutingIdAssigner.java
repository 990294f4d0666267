// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.RoutingTable;
import io.zenmq.internal.routing.SendOnlyPeers;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Settles the routing id of each ROUTER peer (patterns.md section 3.5) and admits the peer to
 * the ROUTER's fair queue. A pipe is identified once its handshake is known: at attach for an
 * accepted or inproc pipe, at {@link Pattern#pipeConnected} for a connecting one (anonymous,
 * neither routable nor read, until then), and again after each reconnect. A peer asking for an
 * id in use is refused: its pipe is ended and what it sends is discarded; with
 * {@code ZMQ_ROUTER_HANDOVER} the holder is ended instead, keeping a made-up id while it
 * delivers what it has queued. Ended pipes are terminated here; the ROUTER notices through
 * {@link Pipe#isTerminated()}. Keeps the {@link RouterPeer} of every attached pipe, looked up only
 * when the socket hands a pipe back (attach, connect, wake-up, termination). Socket thread only.
 */
final class RoutingIdAssigner {
    private final PatternHost host;
    private final PatternOptions options;
    private final RoutingTable<RouterPeer> table;
    private final FairQueue<RouterPeer> in;
    private final Map<Pipe, RouterPeer> peers = new IdentityHashMap<>();

    RoutingIdAssigner(PatternHost host, PatternOptions options, RoutingTable<RouterPeer> table,
            FairQueue<RouterPeer> in) {
        this.host = host;
        this.options = options;
        this.table = table;
        this.in = in;
    }

    void attach(Pipe pipe) {
        RouterPeer peer = new RouterPeer(pipe);
        peers.put(pipe, peer);
        RouterProbe.attached(options, pipe);
        if (pipe.hasPeerProperties()) {
            peer.connected = true;
            identify(peer);
        }
    }

    void connected(Pipe pipe) {
        RouterPeer peer = peers.get(pipe);
        if (peer == null || peer.dropped) {
            return;
        }
        RouterProbe.connected(options, pipe, peer.connected);
        peer.connected = true;
        identify(peer);
    }

    private void identify(RouterPeer peer) {
        byte[] id = peer.chooseId(table);
        if (Arrays.equals(id, peer.id)) {
            return;
        }
        RouterPeer holder = table.lookup(id);
        if (holder != null) {
            if (!options.routerHandover) {
                refuse(peer);
                return;
            }
            evict(holder);
        }
        if (peer.id != null) {
            table.remove(peer.id, peer);
        }
        peer.id = id;
        table.put(id, peer);
        if (!peer.queued) {
            peer.queued = true;
            in.attach(peer);
        }
    }

    private void refuse(RouterPeer peer) {
        if (peer.id != null) {
            table.remove(peer.id, peer);
            peer.id = null;
        }
        if (peer.queued) {
            peer.queued = false;
            in.terminated(peer.pipe());
        }
        peer.dropped = true;
        peer.pipe().terminate();
        SendOnlyPeers.drain(peer.pipe(), host);
    }

    private void evict(RouterPeer old) {
        table.remove(old.id, old);
        old.id = table.generate();
        old.generated = true;
        old.dropped = true;
        table.put(old.id, old);
        old.pipe().terminate();
    }

    void terminated(Pipe pipe) {
        RouterPeer peer = peers.remove(pipe);
        if (peer == null) {
            return;
        }
        if (peer.id != null) {
            table.remove(peer.id, peer);
        }
        if (peer.queued) {
            in.terminated(pipe);
        }
    }

    void pipeReadable(Pipe pipe) {
        RouterPeer peer = peers.get(pipe);
        if (peer == null) {
            return;
        }
        if (peer.queued) {
            in.activated(pipe);
        } else if (peer.dropped || !pipe.hasQueuedMessage()) {
            // a refused peer, or an anonymous one whose session ended: notice the end marker
            SendOnlyPeers.drain(pipe, host);
        }
    }
}
