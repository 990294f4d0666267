// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** REQ_CORRELATE and REQ_RELAXED, seen from a ROUTER that answers by hand, over every transport. */
class ReqOptionsTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);



    private static int requestId(byte[] frame) {
        assertThat(frame).hasSize(4);
        return ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldPrefixCorrelatedRequestsWithACountingId(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        Socket req = ctx.socket(SocketType.REQ).set(SocketOptions.REQ_CORRELATE, true);
        req.connect(router.bind(transport.bindable()));
        req.send("one");
        Msg first = router.recvMsg(WAIT);
        assertThat(first.size()).isEqualTo(4);
        assertThat(first.frame(2)).isEmpty();
        assertThat(first.string(3)).isEqualTo("one");
        router.send(Msg.of(first.frame(0), first.frame(1), new byte[0], "reply".getBytes(UTF_8)));
        assertThat(req.recvString(WAIT)).isEqualTo("reply");
        req.send("two");
        Msg second = router.recvMsg(WAIT);
        assertThat(requestId(second.frame(1))).isEqualTo(requestId(first.frame(1)) + 1);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldIgnoreTheReplyToAnAbandonedRequest(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        Socket req = ctx.socket(SocketType.REQ).set(SocketOptions.REQ_CORRELATE, true)
                .set(SocketOptions.REQ_RELAXED, true);
        req.connect(router.bind(transport.bindable()));
        req.send("old");
        Msg old = router.recvMsg(WAIT);
        req.send("new");
        Msg fresh = router.recvMsg(WAIT);
        assertThat(fresh.string(3)).isEqualTo("new");
        router.send(Msg.of(old.frame(0), old.frame(1), new byte[0], "to old".getBytes(UTF_8)));
        router.send(Msg.of(fresh.frame(0), fresh.frame(1), new byte[0], "to new".getBytes(UTF_8)));
        assertThat(req.recvString(WAIT)).isEqualTo("to new");
        assertThat(req.hasMore()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldAllowANewRequestBeforeTheReplyOnlyWhenRelaxed(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        Socket req = ctx.socket(SocketType.REQ);
        req.connect(router.bind(transport.bindable()));
        req.send("first");
        Msg first = router.recvMsg(WAIT);
        assertThat(first.size()).isEqualTo(3);
        assertThatThrownBy(() -> req.send("again")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EFSM));
        req.set(SocketOptions.REQ_RELAXED, true);
        req.send("second");
        Msg second = router.recvMsg(WAIT);
        assertThat(second.string(2)).isEqualTo("second");
        router.send(Msg.of(second.frame(0), new byte[0], "answer".getBytes(UTF_8)));
        assertThat(req.recvString(WAIT)).isEqualTo("answer");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDropRepliesWithTheWrongRequestId(Transport transport) {
        Socket router = ctx.socket(SocketType.ROUTER);
        Socket req = ctx.socket(SocketType.REQ).set(SocketOptions.REQ_CORRELATE, true);
        req.connect(router.bind(transport.bindable()));
        req.send("q");
        Msg request = router.recvMsg(WAIT);
        byte[] wrong = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(requestId(request.frame(1)) - 1).array();
        router.send(Msg.of(request.frame(0), wrong, new byte[0], "stale".getBytes(UTF_8)));
        router.send(Msg.of(request.frame(0), new byte[0], "uncorrelated".getBytes(UTF_8)));
        router.send(Msg.of(request.frame(0), request.frame(1), new byte[0], "right".getBytes(UTF_8)));
        assertThat(req.recvString(WAIT)).isEqualTo("right");
    }
}
