// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static io.zenmq.PubSubSync.awaitSubscribed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PUB and SUB (RFC 29): prefix filtering, counting, HWM drops, reconnects, over every transport. */
class PubSubTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration BRIEF = Duration.ofMillis(100);



    private Socket[] pubSub(Transport transport) {
        Socket pub = ctx.socket(SocketType.PUB);
        Socket sub = ctx.socket(SocketType.SUB);
        sub.connect(pub.bind(transport.bindable()));
        return new Socket[] {pub, sub};
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverOnlyMessagesATopicPrefixes(Transport transport) {
        Socket[] s = pubSub(transport);
        Socket pub = s[0];
        Socket sub = s[1];
        sub.subscribe("weather.");
        awaitSubscribed(pub, sub);

        pub.send("weather.paris");
        pub.send("sport.tennis");
        pub.send("weather");
        pub.send("weather.rome");

        assertThat(sub.recvString(WAIT)).isEqualTo("weather.paris");
        assertThat(sub.recvString(WAIT)).isEqualTo("weather.rome");
        assertThat(sub.recv(BRIEF)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverTheTopicsOfEverySubscription(Transport transport) {
        Socket[] s = pubSub(transport);
        Socket pub = s[0];
        Socket sub = s[1];
        sub.subscribe("a").subscribe("b").subscribe(new byte[] {0, (byte) 0xFF});
        awaitSubscribed(pub, sub);

        pub.send("a1");
        pub.send("c1");
        pub.send("b1");
        pub.send(new byte[] {0, (byte) 0xFF, 7});
        pub.send(new byte[] {0});
        pub.send(new byte[0]);

        assertThat(sub.recvString(WAIT)).isEqualTo("a1");
        assertThat(sub.recvString(WAIT)).isEqualTo("b1");
        assertThat(sub.recv(WAIT)).containsExactly(0, 0xFF, 7);
        assertThat(sub.recv(BRIEF)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverEverythingToAnEmptySubscription(Transport transport) {
        Socket[] s = pubSub(transport);
        Socket pub = s[0];
        Socket sub = s[1];
        sub.subscribe("");
        awaitSubscribed(pub, sub);

        pub.send(new byte[0]);
        pub.send("anything");

        assertThat(sub.recv(WAIT)).isEmpty();
        assertThat(sub.recvString(WAIT)).isEqualTo("anything");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldCountSubscriptionsAndStopAfterTheLastUnsubscribe(Transport transport) {
        Socket[] s = pubSub(transport);
        Socket pub = s[0];
        Socket sub = s[1];
        sub.subscribe("a").subscribe("a").subscribe("b");
        awaitSubscribed(pub, sub);

        sub.unsubscribe("a").unsubscribe("never subscribed");
        awaitSubscribed(pub, sub);
        pub.send("a1");
        assertThat(sub.recvString(WAIT)).as("one of two subscriptions to a is left").isEqualTo("a1");

        sub.unsubscribe("a");
        awaitSubscribed(pub, sub);
        pub.send("a2");
        pub.send("b2");
        assertThat(sub.recvString(WAIT)).isEqualTo("b2");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReceiveNothingWithoutASubscription(Transport transport) {
        Socket[] s = pubSub(transport);
        Socket pub = s[0];
        Socket silent = s[1];
        Socket listening = ctx.socket(SocketType.SUB);
        listening.connect(pub.get(SocketOptions.LAST_ENDPOINT));
        listening.subscribe("");
        awaitSubscribed(pub, listening);

        pub.send("for subscribers only");

        assertThat(listening.recvString(WAIT)).isEqualTo("for subscribers only");
        assertThat(silent.recv(BRIEF)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverMultipartMessagesWholeByTheirFirstFrame(Transport transport) {
        Socket[] s = pubSub(transport);
        Socket pub = s[0];
        Socket sub = s[1];
        sub.subscribe("m");
        awaitSubscribed(pub, sub);

        pub.send(Msg.of("m1", "a", "b"));
        pub.send(Msg.of("x", "m"));
        pub.send(Msg.of("m2", "", "c"));

        Msg first = sub.recvMsg(WAIT);
        assertThat(first.frames()).extracting(f -> new String(f, StandardCharsets.UTF_8)).containsExactly("m1", "a", "b");
        Msg second = sub.recvMsg(WAIT);
        assertThat(second.frames()).extracting(f -> new String(f, StandardCharsets.UTF_8)).containsExactly("m2", "", "c");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDropWholeMessagesForASlowSubscriberAndNeverBlock(Transport transport) {
        Socket pub = ctx.socket(SocketType.PUB);
        pub.set(SocketOptions.SNDHWM, 10).set(SocketOptions.LINGER, Duration.ZERO);
        Socket sub = ctx.socket(SocketType.SUB);
        sub.set(SocketOptions.RCVHWM, 10);
        sub.connect(pub.bind(transport.bindable()));
        sub.subscribe("");
        awaitSubscribed(pub, sub);

        int sent = 8_000;
        byte[] body = new byte[4096];
        for (int i = 0; i < sent; i++) {
            assertThat(pub.trySend(Msg.of(("m" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8), body,
                    new byte[] {1}))).as("send %d never waits", i).isTrue();
        }

        int received = 0;
        Msg msg;
        while ((msg = sub.recvMsg(BRIEF)) != null) {
            assertThat(msg.size()).as("a message arrives whole or not at all").isEqualTo(3);
            received++;
        }
        assertThat(received).isPositive().isLessThan(sent);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldWaitInsteadOfDroppingWithNodrop(Transport transport) {
        Socket pub = ctx.socket(SocketType.PUB);
        pub.set(SocketOptions.SNDHWM, 2).set(SocketOptions.XPUB_NODROP, true).set(SocketOptions.LINGER, Duration.ZERO);
        Socket sub = ctx.socket(SocketType.SUB);
        sub.set(SocketOptions.RCVHWM, 2);
        sub.connect(pub.bind(transport.bindable()));
        sub.subscribe("");
        awaitSubscribed(pub, sub);

        PubSubSync.fillThenDrainWithoutLoss(pub, sub);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverWhatDoesNotMatchWithInvertMatching(Transport transport) {
        Socket pub = ctx.socket(SocketType.PUB);
        pub.set(SocketOptions.INVERT_MATCHING, true);
        Socket sub = ctx.socket(SocketType.SUB);
        sub.set(SocketOptions.INVERT_MATCHING, true);
        sub.connect(pub.bind(transport.bindable()));
        sub.subscribe("a");

        long deadline = System.nanoTime() + WAIT.toNanos();
        byte[] got;
        do {
            pub.send("a-excluded");
            pub.send("b-included");
            got = sub.recv(Duration.ofMillis(10));
            assertThat(System.nanoTime() - deadline).as("nothing arrived").isNegative();
        } while (got == null);
        assertThat(new String(got, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("b-included");
        while ((got = sub.recv(BRIEF)) != null) {
            assertThat(new String(got, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("b-included");
        }
    }

    @Test
    void shouldDeliverAfterConnectingBeforeTheInprocBind() {
        Socket sub = ctx.socket(SocketType.SUB);
        String endpoint = Transport.INPROC.bindable();
        sub.connect(endpoint);
        sub.subscribe("t");
        Socket pub = ctx.socket(SocketType.PUB);
        pub.bind(endpoint);
        awaitSubscribed(pub, sub);

        pub.send("u");
        pub.send("t1");

        assertThat(sub.recvString(WAIT)).isEqualTo("t1");
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldResubscribeToARestartedPublisher(Transport transport) {
        String endpoint;
        Socket sub = ctx.socket(SocketType.SUB);
        sub.subscribe("t");
        try (Context first = Context.create()) {
            Socket pub = first.socket(SocketType.PUB);
            // the restarted publisher binds the very endpoint this one was given
            endpoint = pub.bind(transport.bindable());
            sub.connect(endpoint);
            awaitSubscribed(pub, sub);
            pub.send("t-before");
            assertThat(sub.recvString(WAIT)).isEqualTo("t-before");
        }
        try (Context restarted = Context.create()) {
            Socket pub = restarted.socket(SocketType.PUB);
            pub.bind(endpoint);
            awaitSubscribed(pub, sub);
            pub.send("x-unwanted");
            pub.send("t-after");
            assertThat(sub.recvString(WAIT)).isEqualTo("t-after");
        }
    }

    @Test
    void shouldRefuseToReceiveOnPubAndToSendOnSub() {
        Socket pub = ctx.socket(SocketType.PUB);
        Socket sub = ctx.socket(SocketType.SUB);
        assertThatThrownBy(pub::tryRecv).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOTSUP));
        assertThatThrownBy(() -> sub.trySend(new byte[1])).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ENOTSUP));
        assertThatThrownBy(() -> pub.subscribe("a")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
    }

    @Test
    void shouldSendWithoutAnySubscriber() {
        Socket pub = ctx.socket(SocketType.PUB);
        pub.bind(Transport.TCP.bindable());
        for (int i = 0; i < 10_000; i++) {
            assertThat(pub.trySend(new byte[16])).isTrue();
        }
    }

}
