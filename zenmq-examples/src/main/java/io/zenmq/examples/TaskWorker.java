// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;

/**
 * Pipeline, a worker: pulls tasks from the {@link Ventilator}, does them and pushes each result to
 * the {@link Sink}. Start as many as you like; each gets a fair share.
 *
 * <pre>bin/zenmq-example task-worker [TASKS=tcp://localhost:5557] [SINK=tcp://localhost:5558]</pre>
 */
public final class TaskWorker {
    private TaskWorker() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> work(ctx, a.text(0, "tcp://localhost:5557"), a.text(1, "tcp://localhost:5558"),
                System.out));
    }

    /** Works until the context is closed. */
    public static void work(Context ctx, String tasksEndpoint, String sinkEndpoint, PrintStream out) {
        try (Socket tasks = ctx.socket(SocketType.PULL);
             Socket results = ctx.socket(SocketType.PUSH)) {
            tasks.connect(tasksEndpoint);
            results.connect(sinkEndpoint);
            while (true) {
                int limit = Integer.parseInt(tasks.recvString());
                results.send(Integer.toString(primesBelow(limit)));
                out.print('.');
                out.flush();
            }
        }
    }

    /** The work itself: deliberately plain trial division. */
    static int primesBelow(int limit) {
        int count = 0;
        for (int n = 2; n < limit; n++) {
            boolean prime = true;
            for (int d = 2; d * d <= n; d++) {
                if (n % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                count++;
            }
        }
        return count;
    }
}
