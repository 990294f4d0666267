// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Proxy;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;

/**
 * The request-reply broker of {@link RequestReplyBroker} in one call: {@link Proxy} moves messages
 * both ways between a ROUTER for the clients and a DEALER for the workers ({@code zmq_proxy}).
 *
 * <pre>bin/zenmq-example proxy-broker [FRONTEND=tcp://*:5559] [BACKEND=tcp://*:5560]</pre>
 */
public final class ProxyBroker {
    private ProxyBroker() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> broker(ctx, a.text(0, "tcp://*:5559"), a.text(1, "tcp://*:5560"), System.out));
    }

    /** Runs the proxy on this thread until the context is closed. */
    public static void broker(Context ctx, String frontendEndpoint, String backendEndpoint, PrintStream out) {
        try (Socket frontend = ctx.socket(SocketType.ROUTER);
             Socket backend = ctx.socket(SocketType.DEALER)) {
            out.println("proxy-broker: clients on " + frontend.bind(frontendEndpoint)
                    + ", workers on " + backend.bind(backendEndpoint));
            Proxy.of(frontend, backend).run();          // returns when the context closes
        }
    }
}
