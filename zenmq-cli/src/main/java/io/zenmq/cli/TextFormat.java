// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The message text format of {@code sock} (cli.md, "Message text format"): one line per message,
 * frames joined by a delimiter. In {@code text} mode a frame is its bytes, unless it is exactly
 * {@code 0x} plus a non-zero even number of hex digits, which stands for those bytes; output
 * falls back to that hex form for any frame that would not read back as itself. In {@code hex}
 * mode every frame is plain hex. Instances are immutable.
 */
final class TextFormat {
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final boolean hex;
    private final byte[] delimiter;

    TextFormat(boolean hex, byte[] delimiter) {
        if (!isUsableDelimiter(delimiter)) {
            throw new IllegalArgumentException("a delimiter must not be empty and needs a byte other than"
                    + " 0-9, a-f, A-F and x");
        }
        this.hex = hex;
        this.delimiter = delimiter.clone();
    }

    /** The default: text mode, TAB delimiter. */
    static TextFormat standard() {
        return new TextFormat(false, new byte[] {'\t'});
    }

    boolean isHex() {
        return hex;
    }

    /**
     * Splits one input line (without its LF) into frames and decodes each.
     *
     * @throws IllegalArgumentException in hex mode, for a frame that is not an even number of hex
     *     digits
     */
    List<byte[]> parseLine(byte[] line) {
        return parseLine(line, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #parseLine(byte[])}, but splits at the first {@code maxFrames - 1} delimiters
     * only: the last frame is the rest of the line, delimiters included (STREAM's raw data).
     */
    List<byte[]> parseLine(byte[] line, int maxFrames) {
        List<byte[]> frames = new ArrayList<>(2);
        int start = 0;
        int at = maxFrames > 1 ? indexOf(line, start) : -1;
        while (at >= 0) {
            frames.add(parseFrame(line, start, at));
            start = at + delimiter.length;
            at = frames.size() + 1 < maxFrames ? indexOf(line, start) : -1;
        }
        frames.add(parseFrame(line, start, line.length));
        return frames;
    }

    /** Decodes one frame written in this format (also used for {@code --identity}). */
    byte[] parseFrame(byte[] src, int from, int to) {
        if (hex) {
            if (!isHexDigits(src, from, to) || (to - from) % 2 != 0) {
                throw new IllegalArgumentException("not an even number of hex digits: "
                        + describe(src, from, to));
            }
            return decodeHex(src, from, to);
        }
        if (isHexForm(src, from, to)) {
            return decodeHex(src, from + 2, to);
        }
        return Arrays.copyOfRange(src, from, to);
    }

    /** Appends the printed line of a message, LF included. */
    void printLine(List<byte[]> frames, ByteArrayOutputStream out) {
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                out.write(delimiter, 0, delimiter.length);
            }
            printFrame(frames.get(i), out);
        }
        out.write('\n');
    }

    /** The printed line of a message, without LF; for tests and messages. */
    String formatLine(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        printLine(frames, out);
        byte[] bytes = out.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
    }

    /** Appends one frame as it prints (no delimiter, no LF): the draft types' data. */
    void printFrame(byte[] frame, ByteArrayOutputStream out) {
        if (hex) {
            writeHex(frame, out);
        } else if (printsAsText(frame)) {
            out.write(frame, 0, frame.length);
        } else {
            out.write('0');
            out.write('x');
            writeHex(frame, out);
        }
    }

    /** Appends the delimiter. */
    void printDelimiter(ByteArrayOutputStream out) {
        out.write(delimiter, 0, delimiter.length);
    }

    /** Where the first delimiter of {@code line} starts; -1 if it has none. */
    int firstDelimiter(byte[] line) {
        return indexOf(line, 0);
    }

    /** The delimiter's length in bytes. */
    int delimiterLength() {
        return delimiter.length;
    }

    boolean printsAsText(byte[] frame) {
        return isPrintableUtf8(frame) && indexOf(frame, 0) < 0 && !isHexForm(frame, 0, frame.length)
                && !endsWithDelimiterStart(frame);
    }

    /**
     * Whether a delimiter keeps printed lines readable: not empty, and with a byte that hex output
     * never has, so no {@code 0x}+hex frame can contain it or run into it (fuzzing found "x").
     */
    static boolean isUsableDelimiter(byte[] delimiter) {
        for (byte b : delimiter) {
            if (!(b == 'x' || hexValue(b) >= 0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the frame followed by the delimiter would show a delimiter before the real one (frame
     * {@code a,} with delimiter {@code ,,} reads back as {@code a} and {@code ,...}): such a frame
     * prints in hex.
     */
    private boolean endsWithDelimiterStart(byte[] frame) {
        for (int start = Math.max(0, frame.length - delimiter.length + 1); start < frame.length; start++) {
            boolean matches = true;
            for (int k = 0; k < delimiter.length && matches; k++) {
                int at = start + k;
                byte b = at < frame.length ? frame[at] : delimiter[at - frame.length];
                matches = b == delimiter[k];
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }

    /** Finds the delimiter in {@code bytes} at or after {@code from}; -1 if absent. */
    private int indexOf(byte[] bytes, int from) {
        int last = bytes.length - delimiter.length;
        byte first = delimiter[0];
        for (int i = from; i <= last; i++) {
            if (bytes[i] == first && regionMatches(bytes, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean regionMatches(byte[] bytes, int at) {
        for (int k = 1; k < delimiter.length; k++) {
            if (bytes[at + k] != delimiter[k]) {
                return false;
            }
        }
        return true;
    }

    /** True for {@code 0x} (lower-case x) followed by a non-zero even number of hex digits. */
    static boolean isHexForm(byte[] b, int from, int to) {
        int digits = to - from - 2;
        return digits > 0 && digits % 2 == 0 && b[from] == '0' && b[from + 1] == 'x'
                && isHexDigits(b, from + 2, to);
    }

    private static boolean isHexDigits(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (hexValue(b[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static byte[] decodeHex(byte[] b, int from, int to) {
        byte[] out = new byte[(to - from) / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (hexValue(b[from + 2 * i]) << 4 | hexValue(b[from + 2 * i + 1]));
        }
        return out;
    }

    private static void writeHex(byte[] frame, ByteArrayOutputStream out) {
        for (byte value : frame) {
            out.write(HEX_DIGITS[(value >> 4) & 0xf]);
            out.write(HEX_DIGITS[value & 0xf]);
        }
    }

    /**
     * True if the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points above
     * U+10FFFF) without a control character: U+0000 to U+001F, U+007F or U+0080 to U+009F.
     */
    static boolean isPrintableUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                if (c < 0x20 || c == 0x7f) {
                    return false;
                }
                i++;
                continue;
            }
            int len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
            if (len == 0 || i + len > b.length) {
                return false;
            }
            int cp = c & (0x7f >> len);
            for (int k = 1; k < len; k++) {
                int cc = b[i + k] & 0xff;
                if ((cc & 0xc0) != 0x80) {
                    return false;
                }
                cp = cp << 6 | cc & 0x3f;
            }
            int min = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
            if (cp < min || cp > 0x10ffff || cp >= 0xd800 && cp <= 0xdfff || cp <= 0x9f) {
                return false;
            }
            i += len;
        }
        return true;
    }

    private static String describe(byte[] src, int from, int to) {
        String text = new String(src, from, Math.min(to - from, 40), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append(to - from > 40 ? "...\"" : "\"").toString();
    }
}
