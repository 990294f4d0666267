// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * Pipeline, the source: hands a batch of tasks out through a PUSH socket, which deals them
 * round-robin to the connected {@link TaskWorker}s; their results meet in the {@link Sink}. A
 * task is a number N; the work is counting the primes below it.
 *
 * <pre>bin/zenmq-example ventilator [ENDPOINT=tcp://*:5557] [TASKS=100]</pre>
 *
 * <p>Start the sink and the workers first: a PUSH socket with no peer waits for one (nothing is
 * lost), so the first worker to connect would otherwise get every task.
 */
public final class Ventilator {
    private Ventilator() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> ventilate(ctx, a.text(0, "tcp://*:5557"), a.number(1, 100), 42, System.out));
    }

    /** Sends {@code tasks} tasks drawn from {@code seed}. */
    public static void ventilate(Context ctx, String endpoint, int tasks, long seed, PrintStream out) {
        SplittableRandom random = new SplittableRandom(seed);
        try (Socket sender = ctx.socket(SocketType.PUSH)) {
            out.println("ventilator: bound " + sender.bind(endpoint));
            for (int i = 0; i < tasks; i++) {
                sender.send(Integer.toString(1_000 + random.nextInt(20_000)));
            }
            out.println("ventilator: sent " + tasks + " tasks");
        }   // close lingers until the queued tasks are out (LINGER), so nothing is lost on exit
    }
}
