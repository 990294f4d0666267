// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Jazzer target (F1): the message text format of {@code sock}. Any line parses into frames or, in
 * hex mode, is refused with IllegalArgumentException; any message prints as one line (no LF inside)
 * that parses back to the same frames, in text and hex mode, with any delimiter.
 */
class TextFormatFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parseAnyLine(FuzzedDataProvider data) {
        TextFormat format = format(data);
        byte[] line = data.consumeRemainingAsBytes();
        try {
            List<byte[]> frames = format.parseLine(line);
            assertThat(frames).isNotEmpty();
        } catch (IllegalArgumentException e) {
            assertThat(format.isHex()).as("only hex mode refuses a line").isTrue();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void printedMessagesReadBack(FuzzedDataProvider data) {
        TextFormat format = format(data);
        int count = data.consumeInt(1, 5);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(i == count - 1 ? data.consumeRemainingAsBytes() : data.consumeBytes(data.consumeInt(0, 40)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.printLine(frames, out);
        byte[] printed = out.toByteArray();
        byte[] line = Arrays.copyOf(printed, printed.length - 1);
        assertThat(printed[printed.length - 1]).isEqualTo((byte) '\n');
        assertThat(line).doesNotContain((byte) '\n');
        List<byte[]> back = format.parseLine(line);
        assertThat(back).hasSameSizeAs(frames);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(back.get(i)).as("frame " + i).isEqualTo(frames.get(i));
        }
    }

    /**
     * Text or hex mode, with TAB or a fuzzed delimiter (no LF: a line ends there; the constructor
     * refuses delimiters made only of hex characters).
     */
    private static TextFormat format(FuzzedDataProvider data) {
        boolean hex = data.consumeBoolean();
        byte[] delimiter = data.consumeBoolean() ? new byte[] {'\t'} : data.consumeBytes(data.consumeInt(1, 3));
        if (!TextFormat.isUsableDelimiter(delimiter) || contains(delimiter, (byte) '\n')) {
            delimiter = new byte[] {'\t'};
        }
        return new TextFormat(hex, delimiter);
    }

    private static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }
}
