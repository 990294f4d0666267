// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import java.nio.ByteBuffer;

/**
 * Copies bodies into an output buffer that may be too small for them: what fits goes in, the rest
 * is carried over and finished at the front of the next buffer, so a large body streams through a
 * small pooled buffer without a copy of its own.
 *
 * <p>Owner: the connection's I/O thread. Pure.
 */
public final class BodyCarry {
    private byte[] body;
    private int offset;
    /** Where the carried body ends in its array. */
    private int end;

    /**
     * Copies what fits of a whole body; the rest is carried.
     *
     * @param out the output buffer, in write mode
     * @param whole the bytes to copy
     * @return true if all of it fitted
     */
    public boolean put(ByteBuffer out, byte[] whole) {
        return copy(out, whole, 0, whole.length);
    }

    /**
     * Copies what fits of the first {@code length} bytes of an array; the rest is carried (the
     * array must not change until {@link #drain} returns true).
     *
     * @param out the output buffer, in write mode
     * @param bytes the array holding the body from index 0
     * @param length the body's length
     * @return true if all of it fitted
     */
    public boolean put(ByteBuffer out, byte[] bytes, int length) {
        return copy(out, bytes, 0, length);
    }

    /**
     * Continues the body carried over from the previous buffer, if any.
     *
     * @param out the output buffer, in write mode
     * @return true if nothing is carried any more
     */
    public boolean drain(ByteBuffer out) {
        return body == null || copy(out, body, offset, end);
    }

    /**
     * Tells whether part of a body waits for the next buffer.
     *
     * @return true while a body is carried
     */
    public boolean carrying() {
        return body != null;
    }

    private boolean copy(ByteBuffer out, byte[] bytes, int from, int to) {
        int n = Math.min(out.remaining(), to - from);
        out.put(bytes, from, n);
        if (from + n < to) {
            body = bytes;
            offset = from + n;
            end = to;
            return false;
        }
        body = null;
        return true;
    }
}
