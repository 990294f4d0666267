// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Child JVM main: a PULL socket bound on loopback that prints {@code ENDPOINT <endpoint>}, then, for
 * each message it receives (up to the count given as first argument; the second, optional, is the
 * longest wait for each in seconds, 30 by default),
 * {@code RECEIVED <size> <first 16 bytes as text>}, and exits. Run in a small heap by the
 * out-of-memory tests (see {@link ChildJvm}).
 */
public final class SmallHeapPull {
    private SmallHeapPull() {
    }

    /**
     * Runs the receiver.
     *
     * @param args the number of messages to wait for
     */
    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        Duration wait = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 30);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Context ctx = Context.create()) {
            Socket pull = ctx.socket(SocketType.PULL);
            out.println("ENDPOINT " + pull.bind("tcp://127.0.0.1:*"));
            for (int i = 0; i < count; i++) {
                byte[] message = pull.recv(wait);
                if (message == null) {
                    out.println("TIMEOUT");
                    return;
                }
                int shown = Math.min(16, message.length);
                out.println("RECEIVED " + message.length + " " + new String(message, 0, shown, StandardCharsets.US_ASCII));
            }
        }
    }
}
