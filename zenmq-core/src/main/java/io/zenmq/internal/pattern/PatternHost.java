// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.internal.pipe.Pipe;

/** What a {@link Pattern} may ask of its socket. Socket thread only. */
public interface PatternHost {
    /**
     * Reports that a pipe's peer ended it (its end marker was read): the socket forgets the pipe
     * everywhere, including in the pattern ({@link Pattern#terminated}).
     *
     * @param pipe the socket's end
     */
    void pipeEnded(Pipe pipe);

    /**
     * Reads one of the socket's options (current value).
     *
     * @param option the key
     * @param <T> the value type
     * @return the value
     */
    <T> T option(io.zenmq.Option<T> option);
}
