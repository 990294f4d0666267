// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.proc;

import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.reliability.oracle.SeqChecker;
import io.zenmq.reliability.oracle.Verdict;
import java.time.Duration;
import java.util.List;

/**
 * Receives on a socket in this JVM and feeds every message to a {@link SeqChecker} until
 * stopped. Owner: its own thread, which takes the socket over at start and closes it at the end.
 */
final class LocalReceiver implements AutoCloseable {
    private final Socket socket;
    private final boolean router;
    private final SeqChecker checker = new SeqChecker();
    private final Thread thread;
    private volatile boolean stop;
    private volatile long received;
    private volatile Throwable failure;

    LocalReceiver(Socket socket, boolean router) {
        this.socket = socket;
        this.router = router;
        this.thread = new Thread(this::run, "local-receiver");
        thread.start();
    }

    private void run() {
        try {
            while (!stop) {
                Msg m = socket.recvMsg(Duration.ofMillis(50));
                if (m == null) {
                    continue;
                }
                List<byte[]> frames = m.frames();
                byte[][] parts = frames.subList(router ? 1 : 0, frames.size()).toArray(new byte[0][]);
                checker.accept(parts, parts.length);
                received++;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            socket.close();
        }
    }

    long received() {
        return received;
    }

    /**
     * Stops, then applies what each producer said it sent.
     *
     * @param expectations triples (producer, epoch, sent)
     * @return the verdict
     */
    Verdict stop(long... expectations) {
        close();
        for (int i = 0; i + 2 < expectations.length; i += 3) {
            checker.expect((int) expectations[i], (int) expectations[i + 1], expectations[i + 2]);
        }
        if (failure != null) {
            throw new AssertionError("receiver failed", failure);
        }
        return checker.verdict();
    }

    @Override
    public void close() {
        stop = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
