// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;

/**
 * Request-reply, the server: a REP socket answers "World" to every request until stopped.
 *
 * <pre>bin/zenmq-example hello-server [ENDPOINT=tcp://*:5555]</pre>
 */
public final class HelloServer {
    private HelloServer() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> serve(ctx, a.text(0, "tcp://*:5555"), System.out));
    }

    /** Binds a REP socket and replies until the context is closed (ETERM). */
    public static void serve(Context ctx, String endpoint, PrintStream out) {
        try (Socket rep = ctx.socket(SocketType.REP)) {
            out.println("hello-server: bound " + rep.bind(endpoint));
            while (true) {
                String request = rep.recvString();      // REP: first receive...
                out.println("hello-server: received " + request);
                rep.send("World");                      // ...then reply, strictly in turn
            }
        }
    }
}
