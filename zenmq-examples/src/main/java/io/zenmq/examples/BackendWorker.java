// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;

/**
 * A worker behind a broker: a REP socket that connects (rather than binds) to the broker's backend
 * and answers "World", like {@link HelloServer}. Start several; the broker spreads the requests.
 *
 * <pre>bin/zenmq-example rr-worker [BACKEND=tcp://localhost:5560] [NAME=worker]</pre>
 */
public final class BackendWorker {
    private BackendWorker() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> serve(ctx, a.text(0, "tcp://localhost:5560"), a.text(1, "worker"), System.out));
    }

    /** Answers requests until the context is closed. */
    public static void serve(Context ctx, String backend, String name, PrintStream out) {
        try (Socket rep = ctx.socket(SocketType.REP)) {
            rep.connect(backend);
            serve(rep, name, out);
        }
    }

    /** Answers requests on a connected REP socket until its context is closed. */
    static void serve(Socket rep, String name, PrintStream out) {
        while (true) {
            String request = rep.recvString();
            out.println(name + ": received " + request);
            rep.send("World");
        }
    }
}
