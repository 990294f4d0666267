// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.internal.pattern.Pattern;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.queue.MpscWakeQueue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A socket's pipe ends and what its {@link Pattern} hears of them: pipes adopted, connected,
 * woken and ended, as the socket's {@link Mailbox} delivers those events.
 *
 * <p>Owner: the socket's application thread.
 */
final class SocketPipes {
    private final Pattern pattern;
    private final Mailbox mailbox;
    /**
     * The ends in routing, in the order they were adopted. A set: every wake-up asks whether its
     * pipe is still here, and a socket can hold thousands of pipes (a ROUTER serving as many peers).
     */
    private final Set<Pipe> pipes = new LinkedHashSet<>();
    /** CONNECT_ROUTING_ID taken by the connect() in progress, for the pipe it adopts. */
    private byte[] connectingRoutingId;

    SocketPipes(Pattern pattern, Mailbox mailbox) {
        this.pattern = pattern;
        this.mailbox = mailbox;
    }

    /** Names the pipes adopted until the next call: CONNECT_ROUTING_ID, or null for none. */
    void nameNextPipes(byte[] routingId) {
        connectingRoutingId = routingId;
    }

    /** Takes a pipe end into routing. */
    void adopt(Pipe pipe) {
        if (connectingRoutingId != null) {
            pipe.setConnectRoutingId(connectingRoutingId);
        }
        pipes.add(pipe);
        pattern.attach(pipe);
    }

    /** @return true if the pipe end is still in routing */
    boolean contains(Pipe pipe) {
        return pipes.contains(pipe);
    }

    /** @return a copy of the pipe ends in routing, to act on while removing some */
    List<Pipe> snapshot() {
        return new ArrayList<>(pipes);
    }

    /**
     * Takes a pipe end out of routing and ends it: the peer reads what was sent, then the end.
     *
     * @return false if it was not in routing
     */
    boolean end(Pipe pipe) {
        if (!pipes.remove(pipe)) {
            return false;
        }
        pattern.terminated(pipe);
        pipe.terminate();
        return true;
    }

    /**
     * Handles every command and wake-up in the mailbox.
     *
     * @return true if there was any
     */
    boolean processCommands() {
        MpscWakeQueue.Node node = mailbox.poll();
        if (node == null) {
            return false;
        }
        do {
            handle(node);
        } while ((node = mailbox.poll()) != null);
        return true;
    }

    private void handle(MpscWakeQueue.Node node) {
        if (node instanceof Pipe.Wake wake) {
            Pipe pipe = wake.pipe();
            if (!pipes.contains(pipe)) {
                return;
            }
            if (wake.readable()) {
                pattern.pipeReadable(pipe);
            } else {
                pattern.pipeWritable(pipe);
            }
            return;
        }
        Mailbox.Command command = (Mailbox.Command) node;
        Pipe pipe = command.pipe();
        switch (command.kind()) {
            case ATTACH -> adopt(pipe);
            case CONNECTED -> {
                if (pipes.contains(pipe)) {
                    pattern.pipeConnected(pipe);
                }
            }
            default -> throw new IllegalStateException("unknown command " + command.kind());
        }
    }

    /**
     * Closes the mailbox and forgets every pipe end without telling the pattern (the socket is
     * gone).
     *
     * @return the ends that were in routing or still waiting in the mailbox to be adopted
     */
    List<Pipe> close() {
        for (MpscWakeQueue.Node node : mailbox.close()) {
            if (node instanceof Mailbox.Command command && command.kind() == Mailbox.Kind.ATTACH) {
                pipes.add(command.pipe());
            }
        }
        List<Pipe> all = new ArrayList<>(pipes);
        pipes.clear();
        return all;
    }
}
