// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.SocketOptions;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.RoutingTable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a ROUTER gives each peer pipe its routing id, refuses a taken one or hands it over, over
 * real pipes with a fake socket: no connection and no thread.
 */
class RoutingIdAssignerTest {
    private static final PipeListener IGNORE = new PipeListener() {
        @Override
        public void pipeReadable(Pipe pipe) {
        }

        @Override
        public void pipeWritable(Pipe pipe) {
        }
    };

    private final List<Pipe> ended = new ArrayList<>();
    private final PatternHost host = ended::add;
    private final PatternOptions options = new PatternOptions();
    private final RoutingTable<RouterPeer> table = new RoutingTable<>(7);
    private final FairQueue<RouterPeer> in = new FairQueue<>(host);
    private final RoutingIdAssigner ids = new RoutingIdAssigner(host, options, table, in);

    private static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Pipe pipe() {
        return Pipe.pair(IGNORE, 0, IGNORE, 0)[0];
    }

    /** An accepted (or inproc) pipe: its peer's handshake is known when it is attached. */
    private static Pipe handshaken(String identity) {
        Pipe pipe = pipe();
        pipe.setPeerProperties(identity == null ? Map.of() : Map.of(Pipe.IDENTITY_PROPERTY, b(identity)));
        return pipe;
    }

    private Pipe holder(String id) {
        RouterPeer peer = table.lookup(b(id));
        return peer == null ? null : peer.pipe();
    }

    @Test
    void shouldUseTheIdentityThePeerAnnounced() {
        Pipe pipe = handshaken("alice");
        ids.attach(pipe);
        assertThat(holder("alice")).isSameAs(pipe);
        pipe.peer().write(b("hello"), false);
        pipe.peer().flush();
        assertThat(in.recv()).isEqualTo(b("hello"));
        assertThat(in.lastPeer().id).isEqualTo(b("alice"));
    }

    @Test
    void shouldMakeUpAnIdForAPeerWithoutOne() {
        Pipe pipe = handshaken("");
        ids.attach(pipe);
        assertThat(table.lookup(new byte[] {0, 0, 0, 0, 7}).pipe()).isSameAs(pipe);
    }

    @Test
    void shouldPreferTheConnectRoutingId() {
        Pipe pipe = handshaken("alice");
        pipe.setConnectRoutingId(b("chosen"));
        ids.attach(pipe);
        assertThat(holder("chosen")).isSameAs(pipe);
        assertThat(holder("alice")).isNull();
    }

    @Test
    void shouldKeepAConnectingPipeAnonymousUntilItsHandshake() {
        Pipe pipe = pipe();
        ids.attach(pipe);
        assertThat(table.peers()).isEmpty();
        pipe.setPeerProperties(Map.of(Pipe.IDENTITY_PROPERTY, b("bob")));
        ids.connected(pipe);
        assertThat(holder("bob")).isSameAs(pipe);
    }

    @Test
    void shouldKeepAMadeUpIdAcrossReconnects() {
        Pipe pipe = pipe();
        ids.attach(pipe);
        pipe.setPeerProperties(Map.of());
        ids.connected(pipe);
        ids.connected(pipe);
        assertThat(table.peers()).hasSize(1);
        assertThat(table.lookup(new byte[] {0, 0, 0, 0, 7}).pipe()).isSameAs(pipe);
    }

    @Test
    void shouldRefuseAPeerAskingForAnIdInUse() {
        Pipe first = handshaken("alice");
        Pipe second = handshaken("alice");
        ids.attach(first);
        second.peer().write(b("discarded"), false);
        second.peer().flush();
        ids.attach(second);
        assertThat(holder("alice")).isSameAs(first);
        assertThat(second.isTerminated()).isTrue();
        assertThat(first.isTerminated()).isFalse();
        assertThat(second.hasReadable()).isFalse();
        assertThat(in.recv()).isNull();
    }

    @Test
    void shouldHandTheIdOverWithRouterHandover() {
        options.update(SocketOptions.ROUTER_HANDOVER, true);
        Pipe first = handshaken("alice");
        Pipe second = handshaken("alice");
        ids.attach(first);
        ids.attach(second);
        assertThat(holder("alice")).isSameAs(second);
        assertThat(first.isTerminated()).isTrue();
        assertThat(second.isTerminated()).isFalse();
        // the old holder keeps a made-up id while it delivers what it has queued
        assertThat(table.lookup(new byte[] {0, 0, 0, 0, 7}).pipe()).isSameAs(first);
    }

    @Test
    void shouldFreeTheIdOfATerminatedPipe() {
        Pipe first = handshaken("alice");
        ids.attach(first);
        ids.terminated(first);
        assertThat(holder("alice")).isNull();
        Pipe second = handshaken("alice");
        ids.attach(second);
        assertThat(holder("alice")).isSameAs(second);
    }

    @Test
    void shouldReportTheEndOfARefusedPeer() {
        Pipe first = handshaken("alice");
        Pipe second = handshaken("alice");
        ids.attach(first);
        ids.attach(second);
        second.peer().terminate();
        ids.pipeReadable(second);
        assertThat(ended).containsExactly(second);
    }
}
