// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Poller;
import io.zenmq.Option;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;

/**
 * A request-reply broker written by hand: clients (REQ) connect to a ROUTER, workers (REP, see
 * {@link BackendWorker}) connect to a DEALER, and a {@link Poller} loop moves whole messages
 * between them. The ROUTER puts the client's address in front of each request; the DEALER deals
 * requests to the workers in turn; the REP worker sends the envelope back untouched, so the reply
 * finds its client. {@link ProxyBroker} is the same in one call.
 *
 * <pre>bin/zenmq-example rr-broker [FRONTEND=tcp://*:5559] [BACKEND=tcp://*:5560]</pre>
 */
public final class RequestReplyBroker {
    private RequestReplyBroker() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> broker(ctx, a.text(0, "tcp://*:5559"), a.text(1, "tcp://*:5560"), System.out));
    }

    /** Runs the broker until the context is closed. */
    public static void broker(Context ctx, String frontendEndpoint, String backendEndpoint, PrintStream out) {
        try (Socket frontend = ctx.socket(SocketType.ROUTER);
             Socket backend = ctx.socket(SocketType.DEALER);
             Poller poller = new Poller()) {
            out.println("rr-broker: clients on " + frontend.bind(frontendEndpoint)
                    + ", workers on " + backend.bind(backendEndpoint));
            poller.register(frontend, Poller.IN);
            poller.register(backend, Poller.IN);
            while (true) {
                poller.poll(Option.INFINITE);
                if (poller.isReadable(frontend)) {
                    Msg request = frontend.recvMsg();   // [client address][][body]
                    backend.send(request);
                }
                if (poller.isReadable(backend)) {
                    Msg reply = backend.recvMsg();      // the same envelope, back from the worker
                    frontend.send(reply);
                }
            }
        }
    }
}
