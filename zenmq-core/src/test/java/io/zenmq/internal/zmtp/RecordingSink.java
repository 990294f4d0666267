// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Test helper: a {@link FrameSink} that records every frame and can ask to stop every k-th frame. */
final class RecordingSink implements FrameSink {
    /** One delivered frame. */
    static final class Frame {
        final boolean command;
        final boolean more;
        final byte[] body;

        Frame(boolean command, boolean more, byte[] body) {
            this.command = command;
            this.more = more;
            this.body = body;
        }

        static Frame data(byte[] body, boolean more) {
            return new Frame(false, more, body);
        }

        static Frame command(byte[] body) {
            return new Frame(true, false, body);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Frame)) {
                return false;
            }
            Frame f = (Frame) o;
            return command == f.command && more == f.more && Arrays.equals(body, f.body);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(body) * 31 + (command ? 2 : 0) + (more ? 1 : 0);
        }

        @Override
        public String toString() {
            String hex = body.length <= 32
                    ? HexFormat.of().formatHex(body)
                    : HexFormat.of().formatHex(body, 0, 32) + "...";
            return (command ? "CMD" : more ? "MORE" : "LAST") + "[" + body.length + "]" + hex;
        }
    }

    final List<Frame> frames = new ArrayList<>();
    private final int stopEvery;

    /** Never asks to stop. */
    RecordingSink() {
        this(0);
    }

    /** Asks to stop after every {@code stopEvery}-th frame (0 = never). */
    RecordingSink(int stopEvery) {
        this.stopEvery = stopEvery;
    }

    @Override
    public boolean onFrame(byte[] body, boolean more) {
        frames.add(Frame.data(body, more));
        return keepGoing();
    }

    @Override
    public boolean onCommand(byte[] body) {
        frames.add(Frame.command(body));
        return keepGoing();
    }

    private boolean keepGoing() {
        return stopEvery == 0 || frames.size() % stopEvery != 0;
    }
}
