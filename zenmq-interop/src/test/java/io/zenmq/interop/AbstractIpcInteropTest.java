// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.numbered;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.ErrorCode;
import io.zenmq.EventType;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * zenmq and libzmq over {@code ipc://@name}, Linux's abstract namespace, with either side
 * binding. Both must name the same kernel address (a NUL byte, then the name's UTF-8 bytes, no
 * terminator), which the tests show by connecting and by each side finding the other's name in
 * use.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AbstractIpcInteropTest {
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Abstract names are shared by every process on the machine: this run's pid and a nonce. */
    private static final String PREFIX = "ipc://@zenmq-interop-" + ProcessHandle.current().pid() + "-"
            + Long.toHexString(new SecureRandom().nextLong() >>> 16) + "-";
    private static final int MANY = 2_000;

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    /** Which side binds the abstract name; the other connects to what the binder reports. */
    enum Side {
        ZENMQ_BINDS {
            @Override
            void wire(Socket zenmq, LibzmqPeer libzmq, String endpoint) {
                assertThat(zenmq.bind(endpoint)).isEqualTo(endpoint);
                libzmq.connect(endpoint);
            }
        },
        LIBZMQ_BINDS {
            @Override
            void wire(Socket zenmq, LibzmqPeer libzmq, String endpoint) {
                assertThat(libzmq.bind(endpoint)).as("libzmq's LAST_ENDPOINT").isEqualTo(endpoint);
                zenmq.connect(endpoint);
            }
        };

        abstract void wire(Socket zenmq, LibzmqPeer libzmq, String endpoint);
    }

    private static String freshName() {
        return PREFIX + NAMES.incrementAndGet();
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void shouldDeliverFromZenmqPushToLibzmqPull(Side side) {
        LibzmqPeer pull = interop.peer().socket("PULL");
        Socket push = interop.socket(SocketType.PUSH);
        side.wire(push, pull, freshName());

        push.send(utf8("hello"));
        push.send(Msg.of(utf8("multi"), new byte[0], utf8("part")));

        assertFrames("first message", pull.recv(PATIENCE), utf8("hello"));
        assertFrames("second message", pull.recv(PATIENCE), utf8("multi"), new byte[0], utf8("part"));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void shouldKeepMessagesInOrderFromLibzmqPushToZenmqPull(Side side) {
        LibzmqPeer push = interop.peer().socket("PUSH");
        Socket pull = interop.socket(SocketType.PULL);
        side.wire(pull, push, freshName());
        LibzmqPeer.Pending sent = push.beginSendn(MANY, 100, PATIENCE);

        for (int i = 0; i < MANY; i++) {
            assertFrames("message " + i + " of " + MANY, pull.recvMsg(PATIENCE), numbered(i, 100));
        }

        assertThat(sent.ok()).isEqualTo(String.valueOf(MANY));
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void shouldGetRepliesFromLibzmqRep(Side side) {
        LibzmqPeer rep = interop.peer().socket("REP");
        Socket req = interop.socket(SocketType.REQ);
        side.wire(req, rep, freshName());
        LibzmqPeer.Pending echo = rep.beginEcho(3, PATIENCE);

        for (int i = 0; i < 3; i++) {
            req.send(utf8("request " + i));
            assertFrames("reply " + i, req.recvMsg(PATIENCE), utf8("request " + i));
        }

        assertThat(echo.ok()).isEqualTo("3");
    }

    @ParameterizedTest
    @EnumSource(Side.class)
    void shouldAnswerRequestsFromLibzmqReq(Side side) {
        LibzmqPeer req = interop.peer().socket("REQ");
        Socket rep = interop.socket(SocketType.REP);
        side.wire(rep, req, freshName());

        for (int i = 0; i < 3; i++) {
            req.send(utf8("request " + i));
            assertFrames("request " + i, rep.recvMsg(PATIENCE), utf8("request " + i));
            rep.send(utf8("reply " + i));
            assertFrames("reply " + i, req.recv(PATIENCE), utf8("reply " + i));
        }
    }

    @Test
    void shouldFindEachOthersNamesInUse() {
        LibzmqPeer libzmq = interop.peer().socket("PULL");
        String ours = freshName();
        interop.socket(SocketType.PULL).bind(ours);
        assertThat(libzmq.call("bind " + ours, LibzmqPeer.QUICK)).startsWith("ERR EADDRINUSE");

        String theirs = freshName();
        libzmq.bind(theirs);
        try {
            interop.socket(SocketType.PULL).bind(theirs);
            throw new AssertionError("zenmq could bind " + theirs + ", which libzmq holds");
        } catch (ZmqException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.EADDRINUSE);
        }
    }

    @Test
    void shouldUseTheNamesUtf8BytesAsLibzmqDoes() {
        LibzmqPeer pull = interop.peer().socket("PULL");
        Socket push = interop.socket(SocketType.PUSH);
        String endpoint = freshName() + "-\u00e9t\u00e9";
        Side.LIBZMQ_BINDS.wire(push, pull, endpoint);

        push.send(utf8("accented name"));

        assertFrames("message", pull.recv(PATIENCE), utf8("accented name"));
    }

    @Test
    void shouldSeeALibzmqPeerGo() {
        LibzmqPeer push = interop.peer().socket("PUSH");
        Socket pull = interop.socket(SocketType.PULL);
        SocketMonitor events = pull.monitor(EnumSet.of(EventType.DISCONNECTED));
        Side.ZENMQ_BINDS.wire(pull, push, freshName());
        push.send(utf8("last words"));

        push.closeSocket();

        // the message before the hang-up is read, then the hang-up itself is seen
        assertFrames("message", pull.recvMsg(PATIENCE), utf8("last words"));
        SocketEvent gone = events.next(PATIENCE);
        assertThat(gone).as("DISCONNECTED event").isNotNull();
        assertThat(gone.type()).isEqualTo(EventType.DISCONNECTED);
    }
}
