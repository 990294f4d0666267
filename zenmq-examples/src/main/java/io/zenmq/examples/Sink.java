// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;

/**
 * Pipeline, the sink: collects the results of one batch of TASKS from the {@link TaskWorker}s
 * (PULL fair-queues them) and prints their total and the time taken.
 *
 * <pre>bin/zenmq-example sink [ENDPOINT=tcp://*:5558] [TASKS=100]</pre>
 */
public final class Sink {
    private Sink() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> collect(ctx, a.text(0, "tcp://*:5558"), a.number(1, 100), System.out));
    }

    /** Collects one batch of {@code tasks} results and returns their sum. */
    public static long collect(Context ctx, String endpoint, int tasks, PrintStream out) {
        try (Socket results = ctx.socket(SocketType.PULL)) {
            out.println("sink: bound " + results.bind(endpoint));
            long total = Long.parseLong(results.recvString());
            long start = System.nanoTime();              // the clock starts with the first result
            for (int i = 1; i < tasks; i++) {
                total += Long.parseLong(results.recvString());
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            out.println("sink: " + tasks + " results, total " + total + ", " + millis + " ms after the first");
            return total;
        }
    }
}
