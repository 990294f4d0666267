// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code disconnect} and {@code unbind} of inproc endpoints, as libzmq 4.3.4 behaves (checked
 * with pyzmq): the disconnecting socket stops sending to and receiving from that pipe at once and
 * drops what it had not read; the peer still reads what was sent before, then sees the pipe go.
 * Inproc sends land in the peer's pipe before they return, so no test here needs to wait for an
 * I/O thread; a short receive timeout shows that nothing comes.
 */
class InprocDisconnectTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration NOTHING = Duration.ofMillis(100);



    private static ErrorCode codeOf(Runnable call) {
        try {
            call.run();
        } catch (ZmqException e) {
            return e.code();
        }
        throw new AssertionError("no ZmqException");
    }

    @Test
    void shouldReportEnoentForANameNotConnected() {
        Socket push = ctx.socket(SocketType.PUSH);
        assertThat(codeOf(() -> push.disconnect("inproc://never-connected"))).isEqualTo(ErrorCode.ENOENT);

        String endpoint = Transport.INPROC.bindable();
        ctx.socket(SocketType.PULL).bind(endpoint);
        push.connect(endpoint);
        push.connect(endpoint);
        push.disconnect(endpoint);
        // one disconnect ends every connect to that endpoint
        assertThat(codeOf(() -> push.disconnect(endpoint))).isEqualTo(ErrorCode.ENOENT);
    }

    @Test
    void shouldDropWhatItHadNotReadFromTheDisconnectedPeer() {
        String endpoint = Transport.INPROC.bindable();
        Socket push = ctx.socket(SocketType.PUSH);
        push.bind(endpoint);
        Socket pull = ctx.socket(SocketType.PULL);
        pull.connect(endpoint);
        push.send("queued 1");
        push.send("queued 2");

        pull.disconnect(endpoint);

        assertThat(pull.recv(NOTHING)).isNull();
        // and the binder no longer sends to it: with no peer left a send would block
        assertThat(push.trySend(new byte[] {1})).isFalse();
    }

    @Test
    void shouldStopBindingPushSendingToADisconnectedPull() {
        String endpoint = Transport.INPROC.bindable();
        Socket push = ctx.socket(SocketType.PUSH);
        push.bind(endpoint);
        Socket a = ctx.socket(SocketType.PULL);
        Socket b = ctx.socket(SocketType.PULL);
        a.connect(endpoint);
        b.connect(endpoint);
        push.send("one");
        push.send("two");
        assertThat(a.recvString(WAIT)).isNotNull();
        assertThat(b.recvString(WAIT)).isNotNull();

        a.disconnect(endpoint);
        for (int i = 0; i < 4; i++) {
            push.send("only b " + i);
        }

        for (int i = 0; i < 4; i++) {
            assertThat(b.recvString(WAIT)).isEqualTo("only b " + i);
        }
        assertThat(a.recv(NOTHING)).isNull();
    }

    @Test
    void shouldLetThePeerReadWhatWasSentBeforeTheDisconnect() {
        String endpoint = Transport.INPROC.bindable();
        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(endpoint);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send("before 1");
        push.send("before 2");

        push.disconnect(endpoint);

        assertThat(pull.recvString(WAIT)).isEqualTo("before 1");
        assertThat(pull.recvString(WAIT)).isEqualTo("before 2");
        assertThat(push.trySend(new byte[] {1})).as("no pipe left to send to").isFalse();
        assertThat(pull.recv(NOTHING)).isNull();
    }

    @Test
    void shouldStopReceivingFromAPublisherAfterDisconnect() {
        String endpoint = Transport.INPROC.bindable();
        Socket pub = ctx.socket(SocketType.PUB);
        pub.bind(endpoint);
        Socket sub = ctx.socket(SocketType.SUB);
        sub.subscribe("");
        sub.connect(endpoint);
        PubSubSync.awaitSubscribed(pub, sub);
        pub.send("unread");

        sub.disconnect(endpoint);
        pub.send("after");

        assertThat(sub.recv(NOTHING)).isNull();
    }

    @Test
    void shouldDeliverWhatAConnectedPublisherSentBeforeItDisconnected() {
        String endpoint = Transport.INPROC.bindable();
        Socket sub = ctx.socket(SocketType.SUB);
        sub.subscribe("");
        sub.bind(endpoint);
        Socket pub = ctx.socket(SocketType.PUB);
        pub.connect(endpoint);
        PubSubSync.awaitSubscribed(pub, sub);
        for (int i = 0; i < 3; i++) {
            pub.send("p" + i);
        }

        pub.disconnect(endpoint);
        pub.send("after");

        for (int i = 0; i < 3; i++) {
            assertThat(sub.recvString(WAIT)).isEqualTo("p" + i);
        }
        assertThat(sub.recv(NOTHING)).isNull();
    }

    @Test
    void shouldSendRequestsOnlyToTheRepliersStillConnected() {
        String first = Transport.INPROC.bindable();
        String second = Transport.INPROC.bindable();
        Socket repOne = ctx.socket(SocketType.REP);
        repOne.bind(first);
        Socket repTwo = ctx.socket(SocketType.REP);
        repTwo.bind(second);
        Socket req = ctx.socket(SocketType.REQ);
        req.connect(first);
        req.connect(second);
        for (Socket rep : new Socket[] {repOne, repTwo}) {
            req.send("hello");
            assertThat(rep.recvString(WAIT)).isEqualTo("hello");
            rep.send(rep == repOne ? "one" : "two");
            assertThat(req.recvString(WAIT)).isEqualTo(rep == repOne ? "one" : "two");
        }

        req.disconnect(first);

        for (int i = 0; i < 4; i++) {
            req.send("request " + i);
            assertThat(repTwo.recvString(WAIT)).isEqualTo("request " + i);
            repTwo.send("reply " + i);
            assertThat(req.recvString(WAIT)).isEqualTo("reply " + i);
        }
        assertThat(repOne.recv(NOTHING)).isNull();
    }

    @Test
    void shouldHandAPendingConnectToTheBinderOnlyToBeDrained() {
        String endpoint = Transport.INPROC.bindable();
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);
        push.send("queued 1");
        push.send("queued 2");
        push.disconnect(endpoint);
        assertThat(push.trySend(new byte[] {1})).as("no pipe left to send to").isFalse();

        Socket pull = ctx.socket(SocketType.PULL);
        pull.bind(endpoint);

        // libzmq 4.3.4 too delivers what was queued before the disconnect, then ends the pipe
        assertThat(pull.recvString(WAIT)).isEqualTo("queued 1");
        assertThat(pull.recvString(WAIT)).isEqualTo("queued 2");
        assertThat(pull.recv(NOTHING)).isNull();
    }

    @Test
    void shouldNeverSendIntoAPendingConnectDisconnectedBeforeTheBind() {
        // DEALER reads a new pipe only when woken, so it would route to a given-up pipe at once
        String endpoint = Transport.INPROC.bindable();
        Socket gone = ctx.socket(SocketType.DEALER);
        gone.connect(endpoint);
        gone.disconnect(endpoint);
        Socket closed = ctx.socket(SocketType.DEALER);
        closed.connect(endpoint);
        closed.close();
        Socket live = ctx.socket(SocketType.DEALER);
        live.connect(endpoint);

        Socket dealer = ctx.socket(SocketType.DEALER);
        dealer.bind(endpoint);
        for (int i = 0; i < 6; i++) {
            dealer.send("m" + i);
        }

        // round robin over the live peer only: nothing lost in the pipes given up before the bind
        for (int i = 0; i < 6; i++) {
            assertThat(live.recvString(WAIT)).isEqualTo("m" + i);
        }
        assertThat(gone.recv(NOTHING)).isNull();
    }

    @Test
    void shouldKeepConnectedPipesOnUnbindAndFreeTheName() {
        String endpoint = Transport.INPROC.bindable();
        Socket first = ctx.socket(SocketType.PULL);
        first.bind(endpoint);
        Socket push = ctx.socket(SocketType.PUSH);
        push.connect(endpoint);

        first.unbind(endpoint);
        // as libzmq: unbind releases the name; pipes made through it stay
        push.send("still connected");
        assertThat(first.recvString(WAIT)).isEqualTo("still connected");

        Socket second = ctx.socket(SocketType.PULL);
        second.bind(endpoint);
        Socket another = ctx.socket(SocketType.PUSH);
        another.connect(endpoint);
        another.send("to the new binder");
        assertThat(second.recvString(WAIT)).isEqualTo("to the new binder");
        assertThat(first.recv(NOTHING)).isNull();
    }
}
