// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** XPUB and XSUB: subscriptions seen and sent by the application, over every transport. */
class XPubXSubTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration BRIEF = Duration.ofMillis(100);



    private static byte[] sub(String topic) {
        return legacy(1, topic);
    }

    private static byte[] cancel(String topic) {
        return legacy(0, topic);
    }

    private static byte[] legacy(int kind, String topic) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[t.length + 1];
        message[0] = (byte) kind;
        System.arraycopy(t, 0, message, 1, t.length);
        return message;
    }

    private Socket subscriber(String endpoint) {
        Socket sub = ctx.socket(SocketType.SUB);
        sub.connect(endpoint);
        return sub;
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReportOnlyTheFirstSubscribeAndTheLastUnsubscribe(Transport transport) {
        Socket xpub = ctx.socket(SocketType.XPUB);
        String endpoint = xpub.bind(transport.bindable());
        Socket one = subscriber(endpoint);
        Socket two = subscriber(endpoint);

        one.subscribe("a");
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("a"));
        two.subscribe("a").subscribe("b");
        assertThat(xpub.recv(WAIT)).as("the second a is not reported").isEqualTo(sub("b"));
        one.unsubscribe("a").subscribe("c");
        assertThat(xpub.recv(WAIT)).as("a is still held by two").isEqualTo(sub("c"));
        two.unsubscribe("a");
        assertThat(xpub.recv(WAIT)).isEqualTo(cancel("a"));
        assertThat(xpub.recv(BRIEF)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReportEverySubscribeWhenVerbose(Transport transport) {
        Socket xpub = ctx.socket(SocketType.XPUB);
        xpub.set(SocketOptions.XPUB_VERBOSE, true);
        String endpoint = xpub.bind(transport.bindable());
        Socket one = subscriber(endpoint);
        Socket two = subscriber(endpoint);

        one.subscribe("a");
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("a"));
        two.subscribe("a");
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("a"));
        one.subscribe("a");
        assertThat(xpub.recv(WAIT)).as("a repeated subscribe from one peer").isEqualTo(sub("a"));
        one.unsubscribe("a").unsubscribe("a").subscribe("z");
        assertThat(xpub.recv(WAIT)).as("two still holds a").isEqualTo(sub("z"));
        assertThat(xpub.recv(BRIEF)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReportEveryUnsubscribeWhenVerboser(Transport transport) {
        Socket xpub = ctx.socket(SocketType.XPUB);
        xpub.set(SocketOptions.XPUB_VERBOSER, true);
        String endpoint = xpub.bind(transport.bindable());
        Socket one = subscriber(endpoint);
        Socket two = subscriber(endpoint);

        one.subscribe("a");
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("a"));
        two.subscribe("a");
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("a"));
        one.unsubscribe("a");
        assertThat(xpub.recv(WAIT)).isEqualTo(cancel("a"));
        two.unsubscribe("a");
        assertThat(xpub.recv(WAIT)).isEqualTo(cancel("a"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReportTheTopicsOfASubscriberThatGoesAway(Transport transport) {
        Socket xpub = ctx.socket(SocketType.XPUB);
        String endpoint = xpub.bind(transport.bindable());
        Socket leaving = subscriber(endpoint);
        Socket staying = subscriber(endpoint);
        leaving.subscribe("a").subscribe("b");
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("a"));
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("b"));
        staying.subscribe("a").subscribe("s");
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("s"));

        leaving.close();

        assertThat(xpub.recv(WAIT)).as("only b is left without a subscriber").isEqualTo(cancel("b"));
        assertThat(xpub.recv(BRIEF)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldApplySubscriptionsOnlyWhenTheApplicationDoesInManualMode(Transport transport) {
        Socket xpub = ctx.socket(SocketType.XPUB);
        xpub.set(SocketOptions.XPUB_MANUAL, true);
        Socket xsub = ctx.socket(SocketType.XSUB);
        xsub.connect(xpub.bind(transport.bindable()));

        xsub.send(sub("a"));
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("a"));
        xpub.send("a-not-applied-yet");
        xpub.subscribe("b");
        xpub.send("a-still-not-applied");
        xpub.send("b-applied");

        assertThat(xsub.recvString(WAIT)).as("XSUB does not filter; XPUB sends what the app applied")
                .isEqualTo("b-applied");
        xsub.send(sub("a"));
        assertThat(xpub.recv(WAIT)).as("manual mode reports repeats too").isEqualTo(sub("a"));
        xpub.unsubscribe("b");
        xpub.send("b-gone");
        xpub.subscribe("a");
        xpub.send("a-now");
        assertThat(xsub.recvString(WAIT)).isEqualTo("a-now");
    }

    @Test
    void shouldRefuseSubscribeOnXpubWithoutManualMode() {
        Socket xpub = ctx.socket(SocketType.XPUB);
        assertThatThrownBy(() -> xpub.subscribe("a")).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldSendTheWelcomeMessageToEveryNewSubscriber(Transport transport) {
        Socket xpub = ctx.socket(SocketType.XPUB);
        xpub.set(SocketOptions.XPUB_WELCOME_MSG, "W".getBytes(StandardCharsets.UTF_8));
        xpub.set(SocketOptions.XPUB_VERBOSE, true);
        String endpoint = xpub.bind(transport.bindable());
        Socket one = ctx.socket(SocketType.SUB);
        one.subscribe("W");
        one.connect(endpoint);
        Socket two = ctx.socket(SocketType.SUB);
        two.subscribe("W");
        two.connect(endpoint);

        // the XPUB attaches its peers, and greets them, while the application calls it
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("W"));
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("W"));
        assertThat(one.recvString(WAIT)).isEqualTo("W");
        assertThat(two.recvString(WAIT)).isEqualTo("W");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldWaitInsteadOfDroppingWithNodrop(Transport transport) {
        Socket xpub = ctx.socket(SocketType.XPUB);
        xpub.set(SocketOptions.SNDHWM, 2).set(SocketOptions.XPUB_NODROP, true).set(SocketOptions.LINGER, Duration.ZERO);
        Socket sub = ctx.socket(SocketType.SUB);
        sub.set(SocketOptions.RCVHWM, 2);
        sub.connect(xpub.bind(transport.bindable()));
        sub.subscribe("");
        assertThat(xpub.recv(WAIT)).isEqualTo(sub(""));

        PubSubSync.fillThenDrainWithoutLoss(xpub, sub);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldCarrySubscriptionsAndMessagesFromXsubToXpub(Transport transport) {
        Socket xpub = ctx.socket(SocketType.XPUB);
        Socket xsub = ctx.socket(SocketType.XSUB);
        xsub.connect(xpub.bind(transport.bindable()));

        xsub.send(sub("a"));
        assertThat(xpub.recv(WAIT)).isEqualTo(sub("a"));
        xsub.send(Msg.of("hello", "upstream"));
        Msg upstream = xpub.recvMsg(WAIT);
        assertThat(upstream.frames()).extracting(f -> new String(f, StandardCharsets.UTF_8)).containsExactly("hello", "upstream");

        xpub.send("b-filtered");
        xpub.send(Msg.of("a1", "more"));
        Msg down = xsub.recvMsg(WAIT);
        assertThat(down.frames()).extracting(f -> new String(f, StandardCharsets.UTF_8)).containsExactly("a1", "more");

        xsub.send(cancel("a"));
        assertThat(xpub.recv(WAIT)).isEqualTo(cancel("a"));
        xsub.send(cancel("never"));
        xsub.send(sub("z"));
        assertThat(xpub.recv(WAIT)).as("an unknown topic's cancel is not forwarded").isEqualTo(sub("z"));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldReportEachSubscriptionOnceOnAFirstConnection(Transport transport) {
        Socket xpub = ctx.socket(SocketType.XPUB);
        xpub.set(SocketOptions.XPUB_VERBOSE, true);
        String endpoint = xpub.bind(transport.bindable());
        Socket sub = ctx.socket(SocketType.SUB);
        sub.subscribe("early");
        sub.connect(endpoint);
        sub.subscribe("late");

        List<byte[]> seen = new ArrayList<>();
        seen.add(xpub.recv(WAIT));
        seen.add(xpub.recv(WAIT));
        assertThat(seen).containsExactly(sub("early"), sub("late"));
        assertThat(xpub.recv(BRIEF)).isNull();
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldLearnTheSubscriptionsOfABoundSubWhenConnecting(Transport transport) {
        Socket sub = ctx.socket(SocketType.SUB);
        sub.subscribe("held");
        String endpoint = sub.bind(transport.bindable());
        Socket xpub = ctx.socket(SocketType.XPUB);
        xpub.connect(endpoint);
        byte[] subscription = null;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (subscription == null && System.nanoTime() < deadline) {
            // the bound SUB replays its subscriptions while its application calls it
            assertThat(sub.recv(Duration.ofMillis(10))).isNull();
            subscription = xpub.recv(Duration.ofMillis(10));
        }
        assertThat(subscription).isEqualTo(sub("held"));
        xpub.send("held: yes");
        assertThat(sub.recvString(WAIT)).isEqualTo("held: yes");
    }

    @Test
    void shouldReceiveSubscriptionsMadeBeforeTheInprocBind() {
        Socket sub = ctx.socket(SocketType.SUB);
        String endpoint = Transport.INPROC.bindable();
        sub.connect(endpoint);
        sub.subscribe("t");
        Socket xpub = ctx.socket(SocketType.XPUB);
        xpub.bind(endpoint);

        assertThat(xpub.recv(WAIT)).isEqualTo(sub("t"));
        xpub.send("t1");
        assertThat(sub.recvString(WAIT)).isEqualTo("t1");
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, mode = EnumSource.Mode.EXCLUDE, names = "INPROC")
    void shouldReplaySubscriptionsToARestartedXpub(Transport transport) {
        String endpoint;
        Socket sub = ctx.socket(SocketType.SUB);
        sub.subscribe("s");
        Socket xsub = ctx.socket(SocketType.XSUB);
        xsub.send(sub("x"));
        try (Context first = Context.create()) {
            Socket xpub = first.socket(SocketType.XPUB);
            xpub.set(SocketOptions.XPUB_VERBOSE, true);
            // the restarted XPUB binds the very endpoint this one was given
            endpoint = xpub.bind(transport.bindable());
            sub.connect(endpoint);
            xsub.connect(endpoint);
            List<byte[]> seen = List.of(xpub.recv(WAIT), xpub.recv(WAIT));
            assertThat(seen).containsExactlyInAnyOrder(sub("s"), sub("x"));
        }
        try (Context restarted = Context.create()) {
            Socket xpub = restarted.socket(SocketType.XPUB);
            xpub.set(SocketOptions.XPUB_VERBOSE, true);
            xpub.bind(endpoint);
            List<byte[]> seen = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (seen.size() < 2) {
                assertThat(System.nanoTime() - deadline).as("replayed subscriptions, got %s", seen).isNegative();
                byte[] report = xpub.recv(Duration.ofMillis(10));
                if (report != null) {
                    seen.add(report);
                }
                // the subscribers only process their reconnect while they are called
                sub.tryRecv();
                xsub.tryRecv();
            }
            assertThat(seen).containsExactlyInAnyOrder(sub("s"), sub("x"));
            xpub.send("s1");
            assertThat(sub.recvString(WAIT)).isEqualTo("s1");
        }
    }

}
