// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReqRepTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);



    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldAnswerEachRequestInTurn(Transport transport) {
        Socket rep = ctx.socket(SocketType.REP);
        Socket req = ctx.socket(SocketType.REQ);
        req.connect(rep.bind(transport.bindable()));
        for (int i = 0; i < 100; i++) {
            req.sendMore("q");
            req.send("" + i);
            Msg request = rep.recvMsg(WAIT);
            assertThat(request.size()).isEqualTo(2);
            assertThat(request.string(1)).isEqualTo("" + i);
            rep.send("a" + i);
            assertThat(req.recvString(WAIT)).isEqualTo("a" + i);
            assertThat(req.hasMore()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldSpreadRequestsOverTwoReplierssRoundRobin(Transport transport) {
        Socket rep1 = ctx.socket(SocketType.REP);
        Socket rep2 = ctx.socket(SocketType.REP);
        Socket req = ctx.socket(SocketType.REQ);
        req.connect(rep1.bind(transport.bindable()));
        req.connect(rep2.bind(transport.bindable()));
        req.send("one");
        assertThat(rep1.recvString(WAIT)).isEqualTo("one");
        rep1.send("r1");
        assertThat(req.recvString(WAIT)).isEqualTo("r1");
        req.send("two");
        assertThat(rep2.recvString(WAIT)).isEqualTo("two");
        rep2.send("r2");
        assertThat(req.recvString(WAIT)).isEqualTo("r2");
    }

    @Test
    void shouldRefuseOutOfTurnCallsWithEfsm() {
        Socket req = ctx.socket(SocketType.REQ);
        Socket rep = ctx.socket(SocketType.REP);
        assertThatThrownBy(req::tryRecv).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EFSM));
        assertThatThrownBy(() -> rep.trySend(new byte[1])).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EFSM));
        req.connect(rep.bind(Transport.INPROC.bindable()));
        req.send("q");
        assertThatThrownBy(() -> req.send("again")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EFSM));
        assertThat(rep.recvString(WAIT)).isEqualTo("q");
        assertThatThrownBy(rep::tryRecv).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EFSM));
    }
}
