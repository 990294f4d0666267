// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.pipe.Pipe;
import org.junit.jupiter.api.Test;

/** uint32 routing ids of SERVER and PEER: never 0, counting up, freed with their pipe. */
class NumberedPeersTest {
    private final TestPipes pipes = new TestPipes();

    @Test
    void shouldCountUpFromTheFirstIdAndSkipZero() {
        NumberedPeers peers = new NumberedPeers(-1);
        Pipe a = pipes.pipe(0);
        Pipe b = pipes.pipe(0);
        Pipe c = pipes.pipe(0);
        assertThat(peers.add(a).id()).isEqualTo(-1); // 0xFFFFFFFF, a uint32 like any other
        assertThat(peers.add(b).id()).isEqualTo(1);
        assertThat(peers.add(c).id()).isEqualTo(2);
        assertThat(peers.lookup(0)).isNull();
        assertThat(peers.lookup(1).pipe()).isSameAs(b);
        assertThat(peers.of(c).id()).isEqualTo(2);
    }

    @Test
    void shouldFreeAnIdWithItsPipe() {
        NumberedPeers peers = new NumberedPeers(1);
        Pipe a = pipes.pipe(0);
        Pipe b = pipes.pipe(0);
        peers.add(a);
        peers.add(b);
        assertThat(peers.remove(a).id()).isEqualTo(1);
        assertThat(peers.lookup(1)).isNull();
        assertThat(peers.of(a)).isNull();
        assertThat(peers.remove(a)).isNull();
        assertThat(peers.lookup(2).pipe()).isSameAs(b);
    }
}
