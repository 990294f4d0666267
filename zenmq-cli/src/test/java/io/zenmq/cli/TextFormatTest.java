// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class TextFormatTest {
    private static final TextFormat TEXT = TextFormat.standard();
    private static final TextFormat HEX = new TextFormat(true, new byte[] {'\t'});

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> parse(TextFormat format, String line) {
        List<String> out = new ArrayList<>();
        for (byte[] frame : format.parseLine(b(line))) {
            out.add(new String(frame, StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static String print(TextFormat format, byte[]... frames) {
        return format.formatLine(List.of(frames));
    }

    @Test
    void shouldSplitOnTabAndKeepEverythingElse() {
        assertThat(parse(TEXT, "a\tb c\r")).containsExactly("a", "b c\r");
        assertThat(parse(TEXT, " x ")).containsExactly(" x ");
    }

    @Test
    void shouldReadEmptyLineAsOneEmptyFrame() {
        assertThat(parse(TEXT, "")).containsExactly("");
    }

    @Test
    void shouldReadTrailingDelimiterAsEmptyFrame() {
        assertThat(parse(TEXT, "a\t")).containsExactly("a", "");
        assertThat(parse(TEXT, "\tq")).containsExactly("", "q");
        assertThat(parse(TEXT, "\t\t")).containsExactly("", "", "");
    }

    @Test
    void shouldDecodeHexFormInEitherCase() {
        assertThat(parse(TEXT, "0x00ff\t0xABcd")).containsExactly("\u0000\u00ff", "\u00ab\u00cd");
    }

    @Test
    void shouldKeepNonHexFormsLiteral() {
        assertThat(parse(TEXT, "0x\t0x123\t0xzz\t0X00\t0x0g")).containsExactly("0x", "0x123", "0xzz", "0X00", "0x0g");
        assertThat(parse(TEXT, "x0x00")).containsExactly("x0x00");
    }

    @Test
    void shouldUseMultiCharacterDelimiter() {
        TextFormat format = new TextFormat(false, b("::"));
        assertThat(parse(format, "a::b:c::")).containsExactly("a", "b:c", "");
        assertThat(format.formatLine(List.of(b("a"), b("b:c")))).isEqualTo("a::b:c");
    }

    @Test
    void shouldPrintFramesJoinedByDelimiterWithLf() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        TEXT.printLine(List.of(b("a"), b("b")), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\tb\n");
    }

    @Test
    void shouldPrintEmptyFrameAsNothing() {
        assertThat(print(TEXT, b(""))).isEmpty();
        assertThat(print(TEXT, b(""), b("q"))).isEqualTo("\tq");
        assertThat(print(TEXT, b("a"), b(""))).isEqualTo("a\t");
    }

    @Test
    void shouldPrintUnicodeTextAsIs() {
        assertThat(print(TEXT, b("héllo wörld ✓ 😀"))).isEqualTo("héllo wörld ✓ 😀");
    }

    @Test
    void shouldPrintControlCharactersAsHex() {
        assertThat(print(TEXT, b("a\tb"))).isEqualTo("0x610962");
        assertThat(print(TEXT, b("a\r"))).isEqualTo("0x610d");
        assertThat(print(TEXT, b("\n"))).isEqualTo("0x0a");
        assertThat(print(TEXT, new byte[] {0})).isEqualTo("0x00");
        assertThat(print(TEXT, b("\u007f"))).isEqualTo("0x7f");
        assertThat(print(TEXT, b("\u0085"))).isEqualTo("0xc285");
        assertThat(print(TEXT, b("\u009f"))).isEqualTo("0xc29f");
        assertThat(print(TEXT, b("\u00a0"))).isEqualTo("\u00a0");
    }

    @Test
    void shouldPrintInvalidUtf8AsLowercaseHex() {
        assertThat(print(TEXT, new byte[] {(byte) 0xff, (byte) 0xAB})).isEqualTo("0xffab");
        assertThat(print(TEXT, new byte[] {(byte) 0xc0, (byte) 0x80})).isEqualTo("0xc080");
        assertThat(print(TEXT, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isEqualTo("0xeda080");
        assertThat(print(TEXT, new byte[] {(byte) 0xe2, (byte) 0x82})).isEqualTo("0xe282");
        assertThat(print(TEXT, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}))
                .isEqualTo("0xf4908080");
    }

    @Test
    void shouldPrintFrameContainingDelimiterAsHex() {
        TextFormat comma = new TextFormat(false, b(","));
        assertThat(comma.formatLine(List.of(b("a,b"), b("c\td")))).isEqualTo("0x612c62,0x630964");
    }

    @Test
    void shouldPrintHexLookingFrameAsHex() {
        assertThat(print(TEXT, b("0x41"))).isEqualTo("0x30783431");
        assertThat(print(TEXT, b("0x"))).isEqualTo("0x");
        assertThat(print(TEXT, b("0X41"))).isEqualTo("0X41");
        assertThat(print(TEXT, b("0x123"))).isEqualTo("0x123");
    }

    @Test
    void shouldRoundTripEveryPrintedLine() {
        Random random = new Random(42);
        for (TextFormat format : List.of(TEXT, HEX, new TextFormat(false, b(",")), new TextFormat(false, b("|")))) {
            for (int i = 0; i < 2000; i++) {
                List<byte[]> frames = randomFrames(random);
                byte[] line = b(format.formatLine(frames));
                List<byte[]> back = format.parseLine(line);
                assertThat(back).as("seed 42, round %d, line %s", i, format.formatLine(frames))
                        .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(frames);
            }
        }
    }

    private static List<byte[]> randomFrames(Random random) {
        String alphabet = "ab0xX9F\t,|\r\n é✓";
        List<byte[]> frames = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int f = 0; f < count; f++) {
            if (random.nextInt(5) == 0) {
                byte[] raw = new byte[random.nextInt(6)];
                random.nextBytes(raw);
                frames.add(raw);
            } else {
                StringBuilder sb = new StringBuilder();
                if (random.nextBoolean()) {
                    sb.append("0x");
                }
                int len = random.nextInt(6);
                for (int i = 0; i < len; i++) {
                    sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                frames.add(b(sb.toString()));
            }
        }
        return frames;
    }

    @Test
    void shouldReadAndWritePlainHexInHexFormat() {
        assertThat(HEX.parseLine(b("41\t\tFFaa"))).usingElementComparator(java.util.Arrays::compare)
                .containsExactly(b("A"), new byte[0], new byte[] {(byte) 0xff, (byte) 0xaa});
        assertThat(print(HEX, b("A"), new byte[0], new byte[] {(byte) 0xFF})).isEqualTo("41\t\tff");
        assertThat(print(HEX, b("0x41"))).isEqualTo("30783431");
    }

    @Test
    void shouldRejectBadHexInHexFormat() {
        assertThatThrownBy(() -> HEX.parseLine(b("abc"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HEX.parseLine(b("zz"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HEX.parseLine(b("0x41"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HEX.parseLine(b("41\t4"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAgreeWithJdkDecoderOnUtf8Validity() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 20000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(5)];
            random.nextBytes(bytes);
            for (int k = 0; k < bytes.length; k++) {
                if (random.nextBoolean()) {
                    bytes[k] = (byte) (0x80 | bytes[k] & 0x3f);
                }
            }
            assertThat(TextFormat.isPrintableUtf8(bytes)).as("seed 7, round %d", i).isEqualTo(jdkPrintable(bytes));
        }
    }

    private static boolean jdkPrintable(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.codePoints().noneMatch(c -> c < 0x20 || c >= 0x7f && c <= 0x9f);
    }

    @Test
    void shouldRefuseDelimitersMadeOnlyOfCharactersHexOutputUses() {
        for (String bad : List.of("x", "0", "0x", "ab", "F00")) {
            assertThatThrownBy(() -> new TextFormat(false, b(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new TextFormat(false, b("x,")).parseLine(b("a"))).hasSize(1);
    }

    @Test
    void shouldPrintInHexAFrameWhoseEndRunsIntoTheDelimiter() {
        TextFormat commas = new TextFormat(false, b(",,"));
        List<byte[]> frames = List.of(b("a,"), b("b"));

        String line = commas.formatLine(frames);

        assertThat(line).isEqualTo("0x612c,,b");
        assertThat(commas.parseLine(b(line))).containsExactly(b("a,"), b("b"));
    }
}
