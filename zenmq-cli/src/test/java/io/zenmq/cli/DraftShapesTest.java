// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.Msg;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The draft types' line shapes, without sockets: lines to messages, messages to lines, warnings. */
@Timeout(10)
class DraftShapesTest {
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private LineShape shape(DraftType type) {
        return type.shape(TextFormat.standard(), err, false);
    }

    @Test
    void shouldSendTheWholeLineAsOneFrameOnDataOnlyTypes() {
        for (DraftType type : new DraftType[] {DraftType.CLIENT, DraftType.CHANNEL, DraftType.SCATTER,
            DraftType.GATHER}) {
            LineShape shape = shape(type);
            assertThat(shape.toMsg(b("a\tb")).frames()).containsExactly(b("a\tb"));
            assertThat(shape.toMsg(b("0x0102")).frames()).containsExactly(new byte[] {1, 2});
            assertThat(shape.toMsg(b("")).frames()).containsExactly(new byte[0]);
            assertThat(print(shape, Msg.of(b("a\tb")))).isEqualTo("0x610962\n");
            assertThat(print(shape, Msg.of(b("plain text")))).isEqualTo("plain text\n");
        }
        assertThat(errBytes.size()).isZero();
    }

    @Test
    void shouldFailOnBadHexDataAsBadInput() {
        LineShape hex = DraftType.CLIENT.shape(new TextFormat(true, b("\t")), err, false);
        assertThat(hex.toMsg(b("4142")).frames()).containsExactly(b("AB"));
        assertThatThrownBy(() -> hex.toMsg(b("41\t42")))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(1));
    }

    @Test
    void shouldAddressDgramMessagesByTheirLeadingField() {
        LineShape shape = shape(DraftType.DGRAM);
        assertThat(shape.toMsg(b("127.0.0.1:5555\thi\tthere")).frames())
                .containsExactly(b("127.0.0.1:5555"), b("hi\tthere"));
        assertThat(print(shape, Msg.of(b("127.0.0.1:40000"), b("reply")))).isEqualTo("127.0.0.1:40000\treply\n");
        assertThat(print(shape, Msg.of(b("127.0.0.1:40000"), new byte[] {0}))).isEqualTo("127.0.0.1:40000\t0x00\n");
        assertThat(print(shape, Msg.of(b("127.0.0.1:40000\0"), b("nul-ended"))))
                .as("libzmq ends the address frame in a NUL").isEqualTo("127.0.0.1:40000\tnul-ended\n");
        assertThat(errBytes.size()).isZero();
    }

    @Test
    void shouldDropDgramLinesWithoutAddressOrTooLongWithOneWarningEach() {
        LineShape shape = shape(DraftType.DGRAM);
        assertThat(shape.toMsg(b("no address"))).isNull();
        assertThat(shape.toMsg(b("127.0.0.1:5\t" + "x".repeat(8192)))).isNotNull();
        assertThat(shape.toMsg(b("127.0.0.1:5\t" + "x".repeat(8193)))).isNull();
        assertThat(warnings()).hasSize(2).allMatch(line -> line.startsWith("zenmq: warning: "));
        assertThat(warnings()[1]).contains("8193 bytes does not fit one 8192-byte datagram");
    }

    @Test
    void shouldCarryTheRoutingIdOnServerAndPeerLines() {
        for (DraftType type : new DraftType[] {DraftType.SERVER, DraftType.PEER}) {
            LineShape shape = shape(type);
            Msg msg = shape.toMsg(b("4294967295\ta\tb"));
            assertThat(msg.routingId()).isEqualTo(-1);
            assertThat(msg.frames()).containsExactly(b("a\tb"));
            assertThat(shape.toMsg(b("7\t0x00")).frames()).containsExactly(new byte[] {0});
            assertThat(print(shape, Msg.of(b("hi")).routingId(Integer.MIN_VALUE))).isEqualTo("2147483648\thi\n");
            assertThat(print(shape, Msg.of(new byte[0]).routingId(1))).isEqualTo("1\t\n");
        }
        assertThat(errBytes.size()).isZero();
    }

    @Test
    void shouldDropServerLinesWithoutAValidIdWithOneWarningEach() {
        LineShape shape = shape(DraftType.SERVER);
        assertThat(shape.toMsg(b("12"))).isNull();
        assertThat(shape.toMsg(b("0\tx"))).isNull();
        assertThat(shape.toMsg(b("id\tx"))).isNull();
        assertThat(shape.toMsg(b("\tx"))).isNull();
        assertThat(warnings()).hasSize(4).allMatch(line -> line.startsWith("zenmq: warning: "));
        assertThat(warnings()[1]).contains("'0' is not a routing id (1 to 4294967295), line dropped");
    }

    @Test
    void shouldCarryTheGroupOnRadioAndDishLines() {
        for (DraftType type : new DraftType[] {DraftType.RADIO, DraftType.DISH}) {
            LineShape shape = shape(type);
            Msg msg = shape.toMsg(b("weather\tsunny\tand warm"));
            assertThat(msg.group()).isEqualTo("weather");
            assertThat(msg.frames()).containsExactly(b("sunny\tand warm"));
            assertThat(shape.toMsg(b("0x67\t0x41")).group()).as("the group is plain text").isEqualTo("0x67");
            assertThat(print(shape, Msg.of(b("x")).group("g"))).isEqualTo("g\tx\n");
        }
        assertThat(errBytes.size()).isZero();
    }

    @Test
    void shouldDropRadioLinesWithoutAValidGroupWithOneWarningEach() {
        LineShape shape = shape(DraftType.RADIO);
        assertThat(shape.toMsg(b("nogroup"))).isNull();
        assertThat(shape.toMsg(b("\tempty group"))).isNull();
        assertThat(shape.toMsg(b("x".repeat(256) + "\tlong group"))).isNull();
        assertThat(shape.toMsg(b("x".repeat(255) + "\t" + "y".repeat(10_000)))).as("no limit without udp").isNotNull();
        assertThat(warnings()).hasSize(3).allMatch(line -> line.startsWith("zenmq: warning: "));
        assertThat(warnings()[2]).contains("got 256");
    }

    @Test
    void shouldKeepRadioMessagesToOneDatagramOverUdp() {
        LineShape shape = DraftType.RADIO.shape(TextFormat.standard(), err, true);
        assertThat(shape.toMsg(b("gg\t" + "y".repeat(8192 - 3)))).isNotNull();
        assertThat(shape.toMsg(b("gg\t" + "y".repeat(8192 - 2)))).isNull();
        assertThat(warnings()).singleElement().asString().startsWith("zenmq: warning: ")
                .contains("8193 bytes does not fit one 8192-byte datagram");
    }

    private String[] warnings() {
        return errBytes.toString(StandardCharsets.UTF_8).split("\n");
    }

    static String print(LineShape shape, Msg msg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        shape.print(msg, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
