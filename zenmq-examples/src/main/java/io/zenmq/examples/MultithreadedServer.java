// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Proxy;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.io.PrintStream;

/**
 * A multithreaded server: one ROUTER faces the clients, a {@link Proxy} passes requests to a DEALER
 * bound at {@code inproc://workers}, and N threads each serve one REP socket connected there. Each
 * socket stays on the thread that made it (a socket is not thread-safe); the threads share only the
 * {@link Context}, which is. Clients: {@link HelloClient}.
 *
 * <pre>bin/zenmq-example mt-server [ENDPOINT=tcp://*:5555] [THREADS=4]</pre>
 */
public final class MultithreadedServer {
    private MultithreadedServer() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> serve(ctx, a.text(0, "tcp://*:5555"), a.number(1, 4), System.out));
    }

    /** Serves until the context is closed; the worker threads end with it. */
    public static void serve(Context ctx, String endpoint, int threads, PrintStream out) {
        try (Socket clients = ctx.socket(SocketType.ROUTER);
             Socket workers = ctx.socket(SocketType.DEALER)) {
            out.println("mt-server: bound " + clients.bind(endpoint));
            workers.bind("inproc://workers");           // inproc: bind before the workers connect
            for (int i = 1; i <= threads; i++) {
                String name = "mt-worker-" + i;
                Thread worker = new Thread(() -> work(ctx, name, out), name);
                worker.setDaemon(true);
                worker.start();
            }
            Proxy.of(clients, workers).run();
        }
    }

    private static void work(Context ctx, String name, PrintStream out) {
        try (Socket rep = ctx.socket(SocketType.REP)) {   // made on the thread that uses it
            rep.connect("inproc://workers");
            BackendWorker.serve(rep, name, out);
        } catch (ZmqException e) {
            if (!Run.stopped(e)) {
                throw e;
            }
        }
    }
}
