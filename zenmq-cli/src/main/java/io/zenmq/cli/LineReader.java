// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads stdin on its own daemon thread and hands each line (its bytes, without the LF) to a
 * bounded queue, so that reading never waits for the socket and the socket thread never waits for
 * stdin. A last line without LF counts; the end of input (or a read error) is {@link #EOF}.
 * The thread touches no socket.
 */
final class LineReader implements Runnable {
    /** Queued after the last line; compared by identity. */
    static final byte[] EOF = new byte[0];

    private static final int QUEUE_LINES = 256;

    private final InputStream in;
    private final BlockingQueue<byte[]> queue;
    private final Runnable wake;

    private LineReader(InputStream in, BlockingQueue<byte[]> queue, Runnable wake) {
        this.in = in;
        this.queue = queue;
        this.wake = wake;
    }

    /**
     * Starts a reader thread on {@code in} and returns the queue it fills.
     *
     * @param wake called (on the reader thread) after each line and after {@link #EOF} is queued,
     *     e.g. a poller's thread-safe wakeup
     */
    static BlockingQueue<byte[]> start(InputStream in, Runnable wake) {
        BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUE_LINES);
        Thread thread = new Thread(new LineReader(in, queue, wake), "zenmq-stdin");
        thread.setDaemon(true);
        thread.start();
        return queue;
    }

    @Override
    public void run() {
        try {
            readLines();
            put(EOF);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLines() throws InterruptedException {
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException e) {
                n = -1;
            }
            if (n < 0) {
                break;
            }
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    partial.write(buffer, start, i - start);
                    put(partial.toByteArray());
                    partial.reset();
                    start = i + 1;
                }
            }
            partial.write(buffer, start, n - start);
        }
        if (partial.size() > 0) {
            put(partial.toByteArray());
        }
    }

    private void put(byte[] line) throws InterruptedException {
        queue.put(line);
        wake.run();
    }
}
