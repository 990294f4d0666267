// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.EventType;
import io.zenmq.Option;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Socket monitoring: a REP server with a monitor prints its events while a client connects,
 * makes one request and goes away: LISTENING, ACCEPTED, HANDSHAKE_SUCCEEDED, DISCONNECTED. The
 * same events, with libzmq's numbers, can also be published on an inproc PAIR socket
 * ({@code socket.monitor("inproc://...", events)}) for code written against libzmq's format.
 *
 * <pre>bin/zenmq-example monitor [ENDPOINT=tcp://127.0.0.1:*]</pre>
 */
public final class MonitorDemo {
    private MonitorDemo() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> run(ctx, a.text(0, "tcp://127.0.0.1:*"), System.out));
    }

    /** Returns the server's events, up to the client's disconnection. */
    public static List<EventType> run(Context ctx, String endpoint, PrintStream out) {
        List<EventType> seen = new ArrayList<>();
        try (Socket server = ctx.socket(SocketType.REP);
             SocketMonitor monitor = server.monitor(EventType.all())) {
            String bound = server.bind(endpoint);
            try (Socket client = ctx.socket(SocketType.REQ)) {
                client.connect(bound);
                client.send("ping");
                server.send(server.recvString());
                client.recvString();
            }   // the client goes away: the server sees it disconnect
            SocketEvent event;
            do {
                event = monitor.next(Option.INFINITE);
                if (event == null) {
                    throw new IllegalStateException("the monitor ended early");
                }
                out.println("monitor: " + event.type() + " " + event.endpoint() + " (value " + event.value() + ")");
                seen.add(event.type());
            } while (event.type() != EventType.DISCONNECTED);
        }
        return seen;
    }
}
