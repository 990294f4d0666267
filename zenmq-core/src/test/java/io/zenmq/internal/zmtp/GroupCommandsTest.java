// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ConnectionHarness.Frame;
import static io.zenmq.internal.zmtp.ConnectionHarness.ascii;
import static io.zenmq.internal.zmtp.WireBytes.bytes;
import static io.zenmq.internal.zmtp.WireBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.SocketType;
import io.zenmq.internal.mechanism.SecurityConfig;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RADIO/DISH on the wire (spec zmtp.md section 5, patterns.md section 7.2): a DISH's joins and
 * leaves as JOIN/LEAVE commands (to ZMTP 3.0 peers too, as libzmq), a RADIO taking them in the
 * socket's flagged form, and a DISH refusing messages that are not {@code [group][body]}.
 */
class GroupCommandsTest {
    private static final int MORE = ZmtpConnection.MORE;
    private static final int JOIN = ZmtpConnection.JOIN;
    private static final int LEAVE = ZmtpConnection.LEAVE;

    private static byte[] greeting(int minor) {
        byte[] greeting = Greeting.encode("NULL", false);
        greeting[ZmtpLayout.MINOR_OFFSET] = (byte) minor;
        return greeting;
    }

    private static ConnectionHarness active(SocketType type, String peerType, int minor) {
        ConnectionHarness ours = new ConnectionHarness(ConnectionHarness.settings(type),
                ConnectionHarness.mechanism(SecurityConfig.NULL, type, 1));
        ours.start();
        ours.feed(bytes(greeting(minor),
                FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, TestCommands.readyBody(peerType, null))));
        assertThat(ours.connection.isActive()).isTrue();
        ours.output();
        return ours;
    }

    private static List<RecordingSink.Frame> decode(byte[] wire) throws ProtocolException {
        RecordingSink sink = new RecordingSink();
        new FrameDecoder(-1).decode(ByteBuffer.wrap(wire), sink);
        return sink.frames;
    }

    @Test
    void shouldSendJoinAndLeaveCommandsToA31AndA30Radio() throws ProtocolException {
        for (int minor : new int[] {1, 0}) {
            ConnectionHarness dish = active(SocketType.DISH, "RADIO", minor);
            dish.toSend.addAll(List.of(Frame.of("g1", JOIN), Frame.of("g1", LEAVE)));

            byte[] wire = dish.output();

            assertThat(wire).startsWith(hex("04 07 04 4a 4f 49 4e 67 31"));
            assertThat(decode(wire)).containsExactly(
                    RecordingSink.Frame.command(Commands.joinBody(ascii("g1"))),
                    RecordingSink.Frame.command(Commands.leaveBody(ascii("g1"))));
        }
    }

    @Test
    void shouldHandARadioJoinsAndLeavesInTheSocketsForm() {
        ConnectionHarness radio = active(SocketType.RADIO, "DISH", 1);

        radio.feed(bytes(FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, Commands.joinBody(ascii("g"))),
                FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, Commands.leaveBody(ascii("g")))));

        assertThat(radio.received).containsExactly(Frame.of("g", JOIN), Frame.of("g", LEAVE));
    }

    @Test
    void shouldIgnoreJoinsToOtherTypes() {
        ConnectionHarness dish = active(SocketType.DISH, "RADIO", 1);

        dish.feed(FrameEncoder.frame(ZmtpLayout.FLAG_COMMAND, Commands.joinBody(ascii("g"))));

        assertThat(dish.received).isEmpty();
        assertThat(dish.connection.status()).isEqualTo(ZmtpConnection.Status.OPEN);
    }

    @Test
    void shouldPassARadiosTwoFrameMessagesToADish() {
        ConnectionHarness dish = active(SocketType.DISH, "RADIO", 1);

        dish.feed(bytes(FrameEncoder.frame(ZmtpLayout.FLAG_MORE, ascii("g")), FrameEncoder.frame(0, ascii("body"))));

        assertThat(dish.received).containsExactly(Frame.of("g", MORE), Frame.of("body", 0));
        assertThat(dish.connection.status()).isEqualTo(ZmtpConnection.Status.OPEN);
    }

    @Test
    void shouldFailADishOnASingleFrameMessage() {
        ConnectionHarness dish = active(SocketType.DISH, "RADIO", 1);

        dish.feed(FrameEncoder.frame(0, ascii("no group")));

        assertThat(dish.connection.status()).isEqualTo(ZmtpConnection.Status.PROTOCOL_ERROR);
    }

    @Test
    void shouldFailADishOnAGroupLongerThan255Bytes() {
        ConnectionHarness dish = active(SocketType.DISH, "RADIO", 1);

        dish.feed(bytes(FrameEncoder.frame(ZmtpLayout.FLAG_MORE, new byte[256]), FrameEncoder.frame(0, ascii("b"))));

        assertThat(dish.connection.status()).isEqualTo(ZmtpConnection.Status.PROTOCOL_ERROR);
    }

    @Test
    void shouldFailADishOnAThreeFrameMessage() {
        ConnectionHarness dish = active(SocketType.DISH, "RADIO", 1);

        dish.feed(bytes(FrameEncoder.frame(ZmtpLayout.FLAG_MORE, ascii("g")),
                FrameEncoder.frame(ZmtpLayout.FLAG_MORE, ascii("b1")), FrameEncoder.frame(0, ascii("b2"))));

        assertThat(dish.connection.status()).isEqualTo(ZmtpConnection.Status.PROTOCOL_ERROR);
    }
}
