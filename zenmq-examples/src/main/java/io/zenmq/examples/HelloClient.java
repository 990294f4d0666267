// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Request-reply, the client: a REQ socket sends "Hello" and waits for each reply. Works against
 * {@link HelloServer}, and against the brokers ({@link RequestReplyBroker}, {@link ProxyBroker},
 * {@link MultithreadedServer}), which answer the same way.
 *
 * <pre>bin/zenmq-example hello-client [ENDPOINT=tcp://localhost:5555] [REQUESTS=10]</pre>
 */
public final class HelloClient {
    private HelloClient() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> request(ctx, a.text(0, "tcp://localhost:5555"), a.number(1, 10), System.out));
    }

    /** Sends {@code count} requests, one at a time, and returns the replies. */
    public static List<String> request(Context ctx, String endpoint, int count, PrintStream out) {
        List<String> replies = new ArrayList<>();
        try (Socket req = ctx.socket(SocketType.REQ)) {
            req.connect(endpoint);                      // fine before the server is up: it reconnects
            for (int i = 1; i <= count; i++) {
                req.send("Hello " + i);
                String reply = req.recvString();
                out.println("hello-client: " + i + " -> " + reply);
                replies.add(reply);
            }
        }
        return replies;
    }
}
