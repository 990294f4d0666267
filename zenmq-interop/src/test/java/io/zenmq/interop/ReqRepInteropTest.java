// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * zenmq REQ with libzmq REP and libzmq REQ with zenmq REP over TCP, several round trips each.
 * A libzmq REQ drops the connection on a reply without the empty delimiter, and a libzmq REP
 * answers only requests that carry it, so a wrong envelope shows up as a missing reply.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReqRepInteropTest {
    private static final int ROUND_TRIPS = 5;

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldGetRepliesFromLibzmqRep(Topology topology) {
        LibzmqPeer rep = interop.peer().socket("REP");
        Socket req = interop.socket(SocketType.REQ);
        topology.wire(req, rep);
        LibzmqPeer.Pending echo = rep.beginEcho(ROUND_TRIPS, PATIENCE);

        for (int i = 0; i < ROUND_TRIPS; i++) {
            req.send(utf8("request " + i));
            assertFrames("reply " + i, req.recvMsg(PATIENCE), utf8("request " + i));
        }

        assertThat(echo.ok()).isEqualTo(String.valueOf(ROUND_TRIPS));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldAnswerRequestsFromLibzmqReq(Topology topology) {
        LibzmqPeer req = interop.peer().socket("REQ");
        Socket rep = interop.socket(SocketType.REP);
        topology.wire(rep, req);

        for (int i = 0; i < ROUND_TRIPS; i++) {
            req.send(utf8("request " + i));
            assertFrames("request " + i, rep.recvMsg(PATIENCE), utf8("request " + i));
            rep.send(utf8("reply " + i));
            assertFrames("reply " + i, req.recv(PATIENCE), utf8("reply " + i));
        }
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldKeepEmptyFramesInsideBodiesFromZenmqReq(Topology topology) {
        LibzmqPeer rep = interop.peer().socket("REP");
        Socket req = interop.socket(SocketType.REQ);
        topology.wire(req, rep);
        LibzmqPeer.Pending echo = rep.beginEcho(1, PATIENCE);

        req.send(Msg.of(utf8("head"), new byte[0], utf8("tail")));

        assertFrames("reply", req.recvMsg(PATIENCE), utf8("head"), new byte[0], utf8("tail"));
        assertThat(echo.ok()).isEqualTo("1");
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldKeepEmptyFramesInsideBodiesFromLibzmqReq(Topology topology) {
        LibzmqPeer req = interop.peer().socket("REQ");
        Socket rep = interop.socket(SocketType.REP);
        topology.wire(rep, req);

        req.send(utf8("head"), new byte[0], utf8("tail"));
        assertFrames("request body", rep.recvMsg(PATIENCE), utf8("head"), new byte[0], utf8("tail"));
        rep.send(Msg.of(new byte[0], utf8("answer"), new byte[0]));

        assertFrames("reply body", req.recv(PATIENCE), new byte[0], utf8("answer"), new byte[0]);
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldAnswerLibzmqReqThatSendsAnIdentity(Topology topology) {
        LibzmqPeer req = interop.peer().socket("REQ");
        req.setsockopt("ROUTING_ID", utf8("client-7"));
        Socket rep = interop.socket(SocketType.REP);
        topology.wire(rep, req);

        req.send(utf8("who am I"));
        assertFrames("request", rep.recvMsg(PATIENCE), utf8("who am I"));
        rep.send(utf8("nobody a REP needs to know"));

        assertFrames("reply", req.recv(PATIENCE), utf8("nobody a REP needs to know"));
    }
}
