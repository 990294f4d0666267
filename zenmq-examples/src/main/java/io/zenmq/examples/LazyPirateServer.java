// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.SocketOptions;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Lazy Pirate, a server to test the client against: a REP socket that echoes each request, and
 * that "crashes" (returns without replying) on the request after CRASH-AFTER replies, so the
 * {@link LazyPirateClient} has to retry; start it again and the client carries on.
 *
 * <pre>bin/zenmq-example lp-server [ENDPOINT=tcp://*:5555] [CRASH-AFTER=0, never]</pre>
 */
public final class LazyPirateServer {
    private LazyPirateServer() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> serve(ctx, a.text(0, "tcp://*:5555"), a.number(1, 0), System.out));
    }

    /** Echoes requests until the crash (if {@code crashAfter > 0}) or until the context is closed. */
    public static void serve(Context ctx, String endpoint, int crashAfter, PrintStream out) {
        try (Socket rep = ctx.socket(SocketType.REP).set(SocketOptions.LINGER, Duration.ZERO)) {
            out.println("lp-server: bound " + rep.bind(endpoint));
            for (int served = 0; ; served++) {
                String request = rep.recvString();
                if (crashAfter > 0 && served == crashAfter) {
                    out.println("lp-server: simulating a crash on request " + request);
                    return;
                }
                out.println("lp-server: normal request (" + request + ")");
                rep.send(request);
            }
        }
    }
}
