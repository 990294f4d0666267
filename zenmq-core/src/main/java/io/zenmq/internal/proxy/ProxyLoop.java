// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.proxy;

import io.zenmq.ErrorCode;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import io.zenmq.internal.poll.PollEntry;
import io.zenmq.internal.poll.PollerCore;
import io.zenmq.internal.socket.SocketCore;
import java.util.ArrayList;
import java.util.List;

/**
 * libzmq's {@code zmq_proxy_steerable} on zenmq's sockets: moves whole messages between a
 * frontend and a backend in both directions until TERMINATE, {@link #stop()} or the context's
 * end, answering the control socket's commands (see {@link ControlLayout}).
 *
 * <p>It moves everything that can move, a burst per direction at a time, and only then waits
 * in a {@link PollerCore} for what can unblock it: a source becoming readable, or, for a
 * direction holding a message its destination refused, that destination becoming writable (its
 * source is not read meanwhile, so a full side stops only its own direction). An idle proxy
 * parks.
 *
 * <p>Owner: the thread calling {@link #run()}, which owns the sockets while it runs; {@link
 * #stop()} from any thread.
 */
public final class ProxyLoop {
    private final SocketCore frontend;
    private final SocketCore backend;
    private final SocketCore capture;
    private final SocketCore control;
    private final PollerCore<Object> poller = new PollerCore<>();
    private final Direction request;
    /** Null when the frontend is the backend: one socket, one direction. */
    private final Direction reply;
    private final List<PollEntry<Object>> entries = new ArrayList<>(3);
    private PollEntry<Object> frontEntry;
    private PollEntry<Object> backEntry;
    private PollEntry<Object> captureEntry;
    private volatile boolean stopRequested;
    private boolean paused;
    private boolean terminated;

    /**
     * Creates the loop; nothing is registered until {@link #run()}.
     *
     * @param frontend the frontend socket
     * @param backend the backend socket (may be the frontend)
     * @param capture the socket that gets a copy of every frame, or null
     * @param control the socket commands come from, or null
     */
    public ProxyLoop(SocketCore frontend, SocketCore backend, SocketCore capture, SocketCore control) {
        this.frontend = frontend;
        this.backend = backend;
        this.capture = capture;
        this.control = control;
        this.request = new Direction(frontend, backend, capture);
        this.reply = frontend == backend ? null : new Direction(backend, frontend, capture);
        request.enabled(Direction.canMove(frontend.type(), backend.type()));
        if (reply != null) {
            reply.enabled(Direction.canMove(backend.type(), frontend.type()));
        }
    }

    /** Asks the loop to end soon; {@link #run()} then returns. Any thread. */
    public void stop() {
        stopRequested = true;
        poller.wakeup();
    }

    /**
     * Runs until TERMINATE, {@link #stop()} or the context's end ({@code ETERM}), which all
     * return normally. Proxy thread.
     *
     * @throws ZmqException for any other failure, e.g. {@code ENOTSOCK} if a socket was closed or
     *     {@code EINTR} if the thread was interrupted while waiting
     */
    public void run() {
        try {
            register();
            loop();
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.ETERM) {
                throw e;
            }
        } finally {
            poller.close(entries);
        }
    }

    private void register() {
        frontEntry = poller.register(frontend, PollEntry.IN);
        entries.add(frontEntry);
        if (reply != null) {
            backEntry = poller.register(backend, PollEntry.IN);
            entries.add(backEntry);
        }
        if (control != null) {
            entries.add(poller.register(control, PollEntry.IN));
        }
        if (capture != null) {
            captureEntry = poller.register(capture, 0);
            entries.add(captureEntry);
        }
    }

    private void loop() {
        while (!stopRequested) {
            boolean moved = control != null && obeyControl();
            if (terminated) {
                return;
            }
            if (!paused) {
                moved |= request.forward();
                if (reply != null) {
                    moved |= reply.forward();
                }
            }
            if (!moved) {
                updateInterest();
                poller.poll(-1);
            }
        }
    }

    /**
     * What each socket must be watched for: a side readable if its direction may read, writable
     * if the other direction holds a message for it; the capture writable if a direction holds a
     * message for it; nothing while paused (the control socket always is).
     */
    private void updateInterest() {
        boolean forCapture = !paused && (request.waitsForCapture() || reply != null && reply.waitsForCapture());
        if (captureEntry != null) {
            modify(captureEntry, forCapture ? PollEntry.OUT : 0);
        }
        if (reply == null) {
            modify(frontEntry, interest(request, request));
            return;
        }
        modify(frontEntry, interest(request, reply));
        modify(backEntry, interest(reply, request));
    }

    /** The interest of the socket {@code out} reads from and {@code in} writes to. */
    private int interest(Direction out, Direction in) {
        if (paused) {
            return 0;
        }
        int events = out.blocked() || !out.enabled() ? 0 : PollEntry.IN;
        if (in.waitsForDestination()) {
            events |= PollEntry.OUT;
        }
        return events;
    }

    private void modify(PollEntry<Object> entry, int interest) {
        if (entry.interest() != interest) {
            poller.modify(entry, interest);
        }
    }

    /**
     * Carries out every queued command (libzmq 4.3 also copies each one to the capture socket).
     *
     * @return true if a command came
     */
    private boolean obeyControl() {
        boolean any = false;
        byte[] command;
        while (!terminated && (command = control.recv(0)) != null) {
            any = true;
            boolean more = control.rcvMore();
            if (capture != null) {
                // one frame, as the command is; small and rare: not captured if the capture is full
                capture.send(command.clone(), false, 0);
            }
            while (more) {
                // a command is one frame; the rest of a longer message is ignored
                control.recv(-1);
                more = control.rcvMore();
            }
            obey(ControlLayout.parse(command));
        }
        return any;
    }

    private void obey(ControlLayout.Command command) {
        switch (command) {
            case PAUSE -> paused = true;
            case RESUME -> paused = false;
            case TERMINATE -> terminated = true;
            case STATISTICS -> {
                sendStatistics();
                return;
            }
            case UNKNOWN -> {
                // libzmq aborts the process here; zenmq ignores what it does not know
            }
        }
        if (control.type() == SocketType.REP) {
            control.send(new byte[0], false, 0);
        }
    }

    /** The eight counters, in {@link ControlLayout}'s order; skipped if the control socket is full. */
    private void sendStatistics() {
        // one socket for both sides (libzmq allows it): all it reads counts as frontend input and
        // backend output, as in libzmq
        long replies = reply == null ? 0 : reply.messages();
        long replyBytes = reply == null ? 0 : reply.bytes();
        long[] counters = {request.messages(), request.bytes(), replies, replyBytes,
            replies, replyBytes, request.messages(), request.bytes()};
        if (!control.send(ControlLayout.counter(counters[0]), true, 0)) {
            return;
        }
        for (int i = 1; i < ControlLayout.COUNTERS; i++) {
            control.send(ControlLayout.counter(counters[i]), i < ControlLayout.COUNTERS - 1, -1);
        }
    }
}
