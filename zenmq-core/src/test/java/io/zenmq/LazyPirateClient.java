// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.time.Duration;

/**
 * The Lazy Pirate client of the ZeroMQ guide, on the public API alone: a REQ socket that waits
 * for each reply at most {@code timeout} in a {@link Poller}, and on silence throws the socket
 * away (a REQ cannot send twice in a row), connects a fresh one and sends the request again, up
 * to {@code retries} times. Used by one thread.
 */
final class LazyPirateClient implements AutoCloseable {
    private final Context ctx;
    private final String endpoint;
    private final Duration timeout;
    private final int retries;
    private Socket socket;
    private int attempts;

    LazyPirateClient(Context ctx, String endpoint, Duration timeout, int retries) {
        this.ctx = ctx;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.retries = retries;
        this.socket = connect();
    }

    private Socket connect() {
        Socket req = ctx.socket(SocketType.REQ);
        req.set(SocketOptions.LINGER, Duration.ZERO);
        req.connect(endpoint);
        return req;
    }

    /**
     * Sends a request and returns its reply, resending on a fresh socket after each timeout.
     *
     * @return the reply, or null once every retry went unanswered
     */
    Msg request(Msg request) {
        for (int attempt = 0; attempt <= retries; attempt++) {
            attempts++;
            socket.send(request.duplicate());  // send empties the message: keep the original
            try (Poller poller = new Poller()) {
                poller.register(socket, Poller.IN);
                if (poller.poll(timeout) > 0) {
                    return socket.recvMsg();
                }
            }
            socket.close();
            socket = connect();
        }
        return null;
    }

    /** Requests sent so far, first tries and retries. */
    int attempts() {
        return attempts;
    }

    @Override
    public void close() {
        socket.close();
    }
}
