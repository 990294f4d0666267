// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pipe;

/**
 * The owner of a {@link Pipe} end, told when the other side made the pipe readable or writable.
 *
 * <p>Both methods are called on the <em>other</em> end's thread, so implementations only post a
 * command to their own thread's mailbox.
 */
public interface PipeListener {
    /**
     * A message (or the end marker) arrived in a pipe whose reader had found it empty.
     *
     * @param pipe this listener's end of the pipe
     */
    void pipeReadable(Pipe pipe);

    /**
     * The reader freed room in a pipe whose writer had found it full.
     *
     * @param pipe this listener's end of the pipe
     */
    void pipeWritable(Pipe pipe);
}
