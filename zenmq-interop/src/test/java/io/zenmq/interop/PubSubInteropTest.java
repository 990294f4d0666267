// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.InteropExtension.PATIENCE;
import static io.zenmq.interop.Payloads.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Publish-subscribe between zenmq and libzmq over TCP, with either side binding: SUBSCRIBE/CANCEL
 * commands (ZMTP 3.1) and legacy {@code 01}/{@code 00} messages accepted in both directions,
 * filtering done by the publisher (checked through XSUB, which does not filter itself), and
 * XPUB/XSUB subscription reports and upstream messages.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PubSubInteropTest {
    private static final Duration PROBE_WAIT = Duration.ofMillis(20);
    private static final Duration NOTHING = Duration.ofMillis(200);

    @RegisterExtension
    final InteropExtension interop = new InteropExtension();

    private static byte[] legacy(int kind, String topic) {
        byte[] t = utf8(topic);
        byte[] message = new byte[t.length + 1];
        message[0] = (byte) kind;
        System.arraycopy(t, 0, message, 1, t.length);
        return message;
    }

    /**
     * Publishes {@code probe} until a copy arrives (the slow joiner), then {@code probe}+"!" and
     * consumes everything up to it, so that the next message received is the next one published.
     */
    private static void awaitSubscribed(String probe, java.util.function.Consumer<byte[]> publish,
                                        Supplier<List<byte[]>> receiveBriefly, Supplier<List<byte[]>> receive) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (receiveBriefly.get() == null) {
            assertThat(System.nanoTime() - deadline).as("the subscription never reached the publisher").isNegative();
            publish.accept(utf8(probe));
        }
        byte[] done = utf8(probe + "!");
        publish.accept(done);
        List<byte[]> got;
        do {
            got = receive.get();
            assertThat(got).as("the last probe").isNotNull();
        } while (!Arrays.equals(got.get(0), done));
    }

    /**
     * Receives on the libzmq peer while calling the zenmq socket now and then: like libzmq, a
     * zenmq socket takes in a new connection (and sends its subscriptions over it) only while
     * the application calls it.
     */
    private static List<byte[]> recvPoking(LibzmqPeer peer, Socket zenmq) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<byte[]> got;
        while ((got = peer.recv(PROBE_WAIT)) == null) {
            assertThat(System.nanoTime() - deadline).as("nothing arrived at libzmq").isNegative();
            assertThat(zenmq.tryRecvMsg()).as("nothing is published here").isNull();
        }
        return got;
    }

    /** The same, the other way round: libzmq attaches a connection it accepted only when called. */
    private static Msg recvPoking(Socket zenmq, LibzmqPeer peer) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Msg got;
        while ((got = zenmq.recvMsg(PROBE_WAIT)) == null) {
            assertThat(System.nanoTime() - deadline).as("nothing arrived at zenmq").isNegative();
            assertThat(peer.recv(Duration.ZERO)).as("nothing is published to libzmq").isNull();
        }
        return got;
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldFilterFromZenmqPubToLibzmqSub(Topology topology) {
        LibzmqPeer sub = interop.peer().socket("SUB");
        sub.setsockopt("SUBSCRIBE", utf8("a"));
        Socket pub = interop.socket(SocketType.PUB);
        topology.wire(pub, sub);
        awaitSubscribed("a-probe", pub::send, () -> sub.recv(PROBE_WAIT), () -> sub.recv(PATIENCE));

        pub.send(utf8("b1"));
        pub.send(Msg.of(utf8("a1"), new byte[0], utf8("part")));

        assertFrames("the matching message", sub.recv(PATIENCE), utf8("a1"), new byte[0], utf8("part"));
        sub.setsockopt("UNSUBSCRIBE", utf8("a"));
        sub.setsockopt("SUBSCRIBE", utf8("c"));
        awaitSubscribed("c-probe", pub::send, () -> sub.recv(PROBE_WAIT), () -> sub.recv(PATIENCE));
        pub.send(utf8("a2"));
        pub.send(utf8("c2"));
        assertFrames("after the cancel", sub.recv(PATIENCE), utf8("c2"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldFilterForLibzmqXsubSubscribingWithLegacyMessages(Topology topology) {
        LibzmqPeer xsub = interop.peer().socket("XSUB");
        Socket pub = interop.socket(SocketType.PUB);
        topology.wire(pub, xsub);
        xsub.send(legacy(1, "a"));
        awaitSubscribed("a-probe", pub::send, () -> xsub.recv(PROBE_WAIT), () -> xsub.recv(PATIENCE));

        pub.send(utf8("b1"));
        pub.send(utf8("a1"));

        assertFrames("only the matching message, filtered by zenmq", xsub.recv(PATIENCE), utf8("a1"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldReceiveFromLibzmqPubWhatZenmqSubscribed(Topology topology) {
        LibzmqPeer pub = interop.peer().socket("PUB");
        Socket sub = interop.socket(SocketType.SUB);
        sub.subscribe("a");
        topology.wire(sub, pub);
        awaitSubscribed("a-probe", pub::send, () -> frames(sub.recvMsg(PROBE_WAIT)),
                () -> frames(sub.recvMsg(PATIENCE)));

        pub.send(utf8("b1"));
        pub.send(utf8("a1"), utf8("part"));

        assertFrames("the matching message", sub.recvMsg(PATIENCE), utf8("a1"), utf8("part"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldHaveLibzmqPubFilterForZenmqXsub(Topology topology) {
        LibzmqPeer pub = interop.peer().socket("PUB");
        Socket xsub = interop.socket(SocketType.XSUB);
        topology.wire(xsub, pub);
        xsub.send(legacy(1, "a"));
        xsub.send(legacy(1, "b"));
        awaitSubscribed("a-probe", pub::send, () -> frames(xsub.recvMsg(PROBE_WAIT)),
                () -> frames(xsub.recvMsg(PATIENCE)));

        xsub.send(legacy(0, "a"));
        awaitSubscribed("b-probe", pub::send, () -> frames(xsub.recvMsg(PROBE_WAIT)),
                () -> frames(xsub.recvMsg(PATIENCE)));
        pub.send(utf8("a1"));
        pub.send(utf8("c1"));
        pub.send(utf8("b1"));

        assertFrames("only what is still subscribed, filtered by libzmq", xsub.recvMsg(PATIENCE), utf8("b1"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldReportLibzmqSubscriptionsOnZenmqXpub(Topology topology) {
        LibzmqPeer sub = interop.peer().socket("SUB");
        Socket xpub = interop.socket(SocketType.XPUB);
        topology.wire(xpub, sub);

        sub.setsockopt("SUBSCRIBE", utf8("a"));
        assertFrames("SUBSCRIBE command, reported in legacy form", recvPoking(xpub, sub), legacy(1, "a"));
        xpub.send(utf8("a1"));
        assertFrames("message", sub.recv(PATIENCE), utf8("a1"));
        sub.setsockopt("UNSUBSCRIBE", utf8("a"));
        assertFrames("CANCEL command, reported in legacy form", xpub.recvMsg(PATIENCE), legacy(0, "a"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldReceiveSubscriptionsAndUpstreamMessagesFromLibzmqXsub(Topology topology) {
        LibzmqPeer xsub = interop.peer().socket("XSUB");
        Socket xpub = interop.socket(SocketType.XPUB);
        topology.wire(xpub, xsub);

        xsub.send(legacy(1, "a"));
        assertFrames("subscription", recvPoking(xpub, xsub), legacy(1, "a"));
        xsub.send(utf8("hello"), utf8("upstream"));
        assertFrames("upstream message", xpub.recvMsg(PATIENCE), utf8("hello"), utf8("upstream"));
        xpub.send(utf8("b1"));
        xpub.send(utf8("a1"));
        assertFrames("downstream, filtered by zenmq", xsub.recv(PATIENCE), utf8("a1"));
        xsub.send(legacy(0, "a"));
        assertFrames("cancel", xpub.recvMsg(PATIENCE), legacy(0, "a"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldSendZenmqSubscriptionsToLibzmqXpubOnceEach(Topology topology) {
        LibzmqPeer xpub = interop.peer().socket("XPUB");
        xpub.setsockopt("XPUB_VERBOSE", 1);
        Socket sub = interop.socket(SocketType.SUB);
        sub.subscribe("early");
        topology.wire(sub, xpub);
        sub.subscribe("late");

        assertFrames("subscription made before connecting", recvPoking(xpub, sub), legacy(1, "early"));
        assertFrames("subscription made after connecting", recvPoking(xpub, sub), legacy(1, "late"));
        assertThat(xpub.recv(NOTHING)).as("no subscription twice (XPUB_VERBOSE shows repeats)").isNull();
        sub.unsubscribe("early");
        assertFrames("cancel", xpub.recv(PATIENCE), legacy(0, "early"));
    }

    @ParameterizedTest
    @EnumSource(Topology.class)
    void shouldSendZenmqXsubSubscriptionsAndUpstreamMessagesToLibzmqXpub(Topology topology) {
        LibzmqPeer xpub = interop.peer().socket("XPUB");
        Socket xsub = interop.socket(SocketType.XSUB);
        topology.wire(xsub, xpub);

        xsub.send(legacy(1, "a"));
        assertFrames("subscription", recvPoking(xpub, xsub), legacy(1, "a"));
        xsub.send(Msg.of(utf8("hello"), utf8("upstream")));
        assertFrames("upstream message", xpub.recv(PATIENCE), utf8("hello"), utf8("upstream"));
        xpub.send(utf8("b1"));
        xpub.send(utf8("a1"));
        assertFrames("downstream, filtered by libzmq", xsub.recvMsg(PATIENCE), utf8("a1"));
        xsub.send(legacy(0, "a"));
        assertFrames("cancel", xpub.recv(PATIENCE), legacy(0, "a"));
    }

    private static List<byte[]> frames(Msg msg) {
        return msg == null ? null : msg.frames();
    }
}
