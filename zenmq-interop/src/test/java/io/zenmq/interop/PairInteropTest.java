// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** zenmq PAIR with libzmq PAIR over TCP: both sides send, with either side binding. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PairInteropTest {
    private static final int ROUNDS = 5;

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldExchangeMessagesInBothDirections(Topology topology) {
        LibzmqPeer libzmq = interop.peer().socket("PAIR");
        Socket zenmq = interop.socket(SocketType.PAIR);
        topology.wire(zenmq, libzmq);

        for (int round = 0; round < ROUNDS; round++) {
            zenmq.send(utf8("from zenmq " + round));
            assertFrames("libzmq received, round " + round, libzmq.recv(PATIENCE), utf8("from zenmq " + round));
            libzmq.send(utf8("from libzmq " + round));
            assertFrames("zenmq received, round " + round, zenmq.recvMsg(PATIENCE), utf8("from libzmq " + round));
        }
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldCarryMultipartMessagesInBothDirections(Topology topology) {
        LibzmqPeer libzmq = interop.peer().socket("PAIR");
        Socket zenmq = interop.socket(SocketType.PAIR);
        topology.wire(zenmq, libzmq);

        zenmq.sendMore(utf8("a"));
        zenmq.sendMore(new byte[0]);
        zenmq.send(utf8("c"));
        zenmq.send(Msg.of(new byte[0], new byte[0]));
        libzmq.send(utf8("x"), new byte[0], utf8("z"));
        libzmq.send(new byte[0], new byte[0]);

        assertFrames("libzmq got sendMore parts", libzmq.recv(PATIENCE), utf8("a"), new byte[0], utf8("c"));
        assertFrames("libzmq got two empty frames", libzmq.recv(PATIENCE), new byte[0], new byte[0]);
        byte[] first = zenmq.recv(PATIENCE);
        assertThat(zenmq.hasMore()).as("more after the first frame").isTrue();
        byte[] second = zenmq.recv(PATIENCE);
        assertThat(zenmq.hasMore()).as("more after the second frame").isTrue();
        byte[] third = zenmq.recv(PATIENCE);
        assertThat(zenmq.hasMore()).as("more after the last frame").isFalse();
        assertFrames("zenmq got frame by frame", Arrays.asList(first, second, third),
                utf8("x"), new byte[0], utf8("z"));
        assertFrames("zenmq got two empty frames", zenmq.recvMsg(PATIENCE), new byte[0], new byte[0]);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldGetEveryMessageEchoedByLibzmq(Topology topology) {
        LibzmqPeer libzmq = interop.peer().socket("PAIR");
        Socket zenmq = interop.socket(SocketType.PAIR);
        topology.wire(zenmq, libzmq);
        LibzmqPeer.Pending echo = libzmq.beginEcho(ROUNDS, PATIENCE);

        for (int round = 0; round < ROUNDS; round++) {
            zenmq.send(Msg.of(utf8("echo"), utf8(Integer.toString(round))));
            assertFrames("echo " + round, zenmq.recvMsg(PATIENCE), utf8("echo"), utf8(Integer.toString(round)));
        }

        assertThat(echo.ok()).isEqualTo(String.valueOf(ROUNDS));
    }
}
