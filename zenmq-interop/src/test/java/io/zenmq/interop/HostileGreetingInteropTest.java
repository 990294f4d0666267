// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.Context;
import io.zenmq.EventType;
import io.zenmq.Socket;
import io.zenmq.SocketEvent;
import io.zenmq.SocketMonitor;
import io.zenmq.SocketType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same hostile bytes from a raw loopback socket to a libzmq 4.3 PULL and to a zenmq PULL, both
 * monitored: which events each reports. Where zenmq knowingly differs (listed in docs/status.md,
 * "Knowingly different from libzmq") the test pins both sides, so a change on either is noticed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileGreetingInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** 0xFF, then a byte 9 with its low bit clear: an unversioned (ZMTP 1.0) peer with a 64-bit length. */
    private static final byte[] FF_GARBAGE = {(byte) 0xFF, 0x12, 0x34, 0x56, 0x78, (byte) 0x9A, (byte) 0xBC,
        (byte) 0xDE, (byte) 0xF0, 0x10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    /** A byte that is not 0xFF, read as the length of a 1.0 identity frame, and that frame. */
    private static final byte[] RANDOM_AS_ZMTP10 = {5, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'};

    @Test
    void garbageGreetingStartingWith0xFf() throws Exception {
        Libzmq.assumeAvailable();
        // libzmq: the 1.0 decoder's error is a protocol error, which it reports only as DISCONNECTED
        assertThat(libzmqEvents(FF_GARBAGE)).containsExactly("ACCEPTED", "DISCONNECTED");
        // zenmq: HANDSHAKE_FAILED_PROTOCOL with the decoder's code first (documented difference)
        assertThat(zenmqEvents(FF_GARBAGE)).containsExactly("ACCEPTED", "HANDSHAKE_FAILED_PROTOCOL", "DISCONNECTED");
    }

    @Test
    void randomBytesReadAsAZmtp10Peer() throws Exception {
        Libzmq.assumeAvailable();
        // libzmq: a 1.0 peer never has a mechanism, so its close counts as a failed handshake
        assertThat(libzmqEvents(RANDOM_AS_ZMTP10)).containsExactly("ACCEPTED", "HANDSHAKE_FAILED_NO_DETAIL",
                "DISCONNECTED");
        // zenmq: the identity frame completes the handshake (documented difference)
        assertThat(zenmqEvents(RANDOM_AS_ZMTP10)).containsExactly("ACCEPTED", "HANDSHAKE_SUCCEEDED", "DISCONNECTED");
    }

    private List<String> libzmqEvents(byte[] bytes) throws Exception {
        Path script = dir.resolve("monitored_pull.py");
        try (InputStream in = HostileGreetingInteropTest.class.getResourceAsStream("monitored_pull.py")) {
            Files.copy(in, script);
        }
        Process python = new ProcessBuilder(Libzmq.python(), script.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
            String endpoint = expect(out, "ENDPOINT ");
            sendAndClose(endpoint, bytes);
            List<String> events = new ArrayList<>();
            for (String line; (line = out.readLine()) != null && !line.equals("END"); ) {
                if (line.startsWith("EVENT ")) {
                    events.add(line.substring("EVENT ".length()));
                }
            }
            return events;
        } finally {
            python.destroyForcibly();
            python.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(script);
        }
    }

    private static List<String> zenmqEvents(byte[] bytes) throws IOException {
        try (Context ctx = Context.create()) {
            Socket pull = ctx.socket(SocketType.PULL);
            SocketMonitor monitor = pull.monitor(EventType.all());
            String endpoint = pull.bind("tcp://127.0.0.1:*");
            sendAndClose(endpoint, bytes);
            List<String> events = new ArrayList<>();
            for (SocketEvent event; (event = monitor.next(WAIT)) != null; ) {
                if (event.type() == EventType.LISTENING) {
                    continue;
                }
                events.add(event.type().name());
                if (event.type() == EventType.DISCONNECTED) {
                    break;
                }
            }
            return events;
        }
    }

    /** Sends the bytes, waits until the server has answered (its signature), then closes. */
    private static void sendAndClose(String endpoint, byte[] bytes) throws IOException {
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", port)) {
            raw.setSoTimeout(10_000);
            raw.getOutputStream().write(bytes);
            // both servers send their 10-byte signature at once, or close on the garbage
            try {
                raw.getInputStream().readNBytes(10);
            } catch (java.net.SocketException e) {
                // a server that closes with some of the garbage unread makes the kernel reset the
                // connection instead of ending it: the same answer
                if (!String.valueOf(e.getMessage()).contains("Connection reset")) {
                    throw e;
                }
            }
        }
    }

    private static String expect(BufferedReader out, String prefix) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new UncheckedIOException(new IOException("libzmq peer ended before " + prefix));
    }
}
