// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static org.assertj.core.api.Assertions.fail;

import io.zenmq.Msg;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Assertions on multipart messages that stay readable for megabyte frames: they report the frame,
 * the sizes and the first differing byte instead of printing whole arrays.
 */
final class Frames {
    private static final int SHOWN_BYTES = 16;

    private Frames() {
    }

    /** Asserts that a message arrived ({@code received} is not null) with exactly these frames. */
    static void assertFrames(String what, List<byte[]> received, List<byte[]> expected) {
        if (received == null) {
            fail(what + ": nothing arrived; expected " + describe(expected));
        }
        if (received.size() != expected.size()) {
            fail(what + ": expected " + describe(expected) + " but got " + describe(received));
        }
        for (int i = 0; i < expected.size(); i++) {
            byte[] want = expected.get(i);
            byte[] got = received.get(i);
            int at = Arrays.mismatch(want, got);
            if (at >= 0) {
                fail(what + ": frame " + i + " of " + describe(expected) + " differs at byte " + at
                        + " (expected " + want.length + " bytes, got " + got.length + "): expected "
                        + excerpt(want, at) + " got " + excerpt(got, at));
            }
        }
    }

    static void assertFrames(String what, List<byte[]> received, byte[]... expected) {
        assertFrames(what, received, List.of(expected));
    }

    static void assertFrames(String what, Msg received, byte[]... expected) {
        assertFrames(what, received == null ? null : received.frames(), List.of(expected));
    }

    static void assertFrames(String what, Msg received, List<byte[]> expected) {
        assertFrames(what, received == null ? null : received.frames(), expected);
    }

    /** Frame sizes, e.g. {@code [5B, 0B, 4B]}, plus the bytes of short messages. */
    static String describe(List<byte[]> frames) {
        StringBuilder text = new StringBuilder("[");
        for (byte[] frame : frames) {
            text.append(text.length() == 1 ? "" : ", ").append(frame.length).append('B');
            if (frame.length > 0 && frame.length <= SHOWN_BYTES) {
                text.append(' ').append(HexFormat.of().formatHex(frame));
            }
        }
        return text.append(']').toString();
    }

    private static String excerpt(byte[] frame, int from) {
        if (from >= frame.length) {
            return "(end)";
        }
        int to = Math.min(frame.length, from + SHOWN_BYTES);
        return HexFormat.of().formatHex(frame, from, to) + (to < frame.length ? "..." : "");
    }
}
