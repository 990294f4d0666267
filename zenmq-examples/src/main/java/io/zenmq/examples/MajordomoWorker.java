// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Poller;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Majordomo, a worker (MDP/0.2, see {@link Mdp}): a DEALER that offers one service to the
 * {@link MajordomoBroker}. The service here echoes the request, after PARTIALS partial replies
 * ("part 1", ...). Worker and broker heartbeat each other; when the broker is silent for
 * {@link Mdp#LIVENESS} intervals, or says DISCONNECT, the worker connects a fresh socket and
 * registers again. It "crashes" (returns without replying) on the request after CRASH-AFTER
 * replies.
 *
 * <pre>bin/zenmq-example md-worker [BROKER=tcp://localhost:5555] [SERVICE=echo] [HEARTBEAT-MS=2500] [PARTIALS=0] [CRASH-AFTER=0, never]</pre>
 */
public final class MajordomoWorker {
    private MajordomoWorker() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> work(ctx, a.text(0, "tcp://localhost:5555"), a.text(1, "echo"), a.millis(2, 2500),
                a.number(3, 0), a.number(4, 0), System.out));
    }

    /** Serves requests until the crash (if {@code crashAfter > 0}) or until the context is closed. */
    public static void work(Context ctx, String broker, String service, Duration heartbeat, int partials,
            int crashAfter, PrintStream out) {
        long interval = heartbeat.toNanos();
        int served = 0;
        Socket worker = register(ctx, broker, service);
        try (Poller poller = new Poller()) {
            poller.register(worker, Poller.IN);
            int liveness = Mdp.LIVENESS;
            long nextHeartbeat = System.nanoTime() + interval;
            while (true) {
                boolean reconnect = false;
                if (poller.poll(heartbeat) > 0) {
                    Msg msg = worker.recvMsg();           // [][MDPW02][command]...
                    liveness = Mdp.LIVENESS;
                    msg.pop();
                    msg.pop();
                    byte[] command = msg.pop();
                    if (Mdp.is(command, Mdp.WORKER_REQUEST)) {
                        byte[] client = msg.unwrap();     // msg is now the body
                        if (crashAfter > 0 && served == crashAfter) {
                            out.println("md-worker: simulating a crash on " + msg.string(0));
                            return;
                        }
                        for (int i = 1; i <= partials; i++) {
                            worker.send(reply(Mdp.WORKER_PARTIAL, client, Msg.of("part " + i)));
                        }
                        out.println("md-worker: " + service + " reply (" + msg.string(0) + ")");
                        worker.send(reply(Mdp.WORKER_FINAL, client, msg));
                        served++;
                    } else if (Mdp.is(command, Mdp.WORKER_DISCONNECT)) {
                        reconnect = true;
                    }
                } else if (--liveness == 0) {
                    out.println("md-worker: broker silent, reconnecting");
                    reconnect = true;
                }
                if (reconnect) {
                    poller.unregister(worker);
                    worker.close();
                    worker = register(ctx, broker, service);
                    poller.register(worker, Poller.IN);
                    liveness = Mdp.LIVENESS;
                }
                if (System.nanoTime() - nextHeartbeat >= 0) {
                    worker.send(Msg.of(Mdp.EMPTY, Mdp.WORKER, Mdp.WORKER_HEARTBEAT));
                    nextHeartbeat = System.nanoTime() + interval;
                }
            }
        } finally {
            worker.close();
        }
    }

    /** {@code [][MDPW02][PARTIAL|FINAL][client][][body...]}. */
    private static Msg reply(byte[] command, byte[] client, Msg body) {
        body.wrap(client);
        body.push(command);
        body.push(Mdp.WORKER);
        body.push(Mdp.EMPTY);
        return body;
    }

    private static Socket register(Context ctx, String broker, String service) {
        Socket worker = ctx.socket(SocketType.DEALER).set(SocketOptions.LINGER, Duration.ZERO);
        worker.connect(broker);
        worker.send(Msg.of(Mdp.EMPTY, Mdp.WORKER, Mdp.WORKER_READY, service.getBytes(StandardCharsets.UTF_8)));
        return worker;
    }
}
