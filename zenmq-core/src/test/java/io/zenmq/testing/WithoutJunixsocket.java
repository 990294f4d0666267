// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.time.Duration;

/**
 * Run in a JVM whose class path lacks junixsocket: prints what binding {@code args[0]} (an
 * abstract name) gives, then checks that tcp and file ipc still work ({@code args[1]}, a path).
 * One line per result on stdout, so that the calling test needs no other protocol.
 */
public final class WithoutJunixsocket {
    private WithoutJunixsocket() {
    }

    /**
     * Runs the checks.
     *
     * @param args an abstract ipc endpoint, then a file ipc endpoint
     */
    public static void main(String[] args) {
        try (Context ctx = Context.create()) {
            Socket pull = ctx.socket(SocketType.PULL);
            try {
                pull.bind(args[0]);
                System.out.println("bound");
            } catch (ZmqException e) {
                System.out.println(e.code() + " " + e.getMessage());
            }
            for (String endpoint : new String[] {"tcp://127.0.0.1:*", args[1]}) {
                Socket push = ctx.socket(SocketType.PUSH);
                push.connect(pull.bind(endpoint));
                push.send("over " + endpoint);
                System.out.println(pull.recvString(Duration.ofSeconds(10)));
                push.close();
            }
        }
    }
}
