// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.numbered;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Poller;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A zenmq {@link Poller} woken by libzmq peers: readable for what they send, writable as they read. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PollerInteropTest {
    private static final int MANY = 2_000;
    private static final int SIZE = 64;
    private static final Duration MANY_PATIENCE = Duration.ofSeconds(15);

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldPollMessagesFromALibzmqPushAmongIdleSockets(Topology topology) {
        LibzmqPeer push = interop.peer().socket("PUSH");
        Socket pull = interop.socket(SocketType.PULL);
        Socket idle = interop.socket(SocketType.PULL);
        idle.bind(InteropExtension.ANY_TCP);
        topology.wire(pull, push);
        try (Poller poller = new Poller()) {
            poller.register(idle, Poller.IN);
            poller.register(pull, Poller.IN);
            LibzmqPeer.Pending sent = push.beginSendn(MANY, SIZE, MANY_PATIENCE);
            int received = 0;
            while (received < MANY) {
                assertThat(poller.poll(PATIENCE)).as("ready after %d messages", received).isEqualTo(1);
                assertThat(poller.isReadable(pull)).isTrue();
                assertThat(poller.isReadable(idle)).isFalse();
                // take what is there without blocking, then poll again
                for (byte[] frame; (frame = pull.tryRecv()) != null; received++) {
                    assertThat(frame).as("message %d", received).isEqualTo(numbered(received, SIZE));
                }
            }
            assertThat(sent.ok()).isEqualTo(String.valueOf(MANY));
            assertThat(poller.poll(Duration.ZERO)).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldFollowAReqExchangeWithALibzmqRep(Topology topology) {
        LibzmqPeer rep = interop.peer().socket("REP");
        Socket req = interop.socket(SocketType.REQ);
        topology.wire(req, rep);
        try (Poller poller = new Poller()) {
            poller.register(req, Poller.IN | Poller.OUT);
            assertThat(poller.poll(PATIENCE)).isEqualTo(1);
            assertThat(poller.events(req)).isEqualTo(Poller.OUT);
            req.send(utf8("ping"));
            assertThat(poller.poll(Duration.ZERO)).as("waiting for the reply: neither").isZero();
            LibzmqPeer.Pending echoed = rep.beginEcho(1, PATIENCE);
            assertThat(poller.poll(PATIENCE)).isEqualTo(1);
            assertThat(poller.events(req)).isEqualTo(Poller.IN);
            assertFrames("reply", req.recvMsg(PATIENCE), utf8("ping"));
            assertThat(echoed.ok()).isEqualTo("1");
            assertThat(poller.poll(Duration.ZERO)).isEqualTo(1);
            assertThat(poller.events(req)).isEqualTo(Poller.OUT);
        }
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldReportWritableAgainWhenALibzmqPullDrains(Topology topology) {
        LibzmqPeer pull = interop.peer().socket("PULL");
        pull.setsockopt("RCVHWM", 1);
        Socket push = interop.socket(SocketType.PUSH);
        push.set(SocketOptions.SNDHWM, 1);
        topology.wire(push, pull);
        try (Poller poller = new Poller()) {
            poller.register(push, Poller.OUT);
            int sent = 0;
            // send while a send would not block: until the pipe is at its high-water mark
            while (poller.poll(sent == 0 ? PATIENCE : Duration.ZERO) == 1) {
                push.send(numbered(sent++, 64 * 1024));
            }
            assertThat(sent).isGreaterThan(0);
            LibzmqPeer.Pending drained = pull.beginRecvn(sent, MANY_PATIENCE);
            assertThat(poller.poll(MANY_PATIENCE)).as("writable once libzmq reads").isEqualTo(1);
            assertThat(drained.reply()).isNotEmpty();
        }
    }
}
