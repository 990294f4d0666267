// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RADIO and DISH (RFC 48): groups, joins and leaves, message shape, errors, over every stream transport. */
class RadioDishTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration BRIEF = Duration.ofMillis(100);
    private static final Duration PROBE_WAIT = Duration.ofMillis(10);
    private static final AtomicInteger ROUNDS = new AtomicInteger();

    /**
     * Returns once the RADIO applied every join the DISH made so far: probes go to a group of
     * their own, joined for the call and left again; every probe is consumed.
     */
    static void awaitJoined(Socket radio, Socket dish) {
        String probe = "~sync-" + ROUNDS.incrementAndGet();
        dish.join(probe);
        long deadline = System.nanoTime() + WAIT.toNanos();
        Msg msg = new Msg().group(probe);
        while (true) {
            radio.send(msg.add("probe"));
            if (dish.recvMsg(PROBE_WAIT) != null) {
                break;
            }
            assertThat(System.nanoTime() - deadline).as("the join never reached the RADIO").isNegative();
        }
        radio.send(msg.add("done"));
        Msg got;
        do {
            got = dish.recvMsg(WAIT);
            assertThat(got).as("the last probe").isNotNull();
        } while (!got.string(0).equals("done"));
        dish.leave(probe);
    }

    private Socket[] radioDish(Transport transport) {
        Socket radio = ctx.socket(SocketType.RADIO);
        Socket dish = ctx.socket(SocketType.DISH);
        dish.connect(radio.bind(transport.bindable()));
        return new Socket[] {radio, dish};
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverOnlyTheGroupsJoined(Transport transport) {
        Socket[] s = radioDish(transport);
        Socket radio = s[0];
        Socket dish = s[1];
        dish.join("weather").join("sport");
        awaitJoined(radio, dish);

        radio.send(new Msg().group("weather").add("sunny"));
        radio.send(new Msg().group("news").add("nothing"));
        radio.send(new Msg().group("weathe").add("prefix is not enough"));
        radio.send(new Msg().group("sport").add("goal"));

        Msg first = dish.recvMsg(WAIT);
        assertThat(first.group()).isEqualTo("weather");
        assertThat(first.size()).isEqualTo(1);
        assertThat(first.string(0)).isEqualTo("sunny");
        Msg second = dish.recvMsg(WAIT);
        assertThat(second.group()).isEqualTo("sport");
        assertThat(second.string(0)).isEqualTo("goal");
        assertThat(dish.recvMsg(BRIEF)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldStopDeliveringAGroupLeft(Transport transport) {
        Socket[] s = radioDish(transport);
        Socket radio = s[0];
        Socket dish = s[1];
        dish.join("a").join("b");
        awaitJoined(radio, dish);
        dish.leave("a");
        awaitJoined(radio, dish);

        radio.send(new Msg().group("a").add("1"));
        radio.send(new Msg().group("b").add("2"));

        assertThat(dish.recvMsg(WAIT).string(0)).isEqualTo("2");
        assertThat(dish.recvMsg(BRIEF)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldFanOutToEveryDishOfTheGroup(Transport transport) {
        Socket radio = ctx.socket(SocketType.RADIO);
        String endpoint = radio.bind(transport.bindable());
        Socket[] dishes = new Socket[3];
        for (int i = 0; i < dishes.length; i++) {
            dishes[i] = ctx.socket(SocketType.DISH);
            dishes[i].connect(endpoint);
            dishes[i].join(i < 2 ? "g" : "other");
            awaitJoined(radio, dishes[i]);
        }

        radio.send(new Msg().group("g").add("hello"));

        assertThat(dishes[0].recvMsg(WAIT).string(0)).isEqualTo("hello");
        assertThat(dishes[1].recvMsg(WAIT).string(0)).isEqualTo("hello");
        assertThat(dishes[2].recvMsg(BRIEF)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldWorkWithTheDishBound(Transport transport) {
        Socket dish = ctx.socket(SocketType.DISH);
        Socket radio = ctx.socket(SocketType.RADIO);
        dish.join("g");
        radio.connect(dish.bind(transport.bindable()));
        awaitJoined(radio, dish);

        radio.send(new Msg().group("g").add(new byte[] {1, 2, 3}));

        Msg msg = dish.recvMsg(WAIT);
        assertThat(msg.group()).isEqualTo("g");
        assertThat(msg.frame(0)).containsExactly(1, 2, 3);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldJoinAgainAfterAReconnect(Transport transport) {
        String endpoint;
        Socket dish = ctx.socket(SocketType.DISH);
        dish.join("g");
        try (Context first = Context.create()) {
            Socket radio = first.socket(SocketType.RADIO);
            // the restarted RADIO binds the very endpoint this one was given
            endpoint = radio.bind(transport.bindable());
            dish.connect(endpoint);
            awaitJoined(radio, dish);
        }
        try (Context restarted = Context.create()) {
            Socket radio = restarted.socket(SocketType.RADIO);
            radio.bind(endpoint);
            Msg msg = new Msg().group("g");
            Msg got = null;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (got == null) {
                radio.send(msg.add("after"));
                got = dish.recvMsg(PROBE_WAIT);
                assertThat(System.nanoTime() - deadline).as("the join was never re-sent").isNegative();
            }
            assertThat(got.group()).isEqualTo("g");
            assertThat(got.string(0)).isEqualTo("after");
        }
    }

    @Test
    void shouldKeepTheGroupOfAReusedMessage() {
        Socket[] s = radioDish(Transport.INPROC);
        s[1].join("g");
        awaitJoined(s[0], s[1]);
        Msg msg = new Msg().group("g");

        s[0].send(msg.add("1"));
        s[0].send(msg.add("2"));

        assertThat(msg.isEmpty()).isTrue();
        assertThat(s[1].recvMsg(WAIT).string(0)).isEqualTo("1");
        assertThat(s[1].recvMsg(WAIT).string(0)).isEqualTo("2");
    }

    @Test
    void shouldRefuseBadGroupsAndRepeatedJoins() {
        Socket dish = ctx.socket(SocketType.DISH);
        dish.join("g");

        assertThatThrownBy(() -> dish.join("g")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> dish.leave("unknown")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> dish.join("")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> dish.join("x".repeat(256))).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        dish.join("x".repeat(255));
        dish.leave("g");
        dish.join("g");
        assertThatThrownBy(() -> new Msg().group("")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> new Msg().group("é".repeat(128))).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThat(new Msg().group("g").group(null).group()).isNull();
    }

    @Test
    void shouldRefuseJoinOnOtherTypes() {
        for (SocketType type : new SocketType[] {SocketType.RADIO, SocketType.SUB, SocketType.DGRAM}) {
            Socket socket = ctx.socket(type);
            assertThatThrownBy(() -> socket.join("g")).isInstanceOfSatisfying(ZmqException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOTSUP));
            assertThatThrownBy(() -> socket.leave("g")).isInstanceOfSatisfying(ZmqException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOTSUP));
        }
    }

    @Test
    void shouldRefuseMultipartAndTheWrongDirection() {
        Socket radio = ctx.socket(SocketType.RADIO);
        Socket dish = ctx.socket(SocketType.DISH);

        assertThatThrownBy(() -> radio.send(new Msg().group("g").add("a").add("b")))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> radio.sendMore("a"))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> radio.recv(BRIEF))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOTSUP));
        assertThatThrownBy(() -> dish.send("a"))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOTSUP));
        // a message without a group goes to no DISH (nobody can join the empty group)
        radio.send("no group");
    }

    @Test
    void shouldDropWhenADishIsFullUnlessNoDrop() {
        Socket radio = ctx.socket(SocketType.RADIO);
        Socket dish = ctx.socket(SocketType.DISH);
        radio.set(SocketOptions.SNDHWM, 2);
        dish.set(SocketOptions.RCVHWM, 2);
        dish.join("g");
        dish.connect(radio.bind(Transport.INPROC.bindable()));
        awaitJoined(radio, dish);
        Msg msg = new Msg().group("g");
        for (int i = 0; i < 10; i++) {
            radio.send(msg.add("m" + i));
        }
        int got = 0;
        while (dish.recvMsg(BRIEF) != null) {
            got++;
        }
        assertThat(got).isBetween(1, 9);

        radio.set(SocketOptions.XPUB_NODROP, true);
        int sent = 0;
        while (radio.trySend(msg.add("x"))) {
            sent++;
            assertThat(sent).isLessThan(100);
        }
        assertThat(sent).isPositive();
        msg.clear();
    }
}
