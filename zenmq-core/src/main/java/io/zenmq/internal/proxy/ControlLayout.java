// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The control socket's messages, as libzmq 4.3's {@code zmq_proxy_steerable} reads and writes
 * them. A command is one frame of ASCII text; only STATISTICS is answered (a REP control socket
 * also gets an empty frame after every other command, so it can take the next one).
 *
 * <pre>
 *   command:  PAUSE | RESUME | TERMINATE | STATISTICS                 (one frame, no terminator)
 *   reply to STATISTICS: eight frames of 8 bytes, each an unsigned 64-bit little-endian counter
 *     +----------+----------+-----------+-----------+----------+----------+-----------+-----------+
 *     | front    | front    | front     | front     | back     | back     | back      | back      |
 *     | msgs in  | bytes in | msgs out  | bytes out | msgs in  | bytes in | msgs out  | bytes out |
 *     +----------+----------+-----------+-----------+----------+----------+-----------+-----------+
 * </pre>
 *
 * <p>A message is counted once however many frames it has; its bytes are the sum of its frames'.
 * libzmq writes the counters in the host's byte order, which is little-endian on every platform
 * it is used on in practice.
 */
final class ControlLayout {
    static final byte[] PAUSE = ascii("PAUSE");
    static final byte[] RESUME = ascii("RESUME");
    static final byte[] TERMINATE = ascii("TERMINATE");
    static final byte[] STATISTICS = ascii("STATISTICS");
    /** Frames in the STATISTICS reply. */
    static final int COUNTERS = 8;
    /** Bytes per counter frame. */
    static final int COUNTER_LENGTH = Long.BYTES;

    private ControlLayout() {
    }

    /** The command a control frame names. */
    enum Command {
        PAUSE, RESUME, TERMINATE, STATISTICS, UNKNOWN
    }

    static Command parse(byte[] frame) {
        if (Arrays.equals(frame, PAUSE)) {
            return Command.PAUSE;
        }
        if (Arrays.equals(frame, RESUME)) {
            return Command.RESUME;
        }
        if (Arrays.equals(frame, TERMINATE)) {
            return Command.TERMINATE;
        }
        if (Arrays.equals(frame, STATISTICS)) {
            return Command.STATISTICS;
        }
        return Command.UNKNOWN;
    }

    /** Encodes one counter frame. */
    static byte[] counter(long value) {
        byte[] frame = new byte[COUNTER_LENGTH];
        for (int i = 0; i < COUNTER_LENGTH; i++) {
            frame[i] = (byte) (value >>> (8 * i));
        }
        return frame;
    }

    /** Decodes one counter frame (for tests and tools). */
    static long counterValue(byte[] frame) {
        long value = 0;
        for (int i = COUNTER_LENGTH - 1; i >= 0; i--) {
            value = value << 8 | (frame[i] & 0xff);
        }
        return value;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
