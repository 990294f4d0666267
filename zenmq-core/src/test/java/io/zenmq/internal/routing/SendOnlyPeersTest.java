// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import static io.zenmq.internal.routing.TestPipes.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.pipe.Pipe;
import org.junit.jupiter.api.Test;

/** Discarding what a peer sends to a pipe nobody reads, and noticing its end. */
class SendOnlyPeersTest {
    private final TestPipes pipes = new TestPipes();
    private final TestPipes.Ends ends = new TestPipes.Ends();

    @Test
    void shouldDiscardInboundMessagesAndReportTheEnd() {
        Pipe pipe = pipes.pipe(0);
        send(pipe.peer(), "x", "y");
        SendOnlyPeers.drain(pipe, ends);
        assertThat(pipe.hasReadable()).isFalse();
        assertThat(ends.ended).isEmpty();

        pipe.peer().terminate();
        assertThat(pipes.socket.readable).containsExactly(pipe);
        SendOnlyPeers.drain(pipe, ends);
        assertThat(ends.ended).containsExactly(pipe);
    }
}
