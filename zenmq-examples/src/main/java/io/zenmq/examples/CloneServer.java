// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Option;
import io.zenmq.Poller;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clone, the server of a shared key-value store. It holds the state, numbering every change.
 * Clients (see {@link CloneClient}) push changes to its PULL "collector"; it numbers each one,
 * stores it and republishes it on its PUB socket. A client that joins subscribes first, then
 * asks the ROUTER "snapshot" socket for the whole state ({@code ICANHAZ?}); the snapshot ends
 * with {@code KTHXBAI} and the sequence number it is current to, so the client skips the
 * updates it already has. The publisher is an XPUB that greets each new subscriber with a
 * one-frame {@code WELCOME} ({@code XPUB_WELCOME_MSG}): a client that has read it knows it can
 * miss no update, and only then asks for the snapshot. A change is three frames: {@code [key][sequence, 8 bytes][value]}.
 *
 * <pre>bin/zenmq-example clone-server [SNAPSHOT=tcp://*:5556] [UPDATES=tcp://*:5557] [COLLECTOR=tcp://*:5558]</pre>
 */
public final class CloneServer {
    static final String SNAPSHOT_REQUEST = "ICANHAZ?";
    static final String SNAPSHOT_END = "KTHXBAI";
    /** What a new subscriber gets first: proof that its subscription has reached the server. */
    static final byte[] WELCOME = "WELCOME".getBytes(StandardCharsets.UTF_8);

    private CloneServer() {
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> serve(ctx, a.text(0, "tcp://*:5556"), a.text(1, "tcp://*:5557"),
                a.text(2, "tcp://*:5558"), System.out));
    }

    /** Serves until the context is closed. */
    public static void serve(Context ctx, String snapshotEndpoint, String updatesEndpoint, String collectorEndpoint,
            PrintStream out) {
        Map<String, byte[]> state = new TreeMap<>();
        long sequence = 0;
        try (Socket snapshot = ctx.socket(SocketType.ROUTER);
             Socket publisher = ctx.socket(SocketType.XPUB).set(SocketOptions.XPUB_WELCOME_MSG, WELCOME);
             Socket collector = ctx.socket(SocketType.PULL);
             Poller poller = new Poller()) {
            out.println("clone-server: snapshots on " + snapshot.bind(snapshotEndpoint) + ", updates on "
                    + publisher.bind(updatesEndpoint) + ", changes to " + collector.bind(collectorEndpoint));
            poller.register(snapshot, Poller.IN);
            poller.register(collector, Poller.IN);
            poller.register(publisher, Poller.IN);
            while (true) {
                poller.poll(Option.INFINITE);
                if (poller.isReadable(collector)) {
                    Msg change = collector.recvMsg();    // [key][ignored][value]
                    sequence++;
                    String key = change.string(0);
                    state.put(key, change.frame(2));
                    publisher.send(update(key, sequence, change.frame(2)));
                    out.println("clone-server: " + sequence + " " + key + "=" + change.string(2));
                }
                if (poller.isReadable(publisher)) {
                    publisher.recv();                    // a (un)subscription: XPUB hands them up; not needed here
                }
                if (poller.isReadable(snapshot)) {
                    Msg request = snapshot.recvMsg();    // [client][ICANHAZ?]
                    byte[] client = request.pop();
                    if (!SNAPSHOT_REQUEST.equals(request.popString())) {
                        continue;
                    }
                    for (Map.Entry<String, byte[]> entry : state.entrySet()) {
                        snapshot.send(update(entry.getKey(), sequence, entry.getValue()).push(client));
                    }
                    snapshot.send(update(SNAPSHOT_END, sequence, new byte[0]).push(client));
                }
            }
        }
    }

    static Msg update(String key, long sequence, byte[] value) {
        return Msg.of(key.getBytes(StandardCharsets.UTF_8), ByteBuffer.allocate(Long.BYTES).putLong(sequence).array(),
                value);
    }

    static long sequence(Msg update) {
        return ByteBuffer.wrap(update.frame(1)).getLong();
    }
}
