// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fan-out of whole messages to the pipes selected for them (libzmq's {@code dist}, spec
 * patterns.md section 2).
 *
 * <p>Before a message's first frame the caller marks targets with {@link #beginSelection()} and
 * {@link #select(Target)}; the first frame then fixes the recipients for the whole message. A
 * selected pipe that is full at that moment gets none of the message (lossy), unless
 * {@code noDrop} is asked, in which case nothing is sent and the caller waits. A recipient that
 * goes away mid-message simply stops receiving it.
 *
 * <p>Frames handed to several pipes are copied for all but the first recipient, as an inproc
 * receiver gets the very array and may change it. Socket thread only.
 */
public final class Distributor {
    /**
     * One attached pipe and its selection mark. Callers that select per message keep the target
     * (in a {@link SubscriptionTrie}, say) so that selecting is a field write, not a lookup.
     */
    public static final class Target extends Peer {
        private long selection;

        private Target(Pipe pipe) {
            super(pipe);
        }
    }

    private final List<Target> targets = new ArrayList<>();
    private final Map<Pipe, Target> byPipe = new IdentityHashMap<>();
    private final List<Pipe> recipients = new ArrayList<>();
    private long selection;
    private boolean inMessage;

    /**
     * Adds a pipe, not selected until {@link #select} or {@link #selectAll}.
     *
     * @param pipe the socket's end
     * @return its target, for {@link #select}
     */
    public Target attach(Pipe pipe) {
        Target target = new Target(pipe);
        targets.add(target);
        byPipe.put(pipe, target);
        return target;
    }

    /**
     * Returns the target of an attached pipe (a lookup: not for the per-message path).
     *
     * @param pipe the socket's end
     * @return its target, or null if the pipe is not attached
     */
    public Target target(Pipe pipe) {
        return byPipe.get(pipe);
    }

    /**
     * Forgets a pipe that went away; it gets no more of the message in progress.
     *
     * @param pipe the socket's end
     */
    public void terminated(Pipe pipe) {
        Target target = byPipe.remove(pipe);
        if (target != null) {
            targets.remove(target);
        }
        recipients.remove(pipe);
    }

    /**
     * Tells whether a message was started and its last frame is still due.
     *
     * @return true between a message's first and last frame
     */
    public boolean isMidMessage() {
        return inMessage;
    }

    /** Clears the marks: no pipe is selected for the next message. */
    public void beginSelection() {
        selection++;
    }

    /**
     * Selects a target for the next message; selecting twice is harmless.
     *
     * @param target one of the attached pipes' targets
     */
    public void select(Target target) {
        target.selection = selection;
    }

    /** Selects every attached pipe for the next message. */
    public void selectAll() {
        beginSelection();
        for (int i = 0; i < targets.size(); i++) {
            targets.get(i).selection = selection;
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
    public boolean send(byte[] frame, int flags, boolean invert, boolean noDrop) {
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
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            boolean selected = target.selection == selection;
            if (selected == invert) {
                continue;
            }
            Pipe pipe = target.pipe();
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
