// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.pattern;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Frame sizes around ZMTP's encodings, both ways over a PAIR: a body of up to 255 bytes has a
 * 1-byte size, 256 and more an 8-byte size with the LONG flag (spec/zmtp.md section 4).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FrameSizeInteropTest {
    private static final int MIB = 1 << 20;

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    static Stream<Arguments> sizes() {
        return Stream.of(0, 1, 255, 256, MIB)
                .flatMap(size -> Stream.of(Topology.values()).map(topology -> Arguments.of(size, topology)));
    }

    @ParameterizedTest(name = "{0} bytes, {1}")
    @MethodSource("sizes")
    void shouldCarryFrameOfSizeInBothDirections(int size, Topology topology) {
        LibzmqPeer libzmq = interop.peer().socket("PAIR");
        Socket zenmq = interop.socket(SocketType.PAIR);
        topology.wire(zenmq, libzmq);
        byte[] toLibzmq = pattern(size, 1);
        byte[] toZenmq = pattern(size, 2);

        zenmq.send(toLibzmq);
        assertFrames("libzmq received " + size + " bytes", libzmq.recv(PATIENCE), toLibzmq);
        libzmq.send(toZenmq);
        assertFrames("zenmq received " + size + " bytes", zenmq.recvMsg(PATIENCE), toZenmq);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldCarryMultipartMixingShortAndLongFrames(Topology topology) {
        LibzmqPeer libzmq = interop.peer().socket("PAIR");
        Socket zenmq = interop.socket(SocketType.PAIR);
        topology.wire(zenmq, libzmq);
        List<byte[]> frames = new ArrayList<>();
        int salt = 0;
        for (int size : new int[] {256, 0, 255, 1, 257, 65_536, 0, MIB, 254}) {
            frames.add(pattern(size, salt++));
        }

        zenmq.send(Msg.of(frames.toArray(new byte[0][])));
        assertFrames("libzmq received", libzmq.recv(PATIENCE), frames);
        libzmq.send(frames);
        assertFrames("zenmq received", zenmq.recvMsg(PATIENCE), frames);
    }
}
