// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Option;
import io.zenmq.Poller;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Simple Pirate, the queue: a load-balancing broker with a ROUTER on each side. Workers announce
 * themselves with "READY" and, after that, with each reply; the queue keeps the ready ones in a
 * line and gives each request to the one that has waited longest. It reads clients only while a
 * worker is free, so requests wait in the clients' queues, not in a dead worker's. A worker that
 * dies holding a request simply never comes back into the line; the {@link LazyPirateClient}'s
 * retry then goes to another one.
 *
 * <pre>bin/zenmq-example sp-queue [FRONTEND=tcp://*:5555] [BACKEND=tcp://*:5556]</pre>
 */
public final class SimplePirateQueue {
    /** The one-frame message a worker sends when it starts. */
    static final String READY = "READY";
    private static final byte[] READY_BYTES = READY.getBytes(StandardCharsets.UTF_8);

    private SimplePirateQueue() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> run(ctx, a.text(0, "tcp://*:5555"), a.text(1, "tcp://*:5556"), System.out));
    }

    /** Runs the queue until the context is closed. */
    public static void run(Context ctx, String frontendEndpoint, String backendEndpoint, PrintStream out) {
        try (Socket frontend = ctx.socket(SocketType.ROUTER);
             Socket backend = ctx.socket(SocketType.ROUTER);
             Poller poller = new Poller()) {
            out.println("sp-queue: clients on " + frontend.bind(frontendEndpoint)
                    + ", workers on " + backend.bind(backendEndpoint));
            poller.register(backend, Poller.IN);
            poller.register(frontend, 0);
            Deque<byte[]> ready = new ArrayDeque<>();
            while (true) {
                poller.poll(Option.INFINITE);
                if (poller.isReadable(backend)) {
                    Msg msg = backend.recvMsg();        // [worker][][READY] or [worker][][client][][reply]
                    ready.addLast(msg.unwrap());
                    if (!(msg.size() == 1 && Arrays.equals(msg.first(), READY_BYTES))) {
                        frontend.send(msg);              // [client][][reply]
                    }
                }
                if (poller.isReadable(frontend)) {
                    Msg request = frontend.recvMsg();   // [client][][request]
                    backend.send(request.wrap(ready.removeFirst()));
                }
                poller.modify(frontend, ready.isEmpty() ? 0 : Poller.IN);
            }
        }
    }
}
