// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Msg;
import io.zenmq.Socket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * DGRAM lines, {@code ADDRESS<TAB>data}: the message is {@code [address, data]}, the address the
 * destination's {@code HOST:PORT} going out and the sender's {@code IP:PORT} coming in. A line
 * without the delimiter, or data too long for one datagram, is dropped with a warning.
 * Used by the session's thread only.
 */
final class AddressShape implements LineShape {
    private final LeadingField field;
    private final PrintStream err;

    AddressShape(TextFormat format, PrintStream err) {
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
            LineShape.warn(err, "line without ADDRESS and delimiter, dropped");
            return null;
        }
        try {
            LeadingField.checkDatagram(split.data().length);
        } catch (IllegalArgumentException e) {
            LineShape.warn(err, e.getMessage() + ", dropped");
            return null;
        }
        return Msg.of(split.field().getBytes(StandardCharsets.UTF_8), split.data());
    }

    /** Prints the sender's address without the NUL that ends it on the wire (as libzmq hands it out). */
    @Override
    public void print(Msg msg, ByteArrayOutputStream out) {
        byte[] address = msg.frame(0);
        int length = address.length > 0 && address[address.length - 1] == 0 ? address.length - 1 : address.length;
        field.print(Arrays.copyOf(address, length), msg.frame(1), out);
    }

    @Override
    public boolean send(Socket socket, Msg msg, Duration timeout) {
        return socket.send(msg, timeout);
    }
}
