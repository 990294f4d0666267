// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.Payloads.numbered;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** zenmq PUSH to libzmq PULL and libzmq PUSH to zenmq PULL, over TCP, with either side binding. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PushPullInteropTest {
    private static final int MANY = 10_000;
    private static final int MANY_SIZE = 16;
    private static final Duration MANY_PATIENCE = Duration.ofSeconds(15);
    /** 2 000 x 32 KiB = 64 MiB: far more than socket buffers, so both sides must block and resume. */
    private static final int BULK = 2_000;
    private static final int BULK_SIZE = 32 * 1024;
    private static final int SMALL_HWM = 4;

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldDeliverFromZenmqPushToLibzmqPull(Topology topology) {
        LibzmqPeer pull = interop.peer().socket("PULL");
        Socket push = interop.socket(SocketType.PUSH);
        topology.wire(push, pull);

        push.send(utf8("hello"));
        push.send(Msg.of(utf8("multi"), new byte[0], utf8("part")));

        assertFrames("first message", pull.recv(PATIENCE), utf8("hello"));
        assertFrames("second message", pull.recv(PATIENCE), utf8("multi"), new byte[0], utf8("part"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldDeliverFromLibzmqPushToZenmqPull(Topology topology) {
        LibzmqPeer push = interop.peer().socket("PUSH");
        Socket pull = interop.socket(SocketType.PULL);
        topology.wire(pull, push);

        push.send(utf8("hello"));
        push.send(utf8("multi"), new byte[0], utf8("part"));

        assertFrames("first message", pull.recvMsg(PATIENCE), utf8("hello"));
        assertFrames("second message", pull.recvMsg(PATIENCE), utf8("multi"), new byte[0], utf8("part"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldKeepTenThousandMessagesInOrderFromZenmqPushToLibzmqPull(Topology topology) {
        LibzmqPeer pull = interop.peer().socket("PULL");
        Socket push = interop.socket(SocketType.PUSH);
        topology.wire(push, pull);
        LibzmqPeer.Pending received = pull.beginRecvn(MANY, MANY_PATIENCE);

        Digest.Accumulator sent = new Digest.Accumulator();
        for (int i = 0; i < MANY; i++) {
            byte[] body = numbered(i, MANY_SIZE);
            push.send(body);
            sent.add(body);
        }

        assertThat(Digest.parse(received.reply())).isEqualTo(sent.finish());
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldKeepTenThousandMessagesInOrderFromLibzmqPushToZenmqPull(Topology topology) {
        LibzmqPeer push = interop.peer().socket("PUSH");
        Socket pull = interop.socket(SocketType.PULL);
        topology.wire(pull, push);
        LibzmqPeer.Pending sent = push.beginSendn(MANY, MANY_SIZE, MANY_PATIENCE);

        for (int i = 0; i < MANY; i++) {
            assertFrames("message " + i + " of " + MANY, pull.recvMsg(PATIENCE), numbered(i, MANY_SIZE));
        }

        assertThat(sent.ok()).isEqualTo(String.valueOf(MANY));
        assertThat(pull.recvMsg(Duration.ofMillis(100))).as("nothing after the last message").isNull();
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldStreamLargeMessagesThroughSmallHighWaterMarksToLibzmq(Topology topology) {
        LibzmqPeer pull = interop.peer().socket("PULL");
        pull.setsockopt("RCVHWM", SMALL_HWM);
        Socket push = interop.socket(SocketType.PUSH);
        push.set(SocketOptions.SNDHWM, SMALL_HWM);
        topology.wire(push, pull);
        LibzmqPeer.Pending received = pull.beginRecvn(BULK, MANY_PATIENCE);

        Digest.Accumulator sent = new Digest.Accumulator();
        for (int i = 0; i < BULK; i++) {
            byte[] body = numbered(i, BULK_SIZE);
            push.send(body);
            sent.add(body);
        }

        assertThat(Digest.parse(received.reply())).isEqualTo(sent.finish());
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldStreamLargeMessagesThroughSmallHighWaterMarksFromLibzmq(Topology topology) {
        LibzmqPeer push = interop.peer().socket("PUSH");
        push.setsockopt("SNDHWM", SMALL_HWM);
        Socket pull = interop.socket(SocketType.PULL);
        pull.set(SocketOptions.RCVHWM, SMALL_HWM);
        topology.wire(pull, push);
        LibzmqPeer.Pending sent = push.beginSendn(BULK, BULK_SIZE, MANY_PATIENCE);

        for (int i = 0; i < BULK; i++) {
            assertFrames("message " + i + " of " + BULK, pull.recvMsg(PATIENCE), numbered(i, BULK_SIZE));
        }

        assertThat(sent.ok()).isEqualTo(String.valueOf(BULK));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldAcceptLibzmqPushWithRoutingId(Topology topology) {
        LibzmqPeer push = interop.peer().socket("PUSH");
        push.setsockopt("ROUTING_ID", utf8("abc"));
        Socket pull = interop.socket(SocketType.PULL);
        topology.wire(pull, push);

        push.send(utf8("signature padding carries the routing id length"));

        assertFrames("message", pull.recvMsg(PATIENCE), utf8("signature padding carries the routing id length"));
    }
}
