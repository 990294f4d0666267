// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

import io.zenmq.internal.pipe.Pipe;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Round-robin of whole messages over the pipes that have room (libzmq's {@code lb}).
 *
 * <p>Pipes found full leave the active set until they are woken as writable. A message stays on
 * the pipe its first frame went to; if that pipe goes away mid-message, the rest of the message
 * is dropped. Socket thread only.
 */
public final class LoadBalancer {
    private final Map<Pipe, Slot> slots = new IdentityHashMap<>();
    /** Every pipe, the active ones (which had room when last tried) first; {@link #slots} knows where. */
    private final ActiveSplit<Pipe> pipes = new ActiveSplit<>((pipe, index) -> slots.get(pipe).index = index);
    private int current;
    private Pipe messagePipe;
    private boolean dropping;
    private Pipe lastPipe;

    /** Where a pipe sits in {@link #pipes}. */
    private static final class Slot {
        int index;
    }

    /**
     * Adds a pipe, active until found full.
     *
     * @param pipe the socket's end
     */
    public void attach(Pipe pipe) {
        slots.put(pipe, new Slot());
        pipes.addActive(pipe);
    }

    /**
     * Takes a pipe found full back into the rotation, now that it has room.
     *
     * @param pipe the socket's end
     */
    public void activated(Pipe pipe) {
        Slot slot = slots.get(pipe);
        if (slot != null) {
            pipes.activate(slot.index);
        }
    }

    /**
     * Forgets a pipe that went away; the rest of a message half sent to it is dropped.
     *
     * @param pipe the socket's end
     */
    public void terminated(Pipe pipe) {
        if (pipe == messagePipe) {
            messagePipe = null;
            dropping = true;
        }
        Slot slot = slots.get(pipe);
        if (slot == null) {
            return;
        }
        if (slot.index < pipes.activeCount()) {
            deactivate(slot.index);
        }
        pipes.removeInactive(slot.index);
        slots.remove(pipe);
    }

    /** Moves the active pipe in {@code index} behind the active ones, keeping {@link #current} on its pipe. */
    private void deactivate(int index) {
        if (current == pipes.deactivate(index)) {
            current = index;
        }
    }

    /**
     * Sends one frame to the current pipe.
     *
     * @param frame the bytes, owned by the pipe from now on if accepted
     * @param more whether more frames of the message follow
     * @return false if no pipe has room for a new message
     */
    public boolean send(byte[] frame, boolean more) {
        if (dropping) {
            dropping = more;
            return true;
        }
        Pipe pipe = messagePipe;
        if (pipe == null) {
            pipe = pickWritable();
            if (pipe == null) {
                return false;
            }
        }
        pipe.write(frame, more);
        if (more) {
            messagePipe = pipe;
        } else {
            pipe.flush();
            messagePipe = null;
            // no division per message: wrap by comparison
            if (++current >= pipes.activeCount()) {
                current = 0;
            }
        }
        return true;
    }

    /**
     * Returns the pipe the last message (or the current one) went to.
     *
     * @return the pipe, or null if none yet
     */
    public Pipe lastPipe() {
        return lastPipe;
    }

    private Pipe pickWritable() {
        while (pipes.activeCount() > 0) {
            if (current >= pipes.activeCount()) {
                current = 0;
            }
            Pipe pipe = pipes.get(current);
            if (pipe.checkWritable()) {
                // a reference store costs a GC barrier; most messages go to the same pipe as before
                if (lastPipe != pipe) {
                    lastPipe = pipe;
                }
                return pipe;
            }
            deactivate(current);
        }
        return null;
    }

    /**
     * Tells whether a send would be accepted now.
     *
     * @return true if a message is in progress or some pipe has room
     */
    public boolean hasOut() {
        if (messagePipe != null || dropping) {
            return true;
        }
        for (int i = 0; i < pipes.activeCount(); i++) {
            if (pipes.get(i).checkWritable()) {
                return true;
            }
        }
        return false;
    }
}
