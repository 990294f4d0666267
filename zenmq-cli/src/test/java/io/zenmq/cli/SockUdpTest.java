// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code sock} over {@code udp://} (cli.md, "Draft socket types"): RADIO to a DISH, a DISH
 * binding, DGRAM both ways, with peers made with the library API on 127.0.0.1.
 */
@Timeout(30)
class SockUdpTest {
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

    @Test
    void shouldSendEachLineAsOneDatagramToTheDishOnRadio() {
        try (Socket dish = socket(SocketType.DISH)) {
            dish.join("g");
            String endpoint = dish.bind("udp://127.0.0.1:*");
            LiveCli cli = LiveCli.start("sock", "radio", endpoint);
            cli.write("g\tfirst\tline");
            cli.write("other\tnot joined");
            cli.write("g\t" + "x".repeat(8192 - 1)); // 1 + group + data: one byte too many
            cli.write("g\t" + "x".repeat(8192 - 2));
            cli.write("g\tlast");
            cli.closeStdin();
            Msg first = dish.recvMsg(WAIT);
            assertThat(first.group()).isEqualTo("g");
            assertThat(s(first.frame(0))).isEqualTo("first\tline");
            assertThat(dish.recvMsg(WAIT).frame(0)).hasSize(8192 - 2);
            assertThat(s(dish.recvMsg(WAIT).frame(0))).isEqualTo("last");
            CliRun result = cli.finish();
            assertThat(result.status()).isZero();
            assertThat(result.err().lines()).singleElement().asString().startsWith("zenmq: warning: ")
                    .contains("8193 bytes does not fit one 8192-byte datagram");
        }
    }

    @Test
    void shouldPrintTheJoinedGroupsDatagramsOnDish() {
        String endpoint = "udp://127.0.0.1:" + releasedUdpPort();
        try (Socket radio = socket(SocketType.RADIO)) {
            radio.connect(endpoint);
            LiveCli cli = LiveCli.start("sock", "dish", endpoint, "--join", "g", "-n", "2");
            // the command binds some time after it starts: send until it has printed two
            CliRun result;
            do {
                radio.send(Msg.of(b("not joined")).group("x"));
                radio.send(Msg.of(b("hi")).group("g"));
                result = cli.finishWithin(GLIMPSE);
            } while (result == null);
            result.assertOk();
            assertThat(result.out()).isEqualTo("g\thi\ng\thi\n");
        }
    }

    @Test
    void shouldPrintSendersAddressAndReplyFromTheBoundPortOnDgram() {
        int port = releasedUdpPort();
        try (Socket dgram = socket(SocketType.DGRAM)) {
            String peer = dgram.bind("udp://127.0.0.1:*").substring("udp://".length());
            LiveCli cli = LiveCli.start("sock", "dgram", "udp://127.0.0.1:" + port);
            // the command binds some time after it starts: send until it prints one
            String line = null;
            while (line == null) {
                dgram.send(Msg.of(b("127.0.0.1:" + port), b("ping\there")));
                line = cli.nextLineWithin(GLIMPSE);
            }
            assertThat(line).isEqualTo(peer + "\t0x70696e670968657265"); // ping<TAB>here
            cli.write(peer + "\tpong");
            cli.write("no address");
            Msg reply = dgram.recvMsg(WAIT);
            assertThat(trimNul(reply.frame(0))).isEqualTo("127.0.0.1:" + port);
            assertThat(s(reply.frame(1))).isEqualTo("pong");
            cli.closeStdin();
            CliRun result = cli.finish();
            assertThat(result.status()).isZero();
            assertThat(result.err().lines()).singleElement().asString().startsWith("zenmq: warning: ")
                    .contains("without ADDRESS");
        }
    }

    private Socket socket(SocketType type) {
        Socket socket = ctx.socket(type);
        socket.set(SocketOptions.LINGER, Duration.ZERO);
        return socket;
    }

    /**
     * A loopback udp port the kernel handed out and this method released again, for a command
     * that binds udp: cli.md makes udp endpoints name their port, so the command cannot bind
     * port 0 and report it. Another process could take the port before the command binds, but
     * the kernel hands ephemeral ports out in turn, so that is rare (as with the library's
     * {@code Transport.unbound()} for tcp).
     */
    private static int releasedUdpPort() {
        try (DatagramChannel released = DatagramChannel.open()) {
            released.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return ((InetSocketAddress) released.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String trimNul(byte[] frame) {
        int length = frame.length > 0 && frame[frame.length - 1] == 0 ? frame.length - 1 : frame.length;
        return new String(frame, 0, length, StandardCharsets.US_ASCII);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
