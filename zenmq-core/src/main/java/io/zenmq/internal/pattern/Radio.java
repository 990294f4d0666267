// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.Distributor;
import io.zenmq.internal.routing.GroupMap;
import java.util.ArrayList;
import java.util.List;

/**
 * RADIO (RFC 48, spec patterns.md section 7.2): sends each single-frame message, as
 * {@code [group, MORE][body]}, to the pipes whose DISH joined exactly that group, and to every
 * udp pipe (whose receivers filter for themselves). A recipient whose queue is full misses the
 * message, unless {@code ZMQ_XPUB_NODROP}. Joins and leaves arrive on each pipe as frames flagged
 * {@link FrameQueue#FLAG_JOIN} / {@link FrameQueue#FLAG_LEAVE}; anything else a DISH sends is
 * dropped. Never receives. Socket thread only.
 */
final class Radio implements Pattern {
    private static final byte[] NO_GROUP = new byte[0];

    private final PatternHost host;
    private final PatternOptions options;
    private final Distributor out = new Distributor();
    private final GroupMap<Distributor.Target> groups = new GroupMap<>();
    /** The targets that get every message: udp pipes. */
    private final List<Distributor.Target> everything = new ArrayList<>();
    private byte[] group;

    Radio(PatternHost host, PatternOptions options) {
        this.host = host;
        this.options = options;
    }

    @Override
    public void attach(Pipe pipe) {
        Distributor.Target target = out.attach(pipe);
        if (pipe.takesAllGroups()) {
            everything.add(target);
        }
        readGroups(pipe);
    }

    @Override
    public void terminated(Pipe pipe) {
        Distributor.Target target = out.target(pipe);
        out.terminated(pipe);
        if (target != null) {
            groups.removeMember(target);
            everything.remove(target);
        }
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        readGroups(pipe);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // recipients are chosen per message; a full pipe is simply skipped
    }

    /** Applies the joins and leaves queued on a pipe; reports its end once read. */
    private void readGroups(Pipe pipe) {
        Distributor.Target target = out.target(pipe);
        byte[] frame;
        while ((frame = pipe.read()) != null) {
            int flags = pipe.lastFlags();
            if (target == null) {
                continue;
            }
            if ((flags & FrameQueue.FLAG_JOIN) != 0) {
                groups.add(frame, target);
            } else if ((flags & FrameQueue.FLAG_LEAVE) != 0) {
                groups.remove(frame, target);
            }
        }
        if (pipe.isInEnded()) {
            host.pipeEnded(pipe);
        }
    }

    @Override
    public void nextGroup(byte[] next) {
        group = next;
    }

    @Override
    public boolean xsend(byte[] frame, boolean more) {
        if (more) {
            throw new ZmqException(ErrorCode.EINVAL, "a RADIO sends single-frame messages only");
        }
        byte[] to = group == null ? NO_GROUP : group;
        out.beginSelection();
        List<Distributor.Target> joined = groups.get(to);
        if (joined != null) {
            for (int i = 0; i < joined.size(); i++) {
                out.select(joined.get(i));
            }
        }
        for (int i = 0; i < everything.size(); i++) {
            out.select(everything.get(i));
        }
        if (!out.send(to, FrameQueue.FLAG_MORE, false, options.xpubNoDrop)) {
            return false;
        }
        out.send(frame, 0, false, false);
        group = null;
        return true;
    }

    @Override
    public boolean hasOut() {
        return true;
    }
}
