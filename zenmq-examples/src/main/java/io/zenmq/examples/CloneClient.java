// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Clone, a client: keeps a copy of the {@link CloneServer}'s key-value store. It subscribes to
 * the updates and waits for the server's welcome before asking for the snapshot, so no change
 * falls between the two, and then applies
 * only updates newer than the snapshot. {@link #set} sends a change to the server, which comes
 * back to every client (this one too) as an update.
 *
 * <pre>bin/zenmq-example clone-client [SNAPSHOT=tcp://localhost:5556] [UPDATES=tcp://localhost:5557] [COLLECTOR=tcp://localhost:5558] [KEY=VALUE ...]</pre>
 *
 * <p>From the command line it prints the snapshot, sends the given changes, and then prints
 * every update until stopped.
 */
public final class CloneClient implements AutoCloseable {
    private final Socket snapshot;
    private final Socket updates;
    private final Socket changes;
    private final Map<String, String> state = new TreeMap<>();
    private long sequence;

    /** Connects to the server's three endpoints and loads the snapshot. */
    public CloneClient(Context ctx, String snapshotEndpoint, String updatesEndpoint, String collectorEndpoint) {
        updates = ctx.socket(SocketType.SUB).subscribe("");
        updates.connect(updatesEndpoint);
        // the server's welcome proves the subscription is in place: from here on no update is missed
        if (!Arrays.equals(updates.recv(), CloneServer.WELCOME)) {
            throw new IllegalStateException("not a clone server: no welcome on " + updatesEndpoint);
        }
        snapshot = ctx.socket(SocketType.DEALER);
        snapshot.connect(snapshotEndpoint);
        changes = ctx.socket(SocketType.PUSH);
        changes.connect(collectorEndpoint);
        snapshot.send(CloneServer.SNAPSHOT_REQUEST);
        while (true) {
            Msg entry = snapshot.recvMsg();
            sequence = CloneServer.sequence(entry);
            if (entry.string(0).equals(CloneServer.SNAPSHOT_END)) {
                break;
            }
            state.put(entry.string(0), entry.string(2));
        }
    }

    public static void main(String[] args) {
        Args a = Args.of(args);
        Run.withContext(ctx -> {
            try (CloneClient client = new CloneClient(ctx, a.text(0, "tcp://localhost:5556"),
                    a.text(1, "tcp://localhost:5557"), a.text(2, "tcp://localhost:5558"))) {
                System.out.println("clone-client: snapshot at " + client.sequence() + ": " + client.state());
                for (String pair : a.from(3)) {
                    int eq = pair.indexOf('=');
                    client.set(pair.substring(0, eq), pair.substring(eq + 1));
                }
                while (true) {
                    client.awaitUpdate(null);
                    System.out.println("clone-client: " + client.sequence() + ": " + client.state());
                }
            }
        });
    }

    /** Sends a change to the server; it is applied here when its update comes back. */
    public void set(String key, String value) {
        changes.send(Msg.of(key.getBytes(StandardCharsets.UTF_8), new byte[0], value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Waits for the next update newer than the local copy and applies it.
     *
     * @param timeout the longest wait, null for no limit
     * @return false if the timeout passed first
     */
    public boolean awaitUpdate(Duration timeout) {
        while (true) {
            Msg update = timeout == null ? updates.recvMsg() : updates.recvMsg(timeout);
            if (update == null) {
                return false;
            }
            long number = CloneServer.sequence(update);
            if (number > sequence) {                        // older ones are in the snapshot already
                sequence = number;
                state.put(update.string(0), update.string(2));
                return true;
            }
        }
    }

    /** The local copy of the store. */
    public Map<String, String> state() {
        return Collections.unmodifiableMap(new TreeMap<>(state));
    }

    /** The number of the last change in the local copy. */
    public long sequence() {
        return sequence;
    }

    @Override
    public void close() {
        snapshot.close();
        updates.close();
        changes.close();
    }
}
