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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sock} with SERVER, CLIENT, PEER, CHANNEL, SCATTER and GATHER against peers made with the
 * library API, over tcp and ipc (cli.md, "Draft socket types").
 */
@Timeout(30)
class SockDraftTypesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration GLIMPSE = Duration.ofMillis(50);

    @TempDir
    Path dir;
    private Context ctx;
    private int ipcFiles;

    @BeforeEach
    void setUp() {
        ctx = Context.create();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldAnswerClientsByRoutingIdOnServer(String transport) {
        try (Socket client = socket(SocketType.CLIENT)) {
            LiveCli cli = LiveCli.start("sock", "server", ">" + bind(client, transport));
            client.send(Msg.of(b("hello")));
            String line = cli.nextLine();
            assertThat(line).matches("[1-9][0-9]*\thello");
            String id = line.substring(0, line.indexOf('\t'));
            cli.write(id + "\treply\twith tab");
            assertThat(s(client.recvMsg(WAIT).frame(0))).isEqualTo("reply\twith tab");
            client.send(Msg.of(new byte[] {'a', '\t', 'b'}));
            assertThat(cli.nextLine()).isEqualTo(id + "\t0x610962");
            cli.write(id + "\t0x0001");
            assertThat(client.recvMsg(WAIT).frame(0)).containsExactly(0, 1);
            cli.closeStdin();
            cli.finish().assertOk();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldDropUnsendableServerLinesWithOneWarningEach(String transport) {
        try (Socket client = socket(SocketType.CLIENT)) {
            LiveCli cli = LiveCli.start("sock", "server", ">" + bind(client, transport));
            client.send(Msg.of(b("hi")));
            String id = cli.nextLine().split("\t")[0];
            cli.write("no delimiter");
            assertThat(cli.nextErrLine()).startsWith("zenmq: warning: ").contains("without ID");
            cli.write("0\tzero");
            assertThat(cli.nextErrLine()).startsWith("zenmq: warning: ").contains("'0' is not a routing id");
            cli.write("4294967296\ttoo big");
            assertThat(cli.nextErrLine()).startsWith("zenmq: warning: ").contains("not a routing id");
            long unknown = Long.parseLong(id) == 4294967295L ? 1 : Long.parseLong(id) + 1;
            cli.write(unknown + "\tnobody");
            assertThat(cli.nextErrLine()).startsWith("zenmq: warning: no peer " + unknown);
            cli.write(id + "\tstill here");
            assertThat(s(client.recvMsg(WAIT).frame(0))).isEqualTo("still here");
            cli.closeStdin();
            CliRun result = cli.finish();
            assertThat(result.status()).isZero();
            assertThat(result.err().lines()).hasSize(4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldEchoToEachSenderOnServer(String transport) {
        try (Socket c1 = socket(SocketType.CLIENT); Socket c2 = socket(SocketType.CLIENT)) {
            String ep1 = bind(c1, transport);
            String ep2 = bind(c2, transport);
            LiveCli cli = LiveCli.start("sock", "server", ">" + ep1 + ",>" + ep2, "--echo", "-n", "2");
            c1.send(Msg.of(b("one")));
            assertThat(s(c1.recvMsg(WAIT).frame(0))).isEqualTo("one");
            c2.send(Msg.of(b("two\tparts")));
            assertThat(s(c2.recvMsg(WAIT).frame(0))).isEqualTo("two\tparts");
            assertThat(c1.recvMsg(GLIMPSE)).isNull();
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).matches("[1-9][0-9]*\tone\n[1-9][0-9]*\t0x74776f097061727473\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldSendWholeLinesAndPrintRepliesOnClient(String transport) {
        try (Socket server = socket(SocketType.SERVER)) {
            LiveCli cli = LiveCli.start("sock", "client", bind(server, transport), "-n", "2");
            cli.write("a\tb");
            Msg request = server.recvMsg(WAIT);
            assertThat(s(request.frame(0))).isEqualTo("a\tb");
            server.send(Msg.of(b("first")).routingId(request.routingId()));
            server.send(Msg.of(new byte[] {0x7f}).routingId(request.routingId()));
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("first\n0x7f\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldAnnounceConnectedPeersAndTalkByIdOnPeer(String transport) {
        try (Socket p1 = socket(SocketType.PEER); Socket p2 = socket(SocketType.PEER)) {
            String ep1 = bind(p1, transport);
            String ep2 = bind(p2, transport);
            LiveCli cli = LiveCli.start("sock", "peer", ep1 + "," + ep2, "-n", "2");
            String first = cli.nextLine();
            String second = cli.nextLine();
            assertThat(first).matches("[1-9][0-9]*\t");
            assertThat(second).matches("[1-9][0-9]*\t").isNotEqualTo(first);
            cli.write(second + "to two");
            cli.write(first + "to one");
            Msg atTwo = p2.recvMsg(WAIT);
            assertThat(s(atTwo.frame(0))).isEqualTo("to two");
            Msg atOne = p1.recvMsg(WAIT);
            assertThat(s(atOne.frame(0))).isEqualTo("to one");
            p1.send(Msg.of(b("from one")).routingId(atOne.routingId()));
            assertThat(cli.nextLine()).isEqualTo(first + "from one");
            p2.send(Msg.of(b("from two")).routingId(atTwo.routingId()));
            assertThat(cli.nextLine()).isEqualTo(second + "from two");
            cli.finish().assertOk();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldEchoByRoutingIdOnPeerAndAnnounceNothingWhenOnlyBinding(String transport) {
        String bind = transport.equals("tcp") ? "tcp://127.0.0.1:*" : "ipc://" + dir.resolve("peer.ipc");
        try (LiveCli cli = LiveCli.start("sock", "peer", "@" + bind, "--echo", "-n", "1", "--monitor");
             Socket peer = socket(SocketType.PEER)) {
            String listening = cli.nextErrLine();
            assertThat(listening).startsWith("event: LISTENING ");
            String endpoint = listening.split(" ")[2];
            int id = peer.connectPeer(endpoint);
            peer.send(Msg.of(b("ping")).routingId(id));
            Msg back = peer.recvMsg(WAIT);
            assertThat(s(back.frame(0))).isEqualTo("ping");
            assertThat(back.routingId()).isEqualTo(id);
            CliRun result = cli.finish();
            assertThat(result.status()).isZero();
            assertThat(result.out()).matches("[1-9][0-9]*\tping\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldTalkWholeLinesOnChannel(String transport) {
        try (Socket channel = socket(SocketType.CHANNEL)) {
            LiveCli cli = LiveCli.start("sock", "channel", bind(channel, transport), "-n", "1");
            cli.write("x\ty");
            assertThat(s(channel.recvMsg(WAIT).frame(0))).isEqualTo("x\ty");
            channel.send(Msg.of(b("back")));
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("back\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldEchoOnChannel(String transport) {
        try (Socket channel = socket(SocketType.CHANNEL)) {
            LiveCli cli = LiveCli.start("sock", "channel", bind(channel, transport), "--echo", "-n", "2");
            channel.send(Msg.of(b("one")));
            channel.send(Msg.of(b("two")));
            assertThat(s(channel.recvMsg(WAIT).frame(0))).isEqualTo("one");
            assertThat(s(channel.recvMsg(WAIT).frame(0))).isEqualTo("two");
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("one\ntwo\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldScatterLinesToGather(String transport) {
        try (Socket gather = socket(SocketType.GATHER)) {
            LiveCli cli = LiveCli.start("sock", "scatter", bind(gather, transport));
            cli.write("first\tline");
            cli.write("0x00");
            cli.closeStdin();
            assertThat(s(gather.recvMsg(WAIT).frame(0))).isEqualTo("first\tline");
            assertThat(gather.recvMsg(WAIT).frame(0)).containsExactly(0);
            cli.finish().assertOk();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldPrintWhatGatherReceives(String transport) {
        try (Socket scatter = socket(SocketType.SCATTER)) {
            LiveCli cli = LiveCli.start("sock", "gather", ">" + bind(scatter, transport), "-n", "2");
            scatter.send(Msg.of(b("one")));
            scatter.send(Msg.of(b("")));
            CliRun result = cli.finish();
            result.assertOk();
            assertThat(result.out()).isEqualTo("one\n\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldSendLinesToTheirGroupOnRadio(String transport) {
        try (Socket dish = socket(SocketType.DISH)) {
            dish.join("g");
            LiveCli cli = LiveCli.start("sock", "radio", ">" + bind(dish, transport));
            // RADIO drops what it sends before the DISH's JOIN arrives: send until one gets through
            Msg first;
            do {
                cli.write("g\tfirst");
                cli.write("other\tskipped");
                first = dish.recvMsg(GLIMPSE);
            } while (first == null);
            assertThat(first.group()).isEqualTo("g");
            assertThat(s(first.frame(0))).isEqualTo("first");
            cli.write("no delimiter");
            cli.write("x".repeat(256) + "\ttoo long a group");
            cli.write("g\tlast\tone");
            cli.closeStdin();
            Msg msg;
            do {
                msg = dish.recvMsg(WAIT);
            } while (s(msg.frame(0)).equals("first"));
            assertThat(msg.group()).isEqualTo("g");
            assertThat(s(msg.frame(0))).isEqualTo("last\tone");
            CliRun result = cli.finish();
            assertThat(result.status()).isZero();
            assertThat(result.err().lines()).hasSize(2).allMatch(line -> line.startsWith("zenmq: warning: "));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldPrintTheJoinedGroupsMessagesOnDish(String transport) {
        try (Socket radio = socket(SocketType.RADIO)) {
            LiveCli cli = LiveCli.start("sock", "dish", bind(radio, transport), "--join", "g", "--join", "h", "--join", "g",
                    "-n", "4");
            // the joins reach the RADIO at some point: send until the command has its messages
            CliRun result;
            do {
                radio.send(Msg.of(b("one")).group("g"));
                radio.send(Msg.of(b("not joined")).group("x"));
                radio.send(Msg.of(new byte[] {'t', '\t', 'b'}).group("h"));
                result = cli.finishWithin(GLIMPSE);
            } while (result == null);
            result.assertOk();
            assertThat(result.out().lines()).hasSize(4).allMatch(line -> line.equals("g\tone") || line.equals("h\t0x740962"))
                    .contains("h\t0x740962");
        }
    }

    private Socket socket(SocketType type) {
        Socket socket = ctx.socket(type);
        socket.set(SocketOptions.LINGER, Duration.ZERO);
        return socket;
    }

    /** Binds the library's socket and returns the endpoint the command is to use. */
    private String bind(Socket socket, String transport) {
        return transport.equals("tcp") ? socket.bind("tcp://127.0.0.1:*")
                : socket.bind("ipc://" + dir.resolve("s" + ipcFiles++ + ".ipc"));
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
