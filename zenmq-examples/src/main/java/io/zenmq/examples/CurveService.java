// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Authenticator;
import io.zenmq.Context;
import io.zenmq.CurveKeyPair;
import io.zenmq.EventType;
import io.zenmq.Option;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZapService;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;

/**
 * A CURVE-secured service in one program: the server has a key pair, the client knows the
 * server's public key, and an {@link Authenticator} (the context's ZAP handler) admits only the
 * client keys it was given. A known client gets its reply, encrypted on the wire; an unknown one
 * is refused during the handshake, which the server's monitor reports as
 * {@link EventType#HANDSHAKE_FAILED_AUTH}. Keys would normally come from certificate files
 * ({@code bin/zenmq keygen --cert PATH}, {@code CurveCertificate.load}); here they are made on
 * the spot.
 *
 * <pre>bin/zenmq-example curve-service [ENDPOINT=tcp://127.0.0.1:*]</pre>
 */
public final class CurveService {
    private CurveService() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> run(ctx, a.text(0, "tcp://127.0.0.1:*"), System.out));
    }

    /** Serves one trusted client and refuses one unknown client; returns the trusted client's reply. */
    public static String run(Context ctx, String endpoint, PrintStream out) {
        CurveKeyPair serverKeys = CurveKeyPair.generate();
        CurveKeyPair trustedKeys = CurveKeyPair.generate();
        CurveKeyPair unknownKeys = CurveKeyPair.generate();
        Authenticator auth = new Authenticator().curveKey(trustedKeys.publicKey());
        ZapService zap = ctx.zapHandler(auth);          // serves this context's CURVE servers from now on
        try (Socket server = ctx.socket(SocketType.REP)
                     .set(SocketOptions.CURVE_SERVER, true)
                     .set(SocketOptions.CURVE_SECRETKEY, serverKeys.secretKey());
             SocketMonitor monitor = server.monitor(EnumSet.of(EventType.HANDSHAKE_SUCCEEDED,
                     EventType.HANDSHAKE_FAILED_AUTH))) {
            String bound = server.bind(endpoint);
            out.println("curve-service: server " + serverKeys.publicKeyZ85() + " bound " + bound);

            try (Socket trusted = client(ctx, serverKeys, trustedKeys, bound)) {
                trusted.send("Hello");
                out.println("curve-service: server got " + server.recvString() + " from a trusted client");
                server.send("World");
                String reply = trusted.recvString();
                out.println("curve-service: trusted client got " + reply);

                try (Socket unknown = client(ctx, serverKeys, unknownKeys, bound)) {
                    unknown.send("Hello");               // queued, never delivered: the handshake fails
                    SocketEvent event;
                    do {
                        event = monitor.next(Option.INFINITE);
                if (event == null) {
                    throw new IllegalStateException("the monitor ended early");
                }
                        out.println("curve-service: server event " + event.type());
                    } while (event.type() != EventType.HANDSHAKE_FAILED_AUTH);
                    out.println("curve-service: unknown client " + unknownKeys.publicKeyZ85() + " refused");
                }
                return reply;
            }
        } finally {
            zap.close();
        }
    }

    private static Socket client(Context ctx, CurveKeyPair server, CurveKeyPair own, String endpoint) {
        Socket client = ctx.socket(SocketType.REQ)
                .set(SocketOptions.CURVE_SERVERKEY, server.publicKey())
                .set(SocketOptions.CURVE_PUBLICKEY, own.publicKey())
                .set(SocketOptions.CURVE_SECRETKEY, own.secretKey())
                .set(SocketOptions.LINGER, Duration.ZERO);
        client.connect(endpoint);
        return client;
    }
}
