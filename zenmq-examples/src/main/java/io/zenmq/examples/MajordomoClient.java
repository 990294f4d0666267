// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Majordomo, a client (MDP/0.2, see {@link Mdp}): sends requests to a named service through the
 * {@link MajordomoBroker} and reads the partial replies up to the final one. A DEALER, because one
 * request may bring several replies. Like the {@link LazyPirateClient} it retries a request that
 * got no reply within the timeout on a fresh socket, RETRIES times.
 *
 * <pre>bin/zenmq-example md-client [BROKER=tcp://localhost:5555] [SERVICE=echo] [REQUESTS=10] [TIMEOUT-MS=2500] [RETRIES=3]</pre>
 */
public final class MajordomoClient implements AutoCloseable {
    private final Context ctx;
    private final String broker;
    private final Duration timeout;
    private final int retries;
    private Socket socket;

    /** Connects to the broker; requests wait at most {@code timeout} for each reply, {@code retries} times. */
    public MajordomoClient(Context ctx, String broker, Duration timeout, int retries) {
        this.ctx = ctx;
        this.broker = broker;
        this.timeout = timeout;
        this.retries = retries;
        this.socket = open();
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> run(ctx, a.text(0, "tcp://localhost:5555"), a.text(1, "echo"), a.number(2, 10),
                a.millis(3, 2500), a.number(4, 3), System.out));
    }

    /** Sends {@code requests} numbered requests; returns how many got their final reply. */
    public static int run(Context ctx, String broker, String service, int requests, Duration timeout, int retries,
            PrintStream out) {
        try (MajordomoClient client = new MajordomoClient(ctx, broker, timeout, retries)) {
            for (int i = 1; i <= requests; i++) {
                List<String> replies = client.request(service, "request " + i);
                if (replies == null) {
                    out.println("md-client: no reply for request " + i + ", abandoning");
                    return i - 1;
                }
                out.println("md-client: " + service + " replied " + replies);
            }
            return requests;
        }
    }

    /**
     * Sends one request and returns its replies, partial ones first and the final one last, or null
     * if every try timed out.
     */
    public List<String> request(String service, String body) {
        byte[] name = service.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                socket.close();                          // drop the request and any late reply to it
                socket = open();
            }
            socket.send(Msg.of(Mdp.EMPTY, Mdp.CLIENT, Mdp.CLIENT_REQUEST, name, body.getBytes(StandardCharsets.UTF_8)));
            List<String> replies = new ArrayList<>();
            while (true) {
                Msg reply = socket.recvMsg(timeout);      // [][MDPC02][PARTIAL|FINAL][service][body]
                if (reply == null) {
                    break;
                }
                replies.add(reply.string(4));
                if (Mdp.is(reply.frame(2), Mdp.CLIENT_FINAL)) {
                    return replies;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        socket.close();
    }

    private Socket open() {
        Socket dealer = ctx.socket(SocketType.DEALER).set(SocketOptions.LINGER, Duration.ZERO);
        dealer.connect(broker);
        return dealer;
    }
}
