// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.ErrorCode;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-type rules of cli.md ("sock", "Per type") between text lines and the socket: how an
 * input line becomes a message (ROUTER and STREAM address a peer with the first frame, STREAM
 * takes the rest of the line as raw data), which received messages are STREAM connection notices,
 * what an unroutable ROUTER line does, and what XSUB sends before the first line. Everything else
 * (REQ's envelope, SUB's filter) the library does. The {@link LineShape} of every classic type.
 * Used by the session's thread only.
 */
final class TypeRules implements LineShape {
    /** XSUB's subscribe command byte: the first byte of a subscription message (RFC 29). */
    private static final byte SUBSCRIBE = 1;

    private final SocketType type;
    private final TextFormat format;
    private final PrintStream err;

    TypeRules(SocketType type, TextFormat format, PrintStream err) {
        this.type = type;
        this.format = format;
        this.err = err;
    }

    /**
     * Turns an input line into the message to send.
     *
     * @return the message, or null for a line the type drops: a one-frame line on ROUTER or
     *     STREAM, which names a peer but carries nothing for it
     * @throws CliException (failure) for bad {@code --format hex} input
     */
    @Override
    public Msg toMsg(byte[] line) {
        List<byte[]> frames;
        try {
            frames = type == SocketType.STREAM ? format.parseLine(line, 2) : format.parseLine(line);
        } catch (IllegalArgumentException e) {
            throw LineShape.badInput(e);
        }
        if (frames.size() < 2 && addressesPeer()) {
            return null;
        }
        Msg msg = new Msg();
        frames.forEach(msg::add);
        return msg;
    }

    /** Every frame, joined by the delimiter. */
    @Override
    public void print(Msg msg, ByteArrayOutputStream out) {
        format.printLine(msg.frames(), out);
    }

    /** True for a STREAM connect or disconnect notice ({@code [id, empty]}): printed only. */
    @Override
    public boolean isNotice(Msg msg) {
        return type == SocketType.STREAM && msg.size() == 2 && msg.frame(1).length == 0;
    }

    /**
     * Sends a message, waiting at most {@code timeout}.
     *
     * @return true once the message is gone: sent, or dropped because ROUTER has no peer of that
     *     id (the library says so under {@code --router-mandatory} only; then one stderr warning);
     *     false if the timeout expired first
     */
    @Override
    public boolean send(Socket socket, Msg msg, Duration timeout) {
        byte[] first = msg.frame(0);
        try {
            return socket.send(msg, timeout);
        } catch (ZmqException e) {
            if (type != SocketType.ROUTER || e.code() != ErrorCode.EHOSTUNREACH) {
                throw e;
            }
            LineShape.warn(err, "no peer " + format.formatLine(List.of(first)) + ", line dropped (" + e.code().text()
                    + ")");
            return true;
        }
    }

    /**
     * The messages to send right after setup: for XSUB one subscription ({@code 0x01}+prefix)
     * per {@code --subscribe} prefix, or {@code 0x01} alone (everything) if none; nothing for
     * other types.
     */
    @Override
    public List<Msg> initialMessages(List<byte[]> prefixes) {
        List<Msg> messages = new ArrayList<>();
        if (type != SocketType.XSUB) {
            return messages;
        }
        for (byte[] prefix : prefixes.isEmpty() ? List.of(new byte[0]) : prefixes) {
            byte[] body = new byte[prefix.length + 1];
            body[0] = SUBSCRIBE;
            System.arraycopy(prefix, 0, body, 1, prefix.length);
            messages.add(Msg.of(body));
        }
        return messages;
    }

    private boolean addressesPeer() {
        return type == SocketType.ROUTER || type == SocketType.STREAM;
    }
}
