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
final class RoutingIdShape extends LeadingFieldShape {
    RoutingIdShape(TextFormat format, PrintStream err) {
        super(format, err, "ID");
    }

    @Override
    Msg toMsg(LeadingField.Line split) {
        return Msg.of(split.data()).routingId(LeadingField.routingId(split.field()));
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
