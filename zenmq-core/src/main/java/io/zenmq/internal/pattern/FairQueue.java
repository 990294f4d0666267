// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;
import java.util.ArrayList;
import java.util.List;

/**
 * Round-robin receipt of whole messages from the pipes that have one (libzmq's {@code fq}).
 *
 * <p>A pipe found empty leaves the active set until it is read-activated; a pipe found ended is
 * reported to the host. Once a message's first frame is taken, the rest come from the same pipe.
 * Socket thread only.
 */
final class FairQueue {
    private final PatternHost host;
    private final List<Pipe> active = new ArrayList<>();
    private final List<Pipe> inactive = new ArrayList<>();
    private int current;
    private boolean more;
    private Pipe lastPipe;

    FairQueue(PatternHost host) {
        this.host = host;
    }

    void attach(Pipe pipe) {
        active.add(pipe);
    }

    void activated(Pipe pipe) {
        if (inactive.remove(pipe)) {
            active.add(pipe);
        }
    }

    void terminated(Pipe pipe) {
        int index = active.indexOf(pipe);
        if (index >= 0) {
            active.remove(index);
            if (current > index || current >= active.size()) {
                current = current > index ? current - 1 : 0;
            }
        } else {
            inactive.remove(pipe);
        }
        if (pipe == lastPipe) {
            more = false;
        }
    }

    /**
     * Takes the next frame, of the message in progress or of the next pipe in turn.
     *
     * @return the frame, or null if no pipe has a message
     */
    byte[] recv() {
        while (!active.isEmpty()) {
            if (current >= active.size()) {
                current = 0;
            }
            Pipe pipe = active.get(current);
            byte[] frame = pipe.read();
            if (frame != null) {
                more = pipe.lastMore();
                lastPipe = pipe;
                if (!more) {
                    current = (current + 1) % active.size();
                }
                return frame;
            }
            active.remove(current);
            if (pipe.isInEnded()) {
                host.pipeEnded(pipe);
            } else {
                inactive.add(pipe);
            }
        }
        return null;
    }

    /** Whether the last frame taken has more after it. */
    boolean more() {
        return more;
    }

    /** The pipe the last frame came from. */
    Pipe lastPipe() {
        return lastPipe;
    }

    boolean hasIn() {
        if (more) {
            return true;
        }
        for (int i = 0; i < active.size(); i++) {
            if (active.get(i).hasReadable()) {
                return true;
            }
        }
        return false;
    }
}
