// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The envelope helpers of {@link Msg} that brokers use: push/pop, wrap/unwrap, first/last, dump. */
class MsgEnvelopeTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> texts(Msg msg) {
        return msg.frames().stream().map(f -> new String(f, StandardCharsets.UTF_8)).toList();
    }

    @Test
    void shouldPushAndPopAtTheFront() {
        Msg msg = Msg.of("body");
        msg.push("b").push(bytes("a"));
        assertThat(texts(msg)).containsExactly("a", "b", "body");
        assertThat(msg.popString()).isEqualTo("a");
        assertThat(msg.pop()).isEqualTo(bytes("b"));
        assertThat(texts(msg)).containsExactly("body");
        assertThat(msg.pop()).isEqualTo(bytes("body"));
        assertThat(msg.pop()).isNull();
        assertThat(msg.popString()).isNull();
    }

    @Test
    void shouldNotCopyPushedOrPoppedFrames() {
        byte[] frame = bytes("x");
        Msg msg = new Msg().push(frame);
        assertThat(msg.first()).isSameAs(frame);
        assertThat(msg.pop()).isSameAs(frame);
    }

    @Test
    void shouldWrapWithAnEmptyDelimiter() {
        Msg msg = Msg.of("request").wrap(bytes("client-1"));
        assertThat(texts(msg)).containsExactly("client-1", "", "request");
        assertThat(msg.unwrap()).isEqualTo(bytes("client-1"));
        assertThat(texts(msg)).containsExactly("request");
    }

    @Test
    void shouldUnwrapAnAddressWithoutDelimiter() {
        Msg msg = Msg.of("worker", "READY");
        assertThat(msg.unwrap()).isEqualTo(bytes("worker"));
        assertThat(texts(msg)).containsExactly("READY");
        assertThat(new Msg().unwrap()).isNull();
        Msg addressOnly = Msg.of("a");
        assertThat(addressOnly.unwrap()).isEqualTo(bytes("a"));
        assertThat(addressOnly.isEmpty()).isTrue();
    }

    @Test
    void shouldUnwrapOnlyOneLayerOfANestedEnvelope() {
        Msg msg = Msg.of("body").wrap(bytes("inner")).wrap(bytes("outer"));
        assertThat(texts(msg)).containsExactly("outer", "", "inner", "", "body");
        assertThat(msg.unwrap()).isEqualTo(bytes("outer"));
        assertThat(texts(msg)).containsExactly("inner", "", "body");
    }

    @Test
    void shouldGiveFirstAndLastFrames() {
        Msg msg = Msg.of("a", "b", "c");
        assertThat(msg.first()).isEqualTo(bytes("a"));
        assertThat(msg.last()).isEqualTo(bytes("c"));
        assertThat(new Msg().first()).isNull();
        assertThat(new Msg().last()).isNull();
    }

    @Test
    void shouldDuplicateTheFrameListOnly() {
        byte[] frame = bytes("x");
        Msg msg = Msg.of(frame);
        Msg copy = msg.duplicate();
        msg.clear();
        assertThat(copy.size()).isEqualTo(1);
        assertThat(copy.frame(0)).isSameAs(frame);
    }

    @Test
    void shouldDumpTextAndHexFramesOnePerLine() {
        Msg msg = Msg.of(bytes("hello"), new byte[0], new byte[] {0, 1, (byte) 0xfe, (byte) 0xff}, bytes("a\tb"));
        assertThat(msg.dump()).isEqualTo("[005] hello\n[000]\n[004] 0x0001feff\n[003] 0x610962");
        assertThat(new Msg().dump()).isEmpty();
        assertThat(Msg.of("héllo").dump()).isEqualTo("[006] héllo");
    }

    @Test
    void shouldBoundTheDump() {
        Msg msg = new Msg();
        msg.add("x".repeat(100));
        for (int i = 0; i < 19; i++) {
            msg.add("f" + i);
        }
        String[] lines = msg.dump().split("\n");
        assertThat(lines).hasSize(17);
        assertThat(lines[0]).isEqualTo("[100] " + "x".repeat(64) + "...");
        assertThat(lines[15]).isEqualTo("[003] f14");
        assertThat(lines[16]).isEqualTo("... 4 more frames");
    }

    @Property(tries = 200)
    void shouldUndoWrapWithUnwrap(@ForAll @Size(max = 8) List<byte[]> body, @ForAll byte[] address) {
        Msg msg = new Msg();
        body.forEach(msg::add);
        msg.wrap(address);
        assertThat(msg.size()).isEqualTo(body.size() + 2);
        assertThat(msg.unwrap()).isSameAs(address);
        if (body.isEmpty() || body.get(0).length != 0) {
            assertThat(msg.frames()).containsExactlyElementsOf(body);
        }
    }
}
