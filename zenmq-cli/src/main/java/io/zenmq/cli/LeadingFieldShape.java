// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.Msg;
import io.zenmq.Socket;
import java.io.PrintStream;
import java.time.Duration;

/**
 * The draft types whose lines start with one plain-text field before the delimiter (ID, GROUP,
 * ADDRESS): splits the line, drops it with one warning when the field is missing or refused, and
 * leaves the field's meaning to the subclass. Used by the session's thread only.
 */
abstract class LeadingFieldShape implements LineShape {
    final LeadingField field;
    final PrintStream err;
    private final String fieldName;

    /**
     * @param fieldName the field as the contract names it, for the warnings ({@code ID}, ...)
     */
    LeadingFieldShape(TextFormat format, PrintStream err, String fieldName) {
        this.field = new LeadingField(format);
        this.err = err;
        this.fieldName = fieldName;
    }

    @Override
    public final Msg toMsg(byte[] line) {
        LeadingField.Line split;
        try {
            split = field.split(line);
        } catch (IllegalArgumentException e) {
            throw LineShape.badInput(e);
        }
        if (split == null) {
            LineShape.warn(err, "line without " + fieldName + " and delimiter, dropped");
            return null;
        }
        try {
            return toMsg(split);
        } catch (IllegalArgumentException e) {
            LineShape.warn(err, e.getMessage() + ", line dropped");
            return null;
        }
    }

    /**
     * Builds the message of a line that has its field.
     *
     * @throws IllegalArgumentException with the reason, to drop the line with a warning
     */
    abstract Msg toMsg(LeadingField.Line split);

    @Override
    public boolean send(Socket socket, Msg msg, Duration timeout) {
        return socket.send(msg, timeout);
    }
}
