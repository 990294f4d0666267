// SPDX-License-Identifier: MPL-2.0
package consumer;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;

/** The README's quick start, then one message over ipc://@name (which needs junixsocket). */
public final class Main {
    private Main() {
    }

    /**
     * Prints the received message, then "ipc: ok" or "ipc: " and the error code.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (Context ctx = Context.create();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            String endpoint = pull.bind("tcp://127.0.0.1:*");
            push.connect(endpoint);
            push.send("hello");
            System.out.println(pull.recvString());
        }
        try (Context ctx = Context.create();
             Socket pull = ctx.socket(SocketType.PULL);
             Socket push = ctx.socket(SocketType.PUSH)) {
            String endpoint = pull.bind("ipc://@zenmq-consumer-" + ProcessHandle.current().pid());
            push.connect(endpoint);
            push.send("abstract");
            System.out.println("ipc: " + (pull.recvString().equals("abstract") ? "ok" : "wrong message"));
        } catch (ZmqException e) {
            System.out.println("ipc: " + e.code());
        }
    }
}
