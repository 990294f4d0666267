// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.proc;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.reliability.oracle.Stamp;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends {@link Stamp}ed messages from this JVM at a steady rate until stopped or {@code count}
 * is reached; a send that meets the HWM is retried (the same message), so nothing is skipped.
 * Owner: its own thread, which takes the socket over at start and closes it at the end.
 */
final class LocalSender implements AutoCloseable {
    private final Socket socket;
    private final Thread thread;
    private final long count;
    private final long rate;
    private final int producer;
    private final int epoch;
    private volatile boolean stop;
    private volatile long sent;
    private volatile Throwable failure;

    LocalSender(Socket socket, int producer, int epoch, long count, long rate) {
        this.socket = socket;
        this.producer = producer;
        this.epoch = epoch;
        this.count = count;
        this.rate = rate;
        this.thread = new Thread(this::run, "local-sender");
        thread.start();
    }

    private void run() {
        SplittableRandom random = new SplittableRandom(producer * 31L + epoch);
        long start = System.nanoTime();
        try {
            for (long seq = 0; seq < count && !stop; seq++) {
                long due = start + seq * 1_000_000_000L / rate;
                for (long wait = due - System.nanoTime(); wait > 0 && !stop; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                Msg m = Msg.of(Stamp.message(producer, epoch, seq, 10, 0, 100, random));
                while (!stop && !socket.send(m, Duration.ofMillis(50))) {
                    m = Msg.of(Stamp.message(producer, epoch, seq, 10, 0, 100, new SplittableRandom(seq)));
                }
                if (stop) {
                    break;
                }
                sent = seq + 1;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            socket.close();
        }
    }

    long sent() {
        return sent;
    }

    /**
     * Waits for the sender to send everything (or to be stopped).
     *
     * @param timeout the longest wait
     * @return how many it sent
     */
    long finish(Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw new AssertionError("sender failed", failure);
        }
        return sent;
    }

    /** Stops sending and waits for the thread to end (it closes the socket). */
    void stop() {
        stop = true;
        finish(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop();
    }
}
