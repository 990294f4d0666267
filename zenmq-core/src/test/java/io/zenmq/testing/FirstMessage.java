// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import io.zenmq.Context;
import io.zenmq.Socket;
import io.zenmq.SocketType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Child JVM main: what a short program does in a fresh JVM. It binds a PULL, connects a PUSH over
 * the transport named by its first argument ({@code inproc}, {@code ipc} or {@code tcp}), sends one
 * message and prints {@code RECEIVED <size>} once it arrives (or {@code TIMEOUT}). Run by
 * {@code ColdStartTest} (see {@link ChildJvm}).
 */
public final class FirstMessage {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private FirstMessage() {
    }

    /**
     * Sends and receives the message.
     *
     * @param args the transport
     * @throws IOException if the ipc directory cannot be made
     */
    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("zenmq-first");
        String endpoint = switch (args[0]) {
            case "inproc" -> "inproc://first";
            case "ipc" -> "ipc://" + dir.resolve("first.sock");
            default -> "tcp://127.0.0.1:*";
        };
        try (Context ctx = Context.create()) {
            Socket pull = ctx.socket(SocketType.PULL);
            Socket push = ctx.socket(SocketType.PUSH);
            push.connect(pull.bind(endpoint));
            push.send("first".getBytes(StandardCharsets.US_ASCII));
            byte[] message = pull.recv(WAIT);
            out.println(message == null ? "TIMEOUT" : "RECEIVED " + message.length);
        } finally {
            Files.deleteIfExists(dir.resolve("first.sock"));
            Files.delete(dir);
        }
    }
}
