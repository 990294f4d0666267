// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/guide/radio-dish.md}, kept compiling and working: the methods
 * {@link #weatherStation}, {@link #listen} and {@link #echo} are copied into the guide as they
 * stand.
 */
class RadioDishGuideTest extends ContextTest {

    // --- from docs/guide/radio-dish.md: a RADIO sends to groups
    /** Sends each reading to the group of its city; one Msg carries them all. */
    static void weatherStation(Socket radio, String city, List<String> readings) {
        Msg msg = new Msg().group(city);          // the group stays with the Msg
        for (String reading : readings) {
            radio.send(msg.add(reading));         // one frame per message, always
        }
    }

    // --- from docs/guide/radio-dish.md: a DISH receives the groups it joined
    /** Receives up to n messages as "group: body", giving up after a second of silence. */
    static List<String> listen(Socket dish, int n) {
        List<String> got = new ArrayList<>();
        Msg msg;
        while (got.size() < n && (msg = dish.recvMsg(Duration.ofSeconds(1))) != null) {
            got.add(msg.group() + ": " + msg.string(0));
        }
        return got;
    }

    // --- from docs/guide/radio-dish.md: a DGRAM echo server
    /** Answers each datagram to its sender; returns after n of them. */
    static void echo(Socket dgram, int n) {
        for (int i = 0; i < n; i++) {
            Msg request = dgram.recvMsg();             // [address "ip:port\0"][body]
            dgram.send(Msg.of(request.frame(0), request.frame(1)));
        }
    }
    // --- end of the guide's code

    @Test
    void shouldDeliverTheJoinedGroupOverUdp() {
        Socket dish = ctx.socket(SocketType.DISH);
        dish.join("paris");
        String endpoint = dish.bind("udp://127.0.0.1:*");
        Socket radio = ctx.socket(SocketType.RADIO);
        radio.connect(endpoint);

        weatherStation(radio, "rome", List.of("31C"));
        weatherStation(radio, "paris", List.of("18C", "19C"));

        assertThat(listen(dish, 2)).containsExactly("paris: 18C", "paris: 19C");
    }

    @Test
    void shouldEchoToTheSender() {
        Socket server = ctx.socket(SocketType.DGRAM);
        String address = server.bind("udp://127.0.0.1:*").substring("udp://".length());
        Socket client = ctx.socket(SocketType.DGRAM);
        client.bind("udp://127.0.0.1:*");
        client.send(Msg.of(address, "hello"));

        echo(server, 1);

        Msg reply = client.recvMsg(Duration.ofSeconds(10));
        assertThat(reply.string(1)).isEqualTo("hello");
    }
}
