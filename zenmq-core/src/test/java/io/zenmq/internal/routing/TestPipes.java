// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Real pipes for routing-helper tests, driven from the test's single thread: the socket's end
 * of each pipe goes to the helper under test, the peer's end plays the other side.
 */
final class TestPipes {
    /** A listener that only records which end was woken. */
    static class Recorder implements PipeListener {
        final List<Pipe> readable = new ArrayList<>();
        final List<Pipe> writable = new ArrayList<>();

        @Override
        public void pipeReadable(Pipe pipe) {
            readable.add(pipe);
        }

        @Override
        public void pipeWritable(Pipe pipe) {
            writable.add(pipe);
        }
    }

    /** A recorder standing for a connection's session, which only encodes what it reads. */
    static final class WireRecorder extends Recorder implements SharedFrameReader {
    }

    /** An {@link EndedPipeListener} that records the pipes reported ended. */
    static final class Ends implements EndedPipeListener {
        final List<Pipe> ended = new ArrayList<>();

        @Override
        public void pipeEnded(Pipe pipe) {
            ended.add(pipe);
        }
    }

    final Recorder socket = new Recorder();
    final Recorder peers = new Recorder();
    final WireRecorder wirePeers = new WireRecorder();

    /**
     * Makes a pipe whose two directions hold {@code hwm} messages each (0: no limit).
     *
     * @return the socket's end; {@link Pipe#peer()} is the peer's end
     */
    Pipe pipe(long hwm) {
        return Pipe.pair(socket, hwm, peers, hwm)[0];
    }

    /**
     * Makes a pipe like {@link #pipe(long)} whose peer's end is read by a {@link SharedFrameReader}.
     *
     * @return the socket's end
     */
    Pipe wirePipe(long hwm) {
        return Pipe.pair(socket, hwm, wirePeers, hwm)[0];
    }

    static byte[] b(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String s(byte[] frame) {
        return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
    }

    /** Writes one whole message from an end and flushes it. */
    static void send(Pipe from, String... frames) {
        for (int i = 0; i < frames.length; i++) {
            from.write(b(frames[i]), i < frames.length - 1);
        }
        from.flush();
    }

    /** Reads every whole frame queued on an end, as text, "|" after the last frame of each message. */
    static List<String> drain(Pipe end) {
        List<String> frames = new ArrayList<>();
        byte[] frame;
        while ((frame = end.read()) != null) {
            frames.add(s(frame));
            if (!end.lastMore()) {
                frames.add("|");
            }
        }
        return frames;
    }
}
