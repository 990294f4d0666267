// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sock} with PUB, SUB, XPUB, XSUB, DEALER and ROUTER against peers made with the library
 * API (cli.md, "Per type"). Each test runs once the library supports the types it needs.
 */
@Timeout(20)
class SockPatternsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration GLIMPSE = Duration.ofMillis(50);

    private Context ctx;

    @BeforeEach
    void setUp() {
        ctx = Context.create();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private Socket socket(SocketType type) {
        Socket socket = ctx.socket(type);
        socket.set(SocketOptions.LINGER, Duration.ZERO);
        return socket;
    }

    @Test
    void shouldPublishStdinLinesOnPub() {
        try (Socket sub = socket(SocketType.SUB); LiveCli cli = LiveCli.start("sock", "pub", ">" + bindAny(sub))) {
            sub.subscribe("t");
            // PUB drops what it sends before the subscription arrives: publish until one gets through
            String first;
            do {
                cli.write("t0");
                cli.write("skipped");
                first = sub.recvString(GLIMPSE);
            } while (first == null);
            assertThat(first).isEqualTo("t0");
            cli.write("other");
            cli.write("t\tlast");
            cli.closeStdin();
            Msg msg;
            do {
                msg = sub.recvMsg(WAIT);
            } while (msg.size() == 1 && msg.string(0).equals("t0"));
            assertThat(frames(msg)).containsExactly("t", "last");
            cli.finish().assertOk();
        }
    }

    @Test
    void shouldReceiveOnlySubscribedPrefixesOnSub() {
        try (Socket xpub = socket(SocketType.XPUB)) {
            LiveCli cli = LiveCli.start("sock", "sub", bindAny(xpub), "-s", "a", "--subscribe=0x62", "-n", "2");
            assertThat(xpub.recvMsg(WAIT).frame(0)).isIn(sub("a"), sub("b"));
            assertThat(xpub.recvMsg(WAIT).frame(0)).isIn(sub("a"), sub("b"));
            xpub.send("c-not-subscribed");
            xpub.send(Msg.of("a1", "x"));
            xpub.send("b2");
            xpub.send("a3");
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("a1\tx\nb2\n");
        }
    }

    @Test
    void shouldSubscribeToEverythingOnSubByDefault() {
        try (Socket pub = socket(SocketType.PUB)) {
            String endpoint = bindAny(pub);
            LiveCli cli = LiveCli.start("sock", "sub", endpoint, "-n", "1");
            CliRun result;
            // the subscription reaches PUB at some point: publish until the command got one
            do {
                pub.send("any");
                result = cli.finishWithin(GLIMPSE);
            } while (result == null);
            result.assertOk();
            assertThat(result.out()).isEqualTo("any\n");
        }
    }

    @Test
    void shouldPrintSubscriptionsAndPublishLinesOnXpub(@TempDir Path dir) {
        String endpoint = "ipc://" + dir.resolve("xpub.ipc");
        try (Socket sub = socket(SocketType.SUB); LiveCli cli = LiveCli.start("sock", "xpub", endpoint, "-n", "2")) {
            sub.connect(endpoint);
            sub.subscribe("t");
            assertThat(cli.nextLine()).isEqualTo("0x0174");
            cli.write("t\tone");
            cli.write("u-filtered");
            cli.write("t2");
            assertThat(frames(sub.recvMsg(WAIT))).containsExactly("t", "one");
            assertThat(sub.recvString(WAIT)).isEqualTo("t2");
            sub.unsubscribe("t");
            assertThat(cli.nextLine()).isEqualTo("0x0074");
            cli.finish().assertOk();
        }
    }

    @Test
    void shouldPassDuplicateSubscriptionsOnXpubWhenVerbose(@TempDir Path dir) {
        String endpoint = "ipc://" + dir.resolve("xpub.ipc");
        try (Socket sub1 = socket(SocketType.SUB); Socket sub2 = socket(SocketType.SUB);
             LiveCli cli = LiveCli.start("sock", "xpub", endpoint, "--xpub-verbose", "-n", "3")) {
            sub1.connect(endpoint);
            sub1.subscribe("t");
            assertThat(cli.nextLine()).isEqualTo("0x0174");
            sub2.connect(endpoint);
            sub2.subscribe("t");
            assertThat(cli.nextLine()).isEqualTo("0x0174");
            sub2.subscribe("u");
            assertThat(cli.nextLine()).isEqualTo("0x0175");
            cli.finish().assertOk();
        }
    }

    @Test
    void shouldSendInitialSubscriptionsAndStdinUnchangedOnXsub() {
        try (Socket xpub = socket(SocketType.XPUB)) {
            LiveCli cli = LiveCli.start("sock", "xsub", bindAny(xpub), "-s", "a", "-s", "0x00ff", "-n", "1");
            assertThat(xpub.recvMsg(WAIT).frame(0)).isEqualTo(sub("a"));
            assertThat(xpub.recvMsg(WAIT).frame(0)).isEqualTo(new byte[] {1, 0, (byte) 0xff});
            cli.write("0x0163");
            assertThat(xpub.recvMsg(WAIT).frame(0)).isEqualTo(sub("c"));
            xpub.send("zzz");
            xpub.send(Msg.of("c1", ""));
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("c1\t\n");
        }
    }

    @Test
    void shouldSubscribeToEverythingOnXsubForEveryPeer(@TempDir Path dir) {
        String endpoint = "ipc://" + dir.resolve("xsub.ipc");
        try (LiveCli cli = LiveCli.start("sock", "xsub", "@" + endpoint, "-n", "2");
             Socket early = socket(SocketType.XPUB); Socket late = socket(SocketType.XPUB)) {
            early.connect(endpoint);
            assertThat(early.recvMsg(WAIT).frames()).containsExactly(new byte[] {1});
            early.send("from early");
            assertThat(cli.nextLine()).isEqualTo("from early");
            late.connect(endpoint);
            assertThat(late.recvMsg(WAIT).frames()).containsExactly(new byte[] {1});
            late.send("from late");
            assertThat(cli.nextLine()).isEqualTo("from late");
            cli.finish().assertOk();
        }
    }

    @Test
    void shouldWriteDelimiterItselfOnDealerTalkingToRep() {
        try (Socket rep = socket(SocketType.REP)) {
            String endpoint = bindAny(rep);
            LiveCli cli = LiveCli.start("sock", "dealer", endpoint, "-n", "1");
            cli.write("\tquestion\tpart");
            assertThat(frames(rep.recvMsg(WAIT))).containsExactly("question", "part");
            rep.send("answer");
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("\tanswer\n");
        }
    }

    @Test
    void shouldEchoOnDealer() {
        try (Socket peer = socket(SocketType.DEALER)) {
            String endpoint = bindAny(peer);
            LiveCli cli = LiveCli.start("sock", "dealer", ">" + endpoint, "--echo", "-n", "2");
            peer.send("ping");
            assertThat(peer.recvString(WAIT)).isEqualTo("ping");
            peer.send(Msg.of("", "a", "b"));
            assertThat(frames(peer.recvMsg(WAIT))).containsExactly("", "a", "b");
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("ping\n\ta\tb\n");
        }
    }

    @Test
    void shouldAnnounceIdentityOnDealer() {
        try (Socket router = socket(SocketType.ROUTER)) {
            String endpoint = bindAny(router);
            LiveCli cli = LiveCli.start("sock", "dealer", endpoint, "--identity", "0x6964", "-n", "1");
            cli.write("hello");
            assertThat(frames(router.recvMsg(WAIT))).containsExactly("id", "hello");
            router.send(Msg.of("id", "back"));
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("back\n");
        }
    }

    @Test
    void shouldPrintSenderIdAndRouteByFirstFrameOnRouter() {
        try (Socket dealer = socket(SocketType.DEALER)) {
            dealer.set(SocketOptions.ROUTING_ID, b("d1"));
            LiveCli cli = LiveCli.start("sock", "router", ">" + bindAny(dealer));
            dealer.send(Msg.of("hi", "there"));
            assertThat(cli.nextLine()).isEqualTo("d1\thi\tthere");
            cli.write("nobody\tlost");
            cli.write("d1");
            cli.write("d1\treply\t");
            assertThat(frames(dealer.recvMsg(WAIT))).containsExactly("reply", "");
            assertThat(dealer.recvMsg(GLIMPSE)).isNull();
            cli.closeStdin();
            cli.finish().assertOk();
        }
    }

    @Test
    void shouldWarnOnceAboutEachUnroutableLineUnderRouterMandatory() {
        try (Socket dealer = socket(SocketType.DEALER)) {
            dealer.set(SocketOptions.ROUTING_ID, b("d1"));
            LiveCli cli = LiveCli.start("sock", "router", ">" + bindAny(dealer), "--router-mandatory");
            dealer.send("hi");
            assertThat(cli.nextLine()).isEqualTo("d1\thi");
            cli.write("nobody\tlost");
            cli.write("d1\tfound");
            assertThat(dealer.recvString(WAIT)).isEqualTo("found");
            cli.closeStdin();
            CliRun result = cli.finish();
            assertThat(result.status()).as("stderr: %s", result.err()).isZero();
            assertThat(result.err().lines().toList()).singleElement().asString()
                    .startsWith("zenmq: warning: ").contains("nobody");
        }
    }

    @Test
    void shouldEchoToSenderOnRouter() {
        try (Socket d1 = socket(SocketType.DEALER); Socket d2 = socket(SocketType.DEALER)) {
            d1.set(SocketOptions.ROUTING_ID, b("one"));
            d2.set(SocketOptions.ROUTING_ID, b("two"));
            String ep1 = bindAny(d1);
            String ep2 = bindAny(d2);
            LiveCli cli = LiveCli.start("sock", "router", ">" + ep1 + ",>" + ep2, "--echo", "-n", "2");
            d1.send("ping one");
            assertThat(d1.recvString(WAIT)).isEqualTo("ping one");
            d2.send(Msg.of("ping", "two"));
            assertThat(frames(d2.recvMsg(WAIT))).containsExactly("ping", "two");
            assertThat(d1.recvMsg(GLIMPSE)).isNull();
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("one\tping one\ntwo\tping\ttwo\n");
        }
    }

    @Test
    void shouldAcceptConflateOnPull() {
        try (Socket push = socket(SocketType.PUSH)) {
            String endpoint = bindAny(push);
            LiveCli cli = LiveCli.start("sock", "pull", ">" + endpoint, "--conflate", "-n", "1");
            push.send("newest");
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("newest\n");
        }
    }

    private static String bindAny(Socket socket) {
        return socket.bind("tcp://127.0.0.1:*");
    }

    private static byte[] sub(String prefix) {
        byte[] topic = b(prefix);
        byte[] body = new byte[topic.length + 1];
        body[0] = 1;
        System.arraycopy(topic, 0, body, 1, topic.length);
        return body;
    }

    private static List<String> frames(Msg msg) {
        return msg.frames().stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
