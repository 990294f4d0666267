// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A DEALER connected to {@code inproc://zeromq.zap.01} that sends ZAP requests frame by frame as
 * libzmq 4.3's ZAP client does (empty delimiter, {@code 1.0}, request id, domain, address,
 * identity, mechanism, credentials) and reads the replies.
 */
public final class RawZapClient implements AutoCloseable {
    public static final String ENDPOINT = "inproc://zeromq.zap.01";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Socket dealer;

    public RawZapClient(Context ctx) {
        this.dealer = ctx.socket(SocketType.DEALER);
        dealer.connect(ENDPOINT);
    }

    /** Sends the frames exactly as given (no delimiter is added). */
    public void sendFrames(byte[]... frames) {
        dealer.send(Msg.of(frames));
    }

    /** Sends a request as libzmq does, with request id {@code 1} and empty domain and identity. */
    public void send(String mechanism, String address, byte[]... credentials) {
        send("1", "", address, mechanism, credentials);
    }

    /** Sends a request as libzmq does. */
    public void send(String requestId, String domain, String address, String mechanism, byte[]... credentials) {
        List<byte[]> frames = new ArrayList<>(List.of(bytes(""), bytes("1.0"), bytes(requestId), bytes(domain),
                bytes(address), bytes(""), bytes(mechanism)));
        frames.addAll(Arrays.asList(credentials));
        sendFrames(frames.toArray(new byte[0][]));
    }

    /** Sends a request and waits for its reply. */
    public Msg request(String mechanism, String address, byte[]... credentials) {
        send(mechanism, address, credentials);
        return receive();
    }

    /** Sends a PLAIN request with request id 1 and waits for the reply. */
    public Msg plain(String address, String username, String password) {
        return request("PLAIN", address, bytes(username), bytes(password));
    }

    /** Waits for the next reply. */
    public Msg receive() {
        Msg reply = dealer.recvMsg(WAIT);
        if (reply == null) {
            throw new AssertionError("no ZAP reply within " + WAIT);
        }
        return reply;
    }

    public static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    @Override
    public void close() {
        dealer.close();
    }
}
