// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Msg;
import io.zenmq.Socket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

/**
 * RADIO and DISH lines, {@code GROUP<TAB>data}: the message's group. A line without the
 * delimiter, a group that is empty or over 255 bytes, or (on a RADIO with a udp:// endpoint) a
 * message too long for one datagram is dropped with a warning. Used by the session's thread only.
 */
final class GroupShape implements LineShape {
    private final LeadingField field;
    private final PrintStream err;
    private final boolean udp;

    /**
     * @param udp whether the socket sends over udp://, where each message must fit one datagram
     */
    GroupShape(TextFormat format, PrintStream err, boolean udp) {
        this.field = new LeadingField(format);
        this.err = err;
        this.udp = udp;
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
            LineShape.warn(err, "line without GROUP and delimiter, dropped");
            return null;
        }
        try {
            int groupBytes = LeadingField.checkGroup(split.field());
            if (udp) {
                // libzmq's datagram: the group's length byte, the group, the data
                LeadingField.checkDatagram(1L + groupBytes + split.data().length);
            }
        } catch (IllegalArgumentException e) {
            LineShape.warn(err, e.getMessage() + ", line dropped");
            return null;
        }
        return Msg.of(split.data()).group(split.field());
    }

    @Override
    public void print(Msg msg, ByteArrayOutputStream out) {
        field.print(msg.group(), msg.frame(0), out);
    }

    @Override
    public boolean send(Socket socket, Msg msg, Duration timeout) {
        return socket.send(msg, timeout);
    }
}
