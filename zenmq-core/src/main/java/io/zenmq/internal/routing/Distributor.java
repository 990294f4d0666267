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
 * <p>A frame handed to several pipes is one array for every recipient whose reader only encodes
 * it onto a wire (a {@link SharedFrameReader}, a connection's session), so fanning a message out
 * to a thousand tcp peers copies nothing; an inproc receiver gets the very array and may change
 * it, so each inproc recipient gets a copy (the first of them the array itself when no wire
 * recipient shares it). Socket thread only.
 */
public final class Distributor {
    /**
     * One attached pipe and its selection mark. Callers that select per message keep the target
     * (in a {@link SubscriptionTrie}, say) so that selecting is a field write, not a lookup.
     */
    public static final class Target extends Peer {
        private final boolean shares;
        private long selection;

        private Target(Pipe pipe) {
            super(pipe);
            this.shares = pipe.peer() != null && pipe.peer().listener() instanceof SharedFrameReader;
        }
    }

    private final List<Target> targets = new ArrayList<>();
    private final Map<Pipe, Target> byPipe = new IdentityHashMap<>();
    /**
     * The current message's recipients, the first {@code recipientCount} slots: a plain array
     * reused from message to message, as emptying a list of a thousand pipes for every message
     * costs as much as filling it.
     */
    private Target[] recipients = new Target[8];
    private int recipientCount;
    /** How many of the recipients share the frames they get (see {@link SharedFrameReader}). */
    private int sharingRecipients;
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
            removeRecipient(target);
        }
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
        boolean handedOut = sharingRecipients > 0;
        Target[] to = recipients;
        int count = recipientCount;
        for (int i = 0; i < count; i++) {
            Target target = to[i];
            byte[] copy = frame;
            if (!target.shares) {
                if (handedOut) {
                    copy = frame.clone();
                }
                handedOut = true;
            }
            target.pipe().write(copy, flags);
        }
        if (more) {
            inMessage = true;
        } else {
            for (int i = 0; i < count; i++) {
                to[i].pipe().flush();
            }
            recipientCount = 0;
            sharingRecipients = 0;
            inMessage = false;
        }
        return true;
    }

    private boolean chooseRecipients(boolean invert, boolean noDrop) {
        recipientCount = 0;
        sharingRecipients = 0;
        if (recipients.length < targets.size()) {
            recipients = new Target[Math.max(targets.size(), 2 * recipients.length)];
        }
        Target[] to = recipients;
        int count = 0;
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            boolean selected = target.selection == selection;
            if (selected == invert) {
                continue;
            }
            Pipe pipe = target.pipe();
            if (pipe.checkWritable()) {
                to[count++] = target;
                if (target.shares) {
                    sharingRecipients++;
                }
            } else if (noDrop) {
                sharingRecipients = 0;
                return false;
            }
        }
        recipientCount = count;
        return true;
    }

    /**
     * Takes a target that went away out of the message in progress (keeping the others' order)
     * and out of the slots past it that earlier messages left, so that it can be collected.
     */
    private void removeRecipient(Target target) {
        Target[] to = recipients;
        for (int i = 0; i < to.length; i++) {
            if (to[i] != target) {
                continue;
            }
            if (i < recipientCount) {
                System.arraycopy(to, i + 1, to, i, recipientCount - i - 1);
                to[--recipientCount] = null;
                if (target.shares) {
                    sharingRecipients--;
                }
            } else {
                to[i] = null;
            }
        }
    }
}
