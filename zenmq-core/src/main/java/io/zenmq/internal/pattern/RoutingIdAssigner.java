// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.SocketOptions;
import io.zenmq.internal.pipe.Pipe;
import java.util.Arrays;

/**
 * Settles the routing id of each ROUTER peer (patterns.md section 3.5) and admits the peer to
 * the ROUTER's fair queue. A pipe is identified once its handshake is known: at attach for an
 * accepted or inproc pipe, at {@link Pattern#pipeConnected} for a connecting one (anonymous,
 * neither routable nor read, until then), and again after each reconnect. A peer asking for an
 * id in use is refused: its pipe is ended and what it sends is discarded; with
 * {@code ZMQ_ROUTER_HANDOVER} the holder is ended instead, keeping a made-up id while it
 * delivers what it has queued. Ended pipes are terminated here; the ROUTER notices through
 * {@link Pipe#isTerminated()}. Socket thread only.
 */
final class RoutingIdAssigner {
    private final PatternHost host;
    private final RoutingTable table;
    private final FairQueue in;

    RoutingIdAssigner(PatternHost host, RoutingTable table, FairQueue in) {
        this.host = host;
        this.table = table;
        this.in = in;
    }

    void attach(Pipe pipe) {
        RouterPeer peer = new RouterPeer();
        pipe.attachment = peer;
        RouterProbe.attached(host, pipe);
        if (pipe.hasPeerProperties()) {
            peer.connected = true;
            identify(pipe, peer);
        }
    }

    void connected(Pipe pipe) {
        RouterPeer peer = (RouterPeer) pipe.attachment;
        if (peer.dropped) {
            return;
        }
        RouterProbe.connected(host, pipe, peer.connected);
        peer.connected = true;
        identify(pipe, peer);
    }

    private void identify(Pipe pipe, RouterPeer peer) {
        byte[] id = peer.chooseId(pipe, table);
        if (Arrays.equals(id, peer.id)) {
            return;
        }
        Pipe holder = table.lookup(id);
        if (holder != null) {
            if (!host.option(SocketOptions.ROUTER_HANDOVER)) {
                refuse(pipe, peer);
                return;
            }
            evict(holder);
        }
        if (peer.id != null) {
            table.remove(peer.id, pipe);
        }
        peer.id = id;
        table.put(id, pipe);
        if (!peer.queued) {
            peer.queued = true;
            in.attach(pipe);
        }
    }

    private void refuse(Pipe pipe, RouterPeer peer) {
        if (peer.id != null) {
            table.remove(peer.id, pipe);
            peer.id = null;
        }
        if (peer.queued) {
            peer.queued = false;
            in.terminated(pipe);
        }
        peer.dropped = true;
        pipe.terminate();
        SendOnlyPeers.drain(pipe, host);
    }

    private void evict(Pipe old) {
        RouterPeer peer = (RouterPeer) old.attachment;
        table.remove(peer.id, old);
        peer.id = table.generate();
        peer.generated = true;
        peer.dropped = true;
        table.put(peer.id, old);
        old.terminate();
    }

    void terminated(Pipe pipe) {
        RouterPeer peer = (RouterPeer) pipe.attachment;
        if (peer.id != null) {
            table.remove(peer.id, pipe);
        }
        if (peer.queued) {
            in.terminated(pipe);
        }
    }

    void readActivated(Pipe pipe) {
        RouterPeer peer = (RouterPeer) pipe.attachment;
        if (peer.queued) {
            in.activated(pipe);
        } else if (peer.dropped || !pipe.hasQueuedMessage()) {
            // a refused peer, or an anonymous one whose session ended: notice the end marker
            SendOnlyPeers.drain(pipe, host);
        }
    }
}
