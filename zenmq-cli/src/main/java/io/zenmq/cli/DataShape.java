// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Msg;
import io.zenmq.Socket;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * CLIENT, CHANNEL, SCATTER and GATHER lines: the whole line is the one data frame, delimiters
 * included, in the message text format. Immutable.
 */
final class DataShape implements LineShape {
    private final TextFormat format;

    DataShape(TextFormat format) {
        this.format = format;
    }

    @Override
    public Msg toMsg(byte[] line) {
        try {
            return Msg.of(format.parseFrame(line, 0, line.length));
        } catch (IllegalArgumentException e) {
            throw LineShape.badInput(e);
        }
    }

    @Override
    public void print(Msg msg, ByteArrayOutputStream out) {
        format.printFrame(msg.frame(0), out);
        out.write('\n');
    }

    @Override
    public boolean send(Socket socket, Msg msg, Duration timeout) {
        return socket.send(msg, timeout);
    }
}
