// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Msg;
import io.zenmq.Option;
import io.zenmq.Poller;
import io.zenmq.Socket;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code sock} role (cli.md, "sock") on a bound/connected socket. Only the calling
 * thread touches the socket; stdin arrives through a {@link LineReader} queue, whose thread wakes
 * the session's {@link Poller} for each line. Roles that must receive while a line waits to go
 * out (two-way) wait in that poller for whichever comes first. How lines and messages map onto
 * each other per type (peer ids, groups, addresses, STREAM notices, XSUB's initial
 * subscriptions) is the {@link LineShape}'s. Returning normally is a normal end; a timeout or bad
 * input throws.
 */
final class SockSession {
    private final Socket socket;
    private final SockArgs args;
    private final TextFormat format;
    private final LineShape shape;
    private final Role role;
    private final PrintStream out;
    private final ByteArrayOutputStream lineBuffer = new ByteArrayOutputStream(256);
    private final BlockingQueue<byte[]> lines;
    /**
     * The two-way roles' one wait: the socket, and stdin through the reader's wake-ups. It holds
     * no selector (no channel is registered), so it needs no closing.
     */
    private final Poller poller = new Poller();
    private final Pacer pacer;
    private final long timeoutNanos;
    private long received;

    SockSession(Socket socket, SockArgs args, InputStream in, PrintStream out, PrintStream err) {
        this.socket = socket;
        this.args = args;
        this.format = args.textFormat();
        this.shape = args.draft != null ? args.draft.shape(format, err, args.hasUdpEndpoint())
                : new TypeRules(socket.type(), format, err);
        this.role = Role.of(args);
        this.out = out;
        this.lines = role.readsStdin() ? LineReader.start(in, poller::wakeup) : null;
        this.pacer = new Pacer(args.delayMs, args.intervalMs);
        this.timeoutNanos = args.hasTimeout() ? TimeUnit.MILLISECONDS.toNanos(args.timeoutMs) : -1;
    }

    /**
     * Runs the role.
     *
     * @param peerIds PEER: the routing ids its connects gave, in command-line order, announced
     *     first as {@code ID<TAB>} lines; empty for other types
     */
    void run(List<Integer> peerIds) {
        announce(peerIds);
        for (Msg msg : shape.initialMessages(args.subscribeBytes)) {
            shape.send(socket, msg, Option.INFINITE);
        }
        switch (role) {
            case SEND -> sendRole();
            case RECEIVE -> receiveRole();
            case REQUEST -> requestRole();
            case REPLY -> replyRole();
            case ECHO -> echoRole();
            case TWO_WAY -> twoWayRole();
        }
    }

    /** PEER's {@code ID<TAB>} lines, printed before anything received. */
    private void announce(List<Integer> peerIds) {
        LeadingField field = new LeadingField(format);
        for (int id : peerIds) {
            lineBuffer.reset();
            field.print(LeadingField.routingIdText(id), new byte[0], lineBuffer);
            out.write(lineBuffer.toByteArray(), 0, lineBuffer.size());
        }
    }

    private void sendRole() {
        for (byte[] line = nextLine(); line != LineReader.EOF; line = nextLine()) {
            Msg msg = shape.toMsg(line);
            if (msg == null) {
                continue;
            }
            pace();
            socket.send(msg);
            pacer.sent();
        }
    }

    private void receiveRole() {
        long deadline = nextDeadline();
        while (!countReached()) {
            accept(receive(deadline));
            deadline = nextDeadline();
        }
    }

    private void requestRole() {
        while (!countReached()) {
            byte[] line = nextLine();
            if (line == LineReader.EOF) {
                return;
            }
            Msg msg = shape.toMsg(line);
            pace();
            long deadline = nextDeadline();
            if (!socket.send(msg, timeoutNanos < 0 ? Option.INFINITE : left(deadline))) {
                throw timedOut();
            }
            pacer.sent();
            accept(receive(deadline));
        }
    }

    private void replyRole() {
        long answered = 0;
        long deadline = nextDeadline();
        while (!args.hasCount() || answered < args.count) {
            accept(receive(deadline));
            byte[] line = nextLine();
            if (line == LineReader.EOF) {
                return;
            }
            Msg reply = shape.toMsg(line);
            pace();
            socket.send(reply);
            pacer.sent();
            answered++;
            deadline = nextDeadline();
        }
    }

    /** Sends each message back as received (ROUTER: to its sender); STREAM notices only print. */
    private void echoRole() {
        long deadline = nextDeadline();
        while (!countReached()) {
            Msg msg = receive(deadline);
            deadline = nextDeadline();
            if (accept(msg) && !shape.trySend(socket, msg)) {
                flush();
                shape.send(socket, msg, Option.INFINITE);
            }
        }
    }

    /**
     * Two-way: stdin lines go out, received messages are printed, neither waits for the other.
     * One {@link Poller} wait covers both: the socket (readable, and writable while a line is
     * held back by a full queue) and stdin, whose reader thread wakes the poller per line.
     */
    private void twoWayRole() {
        Msg pending = null;
        boolean stdinOpen = true;
        long endBy = 0;
        long lastReceived = System.nanoTime();
        poller.register(socket, Poller.IN);
        while (true) {
            boolean tookLine = false;
            if (pending == null && stdinOpen) {
                byte[] line = lines.poll();
                tookLine = line != null;
                if (line == LineReader.EOF) {
                    stdinOpen = false;
                    endBy = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(args.lingerMs);
                } else if (line != null) {
                    pending = shape.toMsg(line);
                }
            }
            boolean paced = pending != null && pacer.remainingNanos() > 0;
            boolean sent = pending != null && !paced && shape.trySend(socket, pending);
            if (sent) {
                pending = null;
                pacer.sent();
            }
            if (!stdinOpen && !args.hasCount()
                    && (pending == null || args.lingerMs >= 0 && System.nanoTime() - endBy >= 0)) {
                return;
            }
            Msg msg = socket.tryRecvMsg();
            if (msg != null) {
                lastReceived = System.nanoTime();
                if (accept(msg) && countReached()) {
                    return;
                }
            } else if (timeoutNanos > 0 && System.nanoTime() - lastReceived >= timeoutNanos) {
                throw timedOut();
            } else if (!sent && !tookLine) {
                // (a line taken but dropped, e.g. a one-frame line on ROUTER, may have others behind it)
                awaitEither(pending, paced, stdinOpen ? 0 : endBy, lastReceived);
            }
        }
    }

    /**
     * Waits until the socket has a message, can take the held line, stdin has a line, the pacer
     * lets the next line go, the linger after stdin's end runs out, or {@code --timeout} expires
     * (then throws). Flushes stdout first.
     *
     * @param endBy when the linger after stdin's end is over; 0 while stdin is open
     */
    private void awaitEither(Msg pending, boolean paced, long endBy, long lastReceived) {
        long now = System.nanoTime();
        long wait = Long.MAX_VALUE;
        if (paced) {
            wait = pacer.remainingNanos();
        }
        if (pending != null && endBy != 0 && args.lingerMs >= 0) {
            wait = Math.min(wait, endBy - now);
        }
        if (timeoutNanos > 0) {
            long left = lastReceived + timeoutNanos - now;
            if (left <= 0) {
                throw timedOut();
            }
            wait = Math.min(wait, left);
        }
        poller.modify(socket, pending != null && !paced ? Poller.IN | Poller.OUT : Poller.IN);
        flush();
        poller.poll(wait == Long.MAX_VALUE ? Option.INFINITE : Duration.ofNanos(Math.max(0, wait)));
    }

    /** The deadline for the next message under {@code --timeout}; 0 for none. */
    private long nextDeadline() {
        return timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
    }

    private boolean countReached() {
        return args.hasCount() && received >= args.count;
    }

    /** Receives one message by the deadline (0 = none), flushing stdout before any wait. */
    private Msg receive(long deadline) {
        Msg msg = socket.tryRecvMsg();
        if (msg == null) {
            flush();
            msg = socket.recvMsg(deadline == 0 ? Option.INFINITE : left(deadline));
            if (msg == null) {
                throw timedOut();
            }
        }
        return msg;
    }

    /**
     * Prints a received message and counts it for {@code -n}.
     *
     * @return false for a STREAM connection notice, which is neither counted nor echoed
     */
    private boolean accept(Msg msg) {
        print(msg);
        if (shape.isNotice(msg)) {
            return false;
        }
        received++;
        return true;
    }

    private void print(Msg msg) {
        if (args.quiet) {
            return;
        }
        lineBuffer.reset();
        shape.print(msg, lineBuffer);
        out.write(lineBuffer.toByteArray(), 0, lineBuffer.size());
    }

    private byte[] nextLine() {
        byte[] line = lines.poll();
        if (line == null) {
            flush();
            try {
                line = lines.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CliException.failure("interrupted");
            }
        }
        return line;
    }


    /** Waits for {@code --delay}/{@code --interval}, never holding back printed lines meanwhile. */
    private void pace() {
        if (pacer.remainingNanos() > 0) {
            flush();
            pacer.await();
        }
    }

    private void flush() {
        out.flush();
        if (out.checkError()) {
            throw CliException.failure("cannot write to stdout");
        }
    }

    private CliException timedOut() {
        return new CliException(CliException.TIMEOUT, "timeout: no message within " + args.timeoutMs + " ms");
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }
}
