// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * A raw ZAP handler for engine tests: a ROUTER at {@code inproc://zeromq.zap.01} that records each
 * request and answers with the frames a decision function gives (RFC 27 reply after the
 * envelope). It ends when its context closes.
 */
public final class ZapStub implements AutoCloseable {
    /** Frames 1.. of a request as the handler sees them after routing id and delimiter. */
    public final BlockingQueue<List<String>> requests = new LinkedBlockingQueue<>();
    private final Thread thread;

    private ZapStub(Socket router, Function<List<String>, String[]> decide) {
        thread = new Thread(() -> serve(router, decide), "zap-stub");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts a handler; the decision returns {status, userId, metadata-bytes-as-ISO-8859-1}.
     *
     * @param ctx the context
     * @param decide from the request frames (version onwards) to {status, user id}
     * @return the running stub
     */
    public static ZapStub start(Context ctx, Function<List<String>, String[]> decide) {
        Socket router = ctx.socket(SocketType.ROUTER);
        router.bind("inproc://zeromq.zap.01");
        return new ZapStub(router, decide);
    }

    /**
     * A handler that admits everyone as {@code user}.
     *
     * @param ctx the context
     * @param status the status to answer
     * @return the running stub
     */
    public static ZapStub answering(Context ctx, String status) {
        return start(ctx, request -> new String[] {status, status.equals("200") ? "user" : ""});
    }

    private void serve(Socket router, Function<List<String>, String[]> decide) {
        try {
            while (true) {
                Msg request = router.recvMsg();
                List<String> frames = new java.util.ArrayList<>();
                for (int i = 2; i < request.size(); i++) {
                    frames.add(new String(request.frame(i), StandardCharsets.ISO_8859_1));
                }
                requests.add(frames);
                String[] decision = decide.apply(frames);
                byte[] metadata = decision.length > 2 ? decision[2].getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
                router.send(Msg.of(request.frame(0), new byte[0], "1.0".getBytes(StandardCharsets.US_ASCII),
                        request.frame(3), decision[0].getBytes(StandardCharsets.US_ASCII),
                        "text".getBytes(StandardCharsets.US_ASCII), decision[1].getBytes(StandardCharsets.UTF_8),
                        metadata));
            }
        } catch (ZmqException e) {
            router.close();
        }
    }

    /** Waits for the thread to end (after its context closed). */
    @Override
    public void close() {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
