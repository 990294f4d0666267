// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Msg;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * DGRAM lines, {@code ADDRESS<TAB>data}: the message is {@code [address, data]}, the address the
 * destination's {@code HOST:PORT} going out and the sender's {@code IP:PORT} coming in. A line
 * without the delimiter, or data too long for one datagram, is dropped with a warning.
 * Used by the session's thread only.
 */
final class AddressShape extends LeadingFieldShape {
    AddressShape(TextFormat format, PrintStream err) {
        super(format, err, "ADDRESS");
    }

    @Override
    Msg toMsg(LeadingField.Line split) {
        LeadingField.checkDatagram(split.data().length);
        return Msg.of(split.field().getBytes(StandardCharsets.UTF_8), split.data());
    }

    @Override
    public void print(Msg msg, ByteArrayOutputStream out) {
        byte[] address = msg.frame(0);
        int length = address.length > 0 && address[address.length - 1] == 0 ? address.length - 1 : address.length;
        field.print(Arrays.copyOf(address, length), msg.frame(1), out);
    }
}
