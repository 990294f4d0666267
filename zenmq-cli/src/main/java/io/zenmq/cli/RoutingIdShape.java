// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.ErrorCode;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.ZmqException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

/**
 * SERVER and PEER lines, {@code ID<TAB>data}: the message's routing id names the peer it goes to
 * or came from. A line without the delimiter, an ID that is not 1 to 4294967295, or one that no
 * connected peer has, is dropped with a warning. Used by the session's thread only.
 */
final class RoutingIdShape implements LineShape {
    private final LeadingField field;
    private final PrintStream err;

    RoutingIdShape(TextFormat format, PrintStream err) {
        this.field = new LeadingField(format);
        this.err = err;
    }

    @Override
    public Msg toMsg(byte[] line) {
        LeadingField.Line split;
        try {
            split = field.split(line);
        } catch (IllegalArgumentException e) {
            throw LineShape.badInput(e);
        }
        if (split == null) {
            LineShape.warn(err, "line without ID and delimiter, dropped");
            return null;
        }
        int id;
        try {
            id = LeadingField.routingId(split.field());
        } catch (IllegalArgumentException e) {
            LineShape.warn(err, e.getMessage() + ", line dropped");
            return null;
        }
        return Msg.of(split.data()).routingId(id);
    }

    @Override
    public void print(Msg msg, ByteArrayOutputStream out) {
        field.print(LeadingField.routingIdText(msg.routingId()), msg.frame(0), out);
    }

    /** Sends to the message's routing id; an id no peer has is dropped with a warning. */
    @Override
    public boolean send(Socket socket, Msg msg, Duration timeout) {
        int id = msg.routingId();
        try {
            return socket.send(msg, timeout);
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.EHOSTUNREACH) {
                throw e;
            }
            LineShape.warn(err, "no peer " + LeadingField.routingIdText(id) + ", line dropped (" + e.code().text() + ")");
            return true;
        }
    }
}
