// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.SocketOptions;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Lazy Pirate, the client side of reliable request-reply: a REQ socket that does not wait forever.
 * If no reply comes within the timeout it closes the socket (a REQ that sent a request can only
 * receive, and would wait for ever), opens a new one and sends the request again, up to RETRIES
 * times, then gives up. The server must tolerate a request twice (here it just echoes it).
 * Works against {@link LazyPirateServer}, {@link SimplePirateQueue} and
 * {@link ParanoidPirateQueue}.
 *
 * <pre>bin/zenmq-example lp-client [ENDPOINT=tcp://localhost:5555] [REQUESTS=10] [TIMEOUT-MS=2500] [RETRIES=3]</pre>
 */
public final class LazyPirateClient {
    private LazyPirateClient() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> run(ctx, a.text(0, "tcp://localhost:5555"), a.number(1, 10), a.millis(2, 2500),
                a.number(3, 3), System.out));
    }

    /** Sends {@code requests} numbered requests; returns how many got their reply. */
    public static int run(Context ctx, String endpoint, int requests, Duration timeout, int retries,
            PrintStream out) {
        Socket req = open(ctx, endpoint);
        try {
            for (int sequence = 1; sequence <= requests; sequence++) {
                String request = Integer.toString(sequence);
                req.send(request);
                int retriesLeft = retries;
                while (true) {
                    String reply = req.recvString(timeout);
                    if (request.equals(reply)) {
                        out.println("lp-client: server replied OK (" + reply + ")");
                        break;
                    }
                    if (reply != null) {
                        out.println("lp-client: malformed reply from server: " + reply);
                        continue;
                    }
                    if (retriesLeft-- == 0) {
                        out.println("lp-client: server seems to be offline, abandoning");
                        return sequence - 1;
                    }
                    out.println("lp-client: no response from server, retrying (" + request + ")");
                    req.close();                         // LINGER 0: drop the unanswered request
                    req = open(ctx, endpoint);
                    req.send(request);
                }
            }
            return requests;
        } finally {
            req.close();
        }
    }

    private static Socket open(Context ctx, String endpoint) {
        Socket req = ctx.socket(SocketType.REQ).set(SocketOptions.LINGER, Duration.ZERO);
        req.connect(endpoint);
        return req;
    }
}
