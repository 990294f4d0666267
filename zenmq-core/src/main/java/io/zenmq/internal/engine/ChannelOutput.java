// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The channel work both engines share: interest bits, the batched write loop and closing.
 * Stateless; called on the connection's I/O thread with the engine's own key, channel and
 * output buffer (kept in write mode between calls).
 */
final class ChannelOutput {
    private static final System.Logger LOG = System.getLogger(ChannelOutput.class.getName());

    /** How a round of writing ended. */
    enum Outcome {
        /** Nothing left to write: write interest is off. */
        IDLE,
        /** The kernel buffer is full, or the round limit was hit: write interest is on. */
        PENDING,
        /** The write failed: the connection is broken. */
        FAILED
    }

    private ChannelOutput() {
    }

    /**
     * Fills the buffer and writes it, again and again, until nothing is left, the kernel takes
     * no more, or {@code rounds} writes were made (so one busy connection cannot starve others).
     *
     * @param channel the connection
     * @param key its selection key (null before registration)
     * @param out the output buffer, in write mode
     * @param fill appends whatever is queued to {@code out}
     * @param rounds the most writes in one call
     * @return how it ended
     */
    static Outcome write(SocketChannel channel, SelectionKey key, ByteBuffer out, Runnable fill, int rounds) {
        for (int round = 0; round < rounds; round++) {
            fill.run();
            if (out.position() == 0) {
                setInterest(key, SelectionKey.OP_WRITE, false);
                return Outcome.IDLE;
            }
            out.flip();
            try {
                channel.write(out);
            } catch (IOException e) {
                out.clear();
                LOG.log(System.Logger.Level.DEBUG, () -> "write failed: " + e);
                return Outcome.FAILED;
            }
            boolean blocked = out.hasRemaining();
            out.compact();
            if (blocked) {
                break;
            }
        }
        setInterest(key, SelectionKey.OP_WRITE, true);
        return Outcome.PENDING;
    }

    /**
     * Turns one interest bit on or off, touching the key only if that changes it.
     *
     * @param key the key, ignored if null or cancelled
     * @param op {@link SelectionKey#OP_READ} or {@link SelectionKey#OP_WRITE}
     * @param on whether the bit should be set
     */
    static void setInterest(SelectionKey key, int op, boolean on) {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = key.interestOps();
        int wanted = on ? ops | op : ops & ~op;
        if (wanted != ops) {
            key.interestOps(wanted);
        }
    }

    /**
     * Cancels the key and closes the channel, quietly.
     *
     * @param key the key, or null
     * @param channel the connection
     */
    static void close(SelectionKey key, SocketChannel channel) {
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (ClosedChannelException e) {
            // already closed
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }
}
