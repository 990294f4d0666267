// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import java.util.ArrayList;
import java.util.List;

/**
 * Fan-out of whole messages to the pipes selected for them (libzmq's {@code dist}, spec
 * patterns.md section 2).
 *
 * <p>Before a message's first frame the caller marks pipes with {@link #beginSelection()} and
 * {@link #select(Pipe)}; the first frame then fixes the recipients for the whole message. A
 * selected pipe that is full at that moment gets none of the message (lossy), unless
 * {@code noDrop} is asked, in which case nothing is sent and the caller waits. A recipient that
 * goes away mid-message simply stops receiving it.
 *
 * <p>Frames handed to several pipes are copied for all but the first recipient, as an inproc
 * receiver gets the very array and may change it. Socket thread only; the pattern using a
 * distributor lends it each pipe's {@link Pipe#attachment}.
 */
final class Distributor {
    /** Per-pipe selection mark, hung on the pipe's attachment. */
    private static final class Mark {
        long selection;
    }

    private final List<Pipe> pipes = new ArrayList<>();
    private final List<Pipe> recipients = new ArrayList<>();
    private long selection;
    private boolean inMessage;

    void attach(Pipe pipe) {
        pipe.attachment = new Mark();
        pipes.add(pipe);
    }

    void terminated(Pipe pipe) {
        pipes.remove(pipe);
        recipients.remove(pipe);
    }

    /** Whether a message was started and its last frame is still due. */
    boolean isMidMessage() {
        return inMessage;
    }

    /** Clears the marks: no pipe is selected for the next message. */
    void beginSelection() {
        selection++;
    }

    /**
     * Selects a pipe for the next message; selecting twice is harmless.
     *
     * @param pipe one of the attached pipes
     */
    void select(Pipe pipe) {
        if (pipe.attachment instanceof Mark) {
            ((Mark) pipe.attachment).selection = selection;
        }
    }

    /** Selects every attached pipe for the next message. */
    void selectAll() {
        beginSelection();
        for (int i = 0; i < pipes.size(); i++) {
            select(pipes.get(i));
        }
    }

    /**
     * Sends one frame to the message's recipients.
     *
     * @param frame the bytes, owned by the distributor if accepted
     * @param flags {@link FrameQueue} flags of the frame
     * @param invert on a first frame, send to the pipes NOT selected
     * @param noDrop on a first frame, refuse (return false) if a recipient is full
     * @return false only with {@code noDrop}, when nothing was sent
     */
    boolean send(byte[] frame, int flags, boolean invert, boolean noDrop) {
        if (!inMessage && !chooseRecipients(invert, noDrop)) {
            return false;
        }
        boolean more = (flags & FrameQueue.FLAG_MORE) != 0;
        for (int i = 0; i < recipients.size(); i++) {
            recipients.get(i).write(i == 0 ? frame : frame.clone(), flags);
        }
        if (more) {
            inMessage = true;
        } else {
            for (int i = 0; i < recipients.size(); i++) {
                recipients.get(i).flush();
            }
            recipients.clear();
            inMessage = false;
        }
        return true;
    }

    private boolean chooseRecipients(boolean invert, boolean noDrop) {
        recipients.clear();
        for (int i = 0; i < pipes.size(); i++) {
            Pipe pipe = pipes.get(i);
            boolean selected = ((Mark) pipe.attachment).selection == selection;
            if (selected == invert) {
                continue;
            }
            if (pipe.checkWritable()) {
                recipients.add(pipe);
            } else if (noDrop) {
                recipients.clear();
                return false;
            }
        }
        return true;
    }
}
