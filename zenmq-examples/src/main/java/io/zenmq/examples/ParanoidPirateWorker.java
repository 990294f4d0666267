// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Poller;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Paranoid Pirate, a worker: a DEALER that tells the {@link ParanoidPirateQueue} it is READY,
 * heartbeats it every interval, and watches the queue's heartbeats in turn. When the queue has
 * been silent for {@link ParanoidPirate#LIVENESS} intervals it assumes the queue died, waits (one
 * interval, doubling on each further failure up to 32 intervals), and connects a fresh socket. It
 * echoes each request, and "crashes" (returns without replying) on the request after CRASH-AFTER
 * replies.
 *
 * <pre>bin/zenmq-example pp-worker [BACKEND=tcp://localhost:5556] [HEARTBEAT-MS=1000] [CRASH-AFTER=0, never]</pre>
 */
public final class ParanoidPirateWorker {
    private static final int MAX_BACKOFF = 32;

    private ParanoidPirateWorker() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> work(ctx, a.text(0, "tcp://localhost:5556"), a.millis(1, 1000), a.number(2, 0),
                System.out));
    }

    /** Works until the crash (if {@code crashAfter > 0}) or until the context is closed. */
    public static void work(Context ctx, String backend, Duration heartbeat, int crashAfter, PrintStream out) {
        long interval = heartbeat.toNanos();
        int served = 0;
        int backoff = 1;
        Socket worker = open(ctx, backend);
        try (Poller poller = new Poller()) {
            poller.register(worker, Poller.IN);
            int liveness = ParanoidPirate.LIVENESS;
            long nextHeartbeat = System.nanoTime() + interval;
            while (true) {
                if (poller.poll(heartbeat) > 0) {
                    Msg msg = worker.recvMsg();
                    liveness = ParanoidPirate.LIVENESS;
                    backoff = 1;
                    if (msg.size() == 3) {               // [client][][request]
                        if (crashAfter > 0 && served == crashAfter) {
                            out.println("pp-worker: simulating a crash on request " + msg.string(2));
                            return;
                        }
                        out.println("pp-worker: normal reply (" + msg.string(2) + ")");
                        worker.send(msg);
                        served++;
                    } else if (!(msg.size() == 1 && ParanoidPirate.isCommand(msg.first(), ParanoidPirate.HEARTBEAT))) {
                        out.println("pp-worker: invalid message " + msg);
                    }
                } else if (--liveness == 0) {
                    out.println("pp-worker: queue silent, reconnecting in " + backoff + " heartbeat(s)");
                    // pause on the old socket: closing the context still ends the wait (ETERM)
                    worker.recvMsg(heartbeat.multipliedBy(backoff));
                    backoff = Math.min(backoff * 2, MAX_BACKOFF);
                    poller.unregister(worker);
                    worker.close();
                    worker = open(ctx, backend);
                    poller.register(worker, Poller.IN);
                    liveness = ParanoidPirate.LIVENESS;
                }
                if (System.nanoTime() - nextHeartbeat >= 0) {
                    worker.send(ParanoidPirate.HEARTBEAT);
                    nextHeartbeat = System.nanoTime() + interval;
                }
            }
        } finally {
            worker.close();
        }
    }

    private static Socket open(Context ctx, String backend) {
        Socket worker = ctx.socket(SocketType.DEALER).set(SocketOptions.LINGER, Duration.ZERO);
        worker.connect(backend);
        worker.send(ParanoidPirate.READY);
        return worker;
    }
}
