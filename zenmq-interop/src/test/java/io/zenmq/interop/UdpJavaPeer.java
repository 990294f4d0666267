// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import io.zenmq.Context;
import io.zenmq.Msg;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * zenmq as a RADIO, DISH or DGRAM speaking {@code udp-peer.js}'s line protocol, for a child JVM
 * (inside a network namespace) and for {@code bench/udp/run.sh}. Arguments and commands as
 * {@code udp-peer.js}; {@code {port}} in the endpoint becomes {@code *} (zenmq reports the port it
 * bound).
 */
public final class UdpJavaPeer {
    private UdpJavaPeer() {
    }

    /**
     * Runs the peer until {@code quit} or the end of stdin.
     *
     * @param args role, bind|connect, endpoint, options
     * @throws IOException if stdin fails
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        try (Context ctx = Context.builder().maxLinger(Duration.ofSeconds(1)).build()) {
            String role = args[0];
            SocketType type = SocketType.valueOf(role.toUpperCase(Locale.ROOT));
            Socket socket = ctx.socket(type);
            for (int i = 3; i < args.length; i++) {
                String[] kv = args[i].split("=", 2);
                switch (kv[0]) {
                    case "join":
                        for (String group : kv[1].split(",")) {
                            socket.join(group);
                        }
                        break;
                    case "hops":
                        socket.set(SocketOptions.MULTICAST_HOPS, Integer.parseInt(kv[1]));
                        break;
                    case "loop":
                        socket.set(SocketOptions.MULTICAST_LOOP, kv[1].equals("1"));
                        break;
                    case "rcvhwm":
                        socket.set(SocketOptions.RCVHWM, Integer.parseInt(kv[1]));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            String endpoint = args[2].replace("{port}", "*");
            String ready = args[1].equals("bind") ? socket.bind(endpoint) : connect(socket, endpoint);
            out.println("ready " + ready);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.isBlank() && !line.equals("quit")) {
                out.println(run(socket, type, line.trim().split(" ")));
            }
        }
    }

    private static String connect(Socket socket, String endpoint) {
        socket.connect(endpoint);
        return endpoint;
    }

    private static String run(Socket socket, SocketType type, String[] words) {
        switch (words[0]) {
            case "send": {
                int n = Integer.parseInt(words[2]);
                String text = String.join(" ", java.util.Arrays.copyOfRange(words, 3, words.length));
                Msg msg = new Msg().group(words[1]);
                for (int i = 0; i < n; i++) {
                    socket.send(msg.add(text + "-" + i));
                }
                return "sent " + n;
            }
            case "blast": {
                int n = Integer.parseInt(words[2]);
                byte[] body = new byte[Integer.parseInt(words[3])];
                java.util.Arrays.fill(body, (byte) 'a');
                Msg msg = new Msg().group(words[1]);
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    socket.send(msg.add(body));
                }
                return "sent " + n + " " + (System.nanoTime() - start) / 1e9;
            }
            case "dsend":
                socket.send(Msg.of(words[1], String.join(" ", java.util.Arrays.copyOfRange(words, 2, words.length))));
                return "sent 1";
            case "recv":
            case "echo": {
                int n = Integer.parseInt(words[1]);
                Duration wait = Duration.ofMillis(Long.parseLong(words[2]));
                StringBuilder lines = new StringBuilder();
                int count = 0;
                while (count < n) {
                    Msg msg = socket.recvMsg(wait);
                    if (msg == null) {
                        break;
                    }
                    count++;
                    if (type == SocketType.DGRAM) {
                        if (words[0].equals("echo")) {
                            socket.send(Msg.of(msg.string(0), "echo:" + msg.string(1)));
                        } else {
                            lines.append("msg ").append(msg.string(0).replace("\0", "")).append(' ').append(msg.string(1)).append('\n');
                        }
                    } else {
                        lines.append("msg ").append(msg.group()).append(' ').append(msg.string(0)).append('\n');
                    }
                }
                return lines + "done " + count;
            }
            case "count": {
                Duration wait = Duration.ofMillis(Long.parseLong(words[1]));
                int count = 0;
                long first = 0;
                long last = 0;
                while (socket.recvMsg(count == 0 ? Duration.ofSeconds(30) : wait) != null) {
                    last = System.nanoTime();
                    if (count++ == 0) {
                        first = last;
                    }
                }
                return "done " + count + " " + (last - first) / 1e9;
            }
            case "join":
                socket.join(words[1]);
                return "ok";
            case "leave":
                socket.leave(words[1]);
                return "ok";
            default:
                return "error unknown command " + words[0];
        }
    }
}
