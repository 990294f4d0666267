// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.EventType;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.EnumSet;
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

    @Test
    void shouldDropAFrozenLibzmqPeerByHeartbeatAndReconnectOnceItThaws() {
        LibzmqPeer peer = interop.peer().socket("PULL");
        String endpoint = peer.bind("tcp://127.0.0.1:*");
        Socket push = interop.socket(SocketType.PUSH);
        push.set(SocketOptions.HEARTBEAT_IVL, Duration.ofMillis(100));
        push.set(SocketOptions.HEARTBEAT_TIMEOUT, Duration.ofMillis(300));
        try (SocketMonitor monitor = push.monitor(EnumSet.of(EventType.HANDSHAKE_SUCCEEDED,
                EventType.DISCONNECTED))) {
            push.connect(endpoint);
            assertThat(nextOf(monitor, EventType.HANDSHAKE_SUCCEEDED)).isNotNull();
            push.send(utf8("before the freeze"));
            assertThat(peer.recv(PATIENCE)).isNotNull();

            peer.signal("STOP");
            try {
                // the frozen process answers no PING: zenmq must give up on the connection
                assertThat(nextOf(monitor, EventType.DISCONNECTED)).isNotNull();
            } finally {
                peer.signal("CONT");
            }
            assertThat(nextOf(monitor, EventType.HANDSHAKE_SUCCEEDED)).as("reconnected").isNotNull();
            push.send(utf8("after the thaw"));
            List<byte[]> got = peer.recv(PATIENCE);
            while (got != null && !new String(got.get(0), StandardCharsets.UTF_8).equals("after the thaw")) {
                got = peer.recv(PATIENCE);
            }
            assertThat(got).as("delivered after the reconnect").isNotNull();
        }
    }

    private static SocketEvent nextOf(SocketMonitor monitor, EventType type) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            SocketEvent event = monitor.next(Duration.ofMillis(200));
            if (event != null && event.type() == type) {
                return event;
            }
        }
        return null;
    }

    @Test
    void shouldKeepALibzmqPeerThatPingsUsAlive() {
        Socket pull = interop.socket(SocketType.PULL);
        String endpoint = pull.bind("tcp://127.0.0.1:*");
        try (SocketMonitor monitor = pull.monitor(EnumSet.of(EventType.HANDSHAKE_SUCCEEDED,
                EventType.DISCONNECTED))) {
            LibzmqPeer push = interop.peer().socket("PUSH");
            // libzmq drops us if a PING goes unanswered for 150 ms
            push.setsockopt("HEARTBEAT_IVL", 50);
            push.setsockopt("HEARTBEAT_TIMEOUT", 150);
            push.connect(endpoint);
            push.send(utf8("hello"));
            assertThat(pull.recvString(PATIENCE)).isEqualTo("hello");
            assertThat(nextOf(monitor, EventType.HANDSHAKE_SUCCEEDED)).isNotNull();
            // a dozen heartbeat intervals: libzmq would have given up on a silent peer many times over
            SocketEvent event = monitor.next(Duration.ofMillis(600));
            assertThat(event).as("no disconnect while libzmq pings").isNull();
            push.send(utf8("still here"));
            assertThat(pull.recvString(PATIENCE)).isEqualTo("still here");
        }
    }
}
