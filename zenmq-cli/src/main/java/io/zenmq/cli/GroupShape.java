// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Msg;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * RADIO and DISH lines, {@code GROUP<TAB>data}: the message's group. A line without the
 * delimiter, a group that is empty or over 255 bytes, or (on a RADIO with a udp:// endpoint) a
 * message too long for one datagram is dropped with a warning. Used by the session's thread only.
 */
final class GroupShape extends LeadingFieldShape {
    private final boolean udp;

    /**
     * @param udp whether the socket sends over udp://, where each message must fit one datagram
     */
    GroupShape(TextFormat format, PrintStream err, boolean udp) {
        super(format, err, "GROUP");
        this.udp = udp;
    }

    @Override
    Msg toMsg(LeadingField.Line split) {
        int groupBytes = LeadingField.checkGroup(split.field());
        if (udp) {
            // libzmq's datagram: the group's length byte, the group, the data
            LeadingField.checkDatagram(1L + groupBytes + split.data().length);
        }
        return Msg.of(split.data()).group(split.field());
    }

    @Override
    public void print(Msg msg, ByteArrayOutputStream out) {
        field.print(msg.group(), msg.frame(0), out);
    }
}
