// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** zenmq PUSH load-balancing over two libzmq PULLs, and zenmq PULL fair-queueing two libzmq PUSHes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PushPullTwoPeersInteropTest {
    private static final Duration BRIEF = Duration.ofMillis(200);

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    private static List<String> drain(LibzmqPeer peer) {
        List<String> got = new ArrayList<>();
        List<byte[]> msg;
        while ((msg = peer.recv(BRIEF)) != null) {
            got.add(new String(msg.get(0), StandardCharsets.UTF_8));
        }
        return got;
    }

    @Test
    void shouldRoundRobinOverTwoLibzmqPullers() {
        Socket push = interop.socket(SocketType.PUSH);
        String endpoint = push.bind("tcp://127.0.0.1:*");
        LibzmqPeer first = interop.peer().socket("PULL");
        first.connect(endpoint);
        try (LibzmqPeer second = LibzmqPeer.start()) {
            second.socket("PULL");
            second.connect(endpoint);
            // warm up until both connections carry messages, then start from a clean slate
            boolean firstSeen = false;
            boolean secondSeen = false;
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!(firstSeen && secondSeen) && System.nanoTime() < deadline) {
                push.send(utf8("warm"));
                firstSeen |= !drain(first).isEmpty();
                secondSeen |= !drain(second).isEmpty();
            }
            assertThat(firstSeen && secondSeen).as("both pullers connected").isTrue();
            for (int i = 0; i < 10; i++) {
                push.send(utf8("m" + i));
            }
            List<String> toFirst = drain(first);
            List<String> toSecond = drain(second);
            assertThat(toFirst).hasSize(5);
            assertThat(toSecond).hasSize(5);
            List<String> all = new ArrayList<>(toFirst);
            all.addAll(toSecond);
            assertThat(all).containsExactlyInAnyOrder("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
        }
    }

    @Test
    void shouldTakeFromTwoLibzmqPushersKeepingEachOnesOrder() {
        Socket pull = interop.socket(SocketType.PULL);
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        LibzmqPeer first = interop.peer().socket("PUSH");
        first.connect(endpoint);
        try (LibzmqPeer second = LibzmqPeer.start()) {
            second.socket("PUSH");
            second.connect(endpoint);
            for (int i = 0; i < 100; i++) {
                first.send(utf8("a" + i));
                second.send(utf8("b" + i));
            }
            int nextA = 0;
            int nextB = 0;
            for (int i = 0; i < 200; i++) {
                String got = pull.recvString(PATIENCE);
                assertThat(got).isNotNull();
                if (got.startsWith("a")) {
                    assertThat(got).isEqualTo("a" + nextA++);
                } else {
                    assertThat(got).isEqualTo("b" + nextB++);
                }
            }
            assertThat(nextA).isEqualTo(100);
            assertThat(nextB).isEqualTo(100);
        }
    }
}
