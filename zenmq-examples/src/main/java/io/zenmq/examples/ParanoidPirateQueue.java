// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Poller;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Paranoid Pirate, the queue: {@link SimplePirateQueue} plus heartbeats. Workers (DEALER, see
 * {@link ParanoidPirateWorker}) send READY, then a HEARTBEAT every interval while idle; the queue
 * heartbeats each ready worker back, and drops a worker it has not heard from for
 * {@link ParanoidPirate#LIVENESS} intervals, so requests stop going to a worker that died or lost
 * its network. Clients: {@link LazyPirateClient}.
 *
 * <pre>bin/zenmq-example pp-queue [FRONTEND=tcp://*:5555] [BACKEND=tcp://*:5556] [HEARTBEAT-MS=1000]</pre>
 */
public final class ParanoidPirateQueue {
    private ParanoidPirateQueue() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> run(ctx, a.text(0, "tcp://*:5555"), a.text(1, "tcp://*:5556"), a.millis(2, 1000),
                System.out));
    }

    /** A ready worker: its routing id and when it counts as dead. */
    private record Worker(byte[] address, long expiresAt) {
    }

    /** Runs the queue until the context is closed. */
    public static void run(Context ctx, String frontendEndpoint, String backendEndpoint, Duration heartbeat,
            PrintStream out) {
        long interval = heartbeat.toNanos();
        // oldest ready worker first; keyed by its address in hex
        Map<String, Worker> ready = new LinkedHashMap<>();
        try (Socket frontend = ctx.socket(SocketType.ROUTER);
             Socket backend = ctx.socket(SocketType.ROUTER);
             Poller poller = new Poller()) {
            out.println("pp-queue: clients on " + frontend.bind(frontendEndpoint)
                    + ", workers on " + backend.bind(backendEndpoint));
            poller.register(backend, Poller.IN);
            poller.register(frontend, 0);
            long nextHeartbeat = System.nanoTime() + interval;
            while (true) {
                poller.poll(heartbeat);
                long now = System.nanoTime();
                if (poller.isReadable(backend)) {
                    Msg msg = backend.recvMsg();         // [worker][READY | HEARTBEAT | client][][reply]
                    byte[] address = msg.pop();
                    String key = HexFormat.of().formatHex(address);
                    ready.remove(key);                   // any message from a worker means it is alive
                    ready.put(key, new Worker(address, now + ParanoidPirate.LIVENESS * interval));
                    if (msg.size() == 1 && ParanoidPirate.isCommand(msg.first(), ParanoidPirate.READY)) {
                        out.println("pp-queue: worker " + key + " ready");
                    } else if (msg.size() > 1) {
                        frontend.send(msg);               // [client][][reply]
                    } else if (!ParanoidPirate.isCommand(msg.first(), ParanoidPirate.HEARTBEAT)) {
                        out.println("pp-queue: invalid message from worker " + key);
                    }
                }
                if (poller.isReadable(frontend) && !ready.isEmpty()) {
                    Msg request = frontend.recvMsg();    // [client][][request]
                    Iterator<Worker> oldest = ready.values().iterator();
                    Worker worker = oldest.next();
                    oldest.remove();
                    backend.send(request.push(worker.address()));
                }
                if (now - nextHeartbeat >= 0) {
                    for (Worker worker : ready.values()) {
                        backend.send(Msg.of(worker.address(), ParanoidPirate.HEARTBEAT));
                    }
                    nextHeartbeat = now + interval;
                }
                ready.values().removeIf(worker -> {
                    boolean dead = now - worker.expiresAt() > 0;
                    if (dead) {
                        out.println("pp-queue: worker " + HexFormat.of().formatHex(worker.address()) + " expired");
                    }
                    return dead;
                });
                poller.modify(frontend, ready.isEmpty() ? 0 : Poller.IN);
            }
        }
    }
}
