// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A libzmq peer process killed mid-stream and started again: zenmq reconnects and goes on. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PeerRestartInteropTest {
    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    @Test
    void shouldReconnectToALibzmqPeerRestartedAfterBeingKilled() {
        LibzmqPeer first = interop.peer().socket("PULL");
        String endpoint = first.bind("tcp://127.0.0.1:*");
        Socket push = interop.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send(utf8("before"));
        assertThat(first.recv(PATIENCE)).isNotNull();
        first.kill();

        try (LibzmqPeer second = LibzmqPeer.start()) {
            second.socket("PULL");
            second.bind(endpoint);
            push.send(utf8("after the restart"));
            List<byte[]> got = second.recv(PATIENCE);
            assertThat(got).isNotNull();
            assertThat(new String(got.get(0), StandardCharsets.UTF_8)).isEqualTo("after the restart");
        }
    }
}
