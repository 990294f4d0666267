// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.SocketOptions;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Simple Pirate, a worker: a REQ socket connected to the {@link SimplePirateQueue}'s backend. It
 * says "READY", then each request arrives as {@code [client][][request]} and the reply goes back
 * with the same envelope (which also tells the queue the worker is free again). It echoes the
 * request, and "crashes" (returns without replying) on the request after CRASH-AFTER replies.
 *
 * <pre>bin/zenmq-example sp-worker [BACKEND=tcp://localhost:5556] [CRASH-AFTER=0, never]</pre>
 */
public final class SimplePirateWorker {
    private SimplePirateWorker() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> work(ctx, a.text(0, "tcp://localhost:5556"), a.number(1, 0), System.out));
    }

    /** Works until the crash (if {@code crashAfter > 0}) or until the context is closed. */
    public static void work(Context ctx, String backend, int crashAfter, PrintStream out) {
        try (Socket worker = ctx.socket(SocketType.REQ).set(SocketOptions.LINGER, Duration.ZERO)) {
            worker.connect(backend);
            worker.send(SimplePirateQueue.READY);
            for (int served = 0; ; served++) {
                Msg request = worker.recvMsg();          // [client][][request]
                if (crashAfter > 0 && served == crashAfter) {
                    out.println("sp-worker: simulating a crash on request " + request.string(request.size() - 1));
                    return;
                }
                out.println("sp-worker: normal reply (" + request.string(request.size() - 1) + ")");
                worker.send(request);                    // echo, envelope and all
            }
        }
    }
}
