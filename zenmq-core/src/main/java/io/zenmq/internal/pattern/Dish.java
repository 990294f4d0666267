// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.routing.FairQueue;
import io.zenmq.internal.routing.GroupMap;
import io.zenmq.internal.routing.Peer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DISH (RFC 48, spec patterns.md section 7.2): receives, fair-queued, the {@code [group][body]}
 * messages of the groups it joined, filtering on receipt (udp RADIOs send everything). Its joins
 * go to every peer as frames flagged {@link FrameQueue#FLAG_JOIN} / {@link FrameQueue#FLAG_LEAVE}
 * (the connection makes JOIN/LEAVE commands of them, a udp pipe drops them) and are replayed in
 * full on every new pipe and after every reconnect. A full pipe loses a join, as in libzmq. Never
 * sends. Socket thread only.
 */
final class Dish implements Pattern {
    private static final int MAX_GROUP = 255;
    private static final Boolean JOINED = Boolean.TRUE;

    private final FairQueue<Peer> in;
    private final List<Pipe> pipes = new ArrayList<>();
    /** Connecting pipes whose first connection was reported. */
    private final Set<Pipe> connectedBefore = new HashSet<>();
    private final GroupMap<Boolean> joined = new GroupMap<>();
    private byte[] lastGroup;
    /** A matching message taken by {@link #hasIn()}, not yet handed out. */
    private byte[] prefetchedGroup;
    private byte[] prefetchedBody;

    Dish(PatternHost host) {
        this.in = new FairQueue<>(host);
    }

    @Override
    public void attach(Pipe pipe) {
        pipes.add(pipe);
        in.attach(new Peer(pipe));
        replay(pipe);
    }

    @Override
    public void pipeConnected(Pipe pipe) {
        if (!connectedBefore.add(pipe)) {
            replay(pipe);
        }
    }

    @Override
    public void terminated(Pipe pipe) {
        pipes.remove(pipe);
        connectedBefore.remove(pipe);
        in.terminated(pipe);
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        in.activated(pipe);
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        // joins never wait: a full pipe loses them
    }

    @Override
    public void join(byte[] group) {
        checkLength(group);
        if (!joined.add(group, JOINED)) {
            throw new ZmqException(ErrorCode.EINVAL, "group joined already");
        }
        sendToAll(group, FrameQueue.FLAG_JOIN);
    }

    @Override
    public void leave(byte[] group) {
        checkLength(group);
        if (!joined.remove(group, JOINED)) {
            throw new ZmqException(ErrorCode.EINVAL, "group not joined");
        }
        sendToAll(group, FrameQueue.FLAG_LEAVE);
    }

    private static void checkLength(byte[] group) {
        if (group.length == 0 || group.length > MAX_GROUP) {
            throw new ZmqException(ErrorCode.EINVAL, "a group has 1 to " + MAX_GROUP + " bytes, not " + group.length);
        }
    }

    /** The pipes own what is written to them, so each gets its own copy of the group. */
    private void sendToAll(byte[] group, int flag) {
        for (int i = 0; i < pipes.size(); i++) {
            Pipe pipe = pipes.get(i);
            if (pipe.checkWritable()) {
                pipe.write(group.clone(), flag);
                pipe.flush();
            }
        }
    }

    private void replay(Pipe pipe) {
        joined.forEachGroup(group -> {
            if (pipe.checkWritable()) {
                pipe.write(group.clone(), FrameQueue.FLAG_JOIN);
            }
        });
        pipe.flush();
    }

    @Override
    public byte[] xrecv() {
        byte[] body = prefetchedBody;
        if (body != null) {
            lastGroup = prefetchedGroup;
            prefetchedBody = null;
            prefetchedGroup = null;
            return body;
        }
        return nextMatching();
    }

    /** Takes messages until one of a joined group comes; drops the others and any of a bad shape. */
    private byte[] nextMatching() {
        byte[] group;
        while ((group = in.recv()) != null) {
            if (!in.more()) {
                continue;
            }
            byte[] body = in.recv();
            if (body == null) {
                continue;
            }
            if (in.more()) {
                while (in.more() && in.recv() != null) {
                    // not a RADIO's message: drop the rest
                }
                continue;
            }
            if (joined.contains(group)) {
                lastGroup = group;
                return body;
            }
        }
        return null;
    }

    @Override
    public byte[] lastGroup() {
        return lastGroup;
    }

    @Override
    public Pipe lastIn() {
        return in.lastPipe();
    }

    @Override
    public boolean hasIn() {
        if (prefetchedBody != null) {
            return true;
        }
        byte[] body = nextMatching();
        if (body == null) {
            return false;
        }
        prefetchedBody = body;
        prefetchedGroup = lastGroup;
        return true;
    }
}
