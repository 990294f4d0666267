// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zenmq.internal.io.IoThread;
import io.zenmq.testing.LogCapture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;

/**
 * Jazzer targets (F2, socket level, after libzmq's bind fuzzers): a real zenmq socket bound on
 * loopback tcp (a NULL ROUTER, a CURVE server ROUTER, a STREAM) takes each input from a raw tcp
 * connection, written as the plan cuts it: the first 64 bytes (a greeting's worth), then chunks the
 * size of the mechanism's handshake commands, then the rest. The peer then half-closes and waits for
 * the server to close the connection (an event, not a sleep; a server that never closes is a
 * finding). After each input a good peer, connected once, still exchanges a message both ways; no
 * I/O thread handler fails (nothing logged at WARNING or above by the I/O thread); every 1,000
 * inputs (the plan asks for no growth per 10,000), descriptors and threads are back near the count
 * after warm-up.
 *
 * <p>The server's RCVHWM is unlimited so that a flood of small frames from the input cannot stop it
 * from reading to the end of the stream; what the input delivers is read and dropped before the good
 * peer's message. Waits are bounded by {@link #WAIT}: generous, as the machine may be loaded, since
 * a slow answer is not what this looks for, a missing one is; each rig makes one round trip before
 * the first input, so that loading and instrumenting the engine's classes (seconds under Jazzer on
 * a busy machine) does not count against the first input. Jazzer's network sanitizer is told that
 * connections to loopback are this target's purpose; any other address stays a finding.
 */
class SocketFuzzTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "0:0:0:0:0:0:0:1");
    private static final int[] NULL_CHUNKS = {64, 64};
    /** Greeting, HELLO (a 200-byte body in a short frame), INITIATE with a little metadata. */
    private static final int[] CURVE_CHUNKS = {64, 202, 290};
    private static final int[] STREAM_CHUNKS = {64, 256};
    private static final int RESOURCE_CHECK_EVERY = 1_000;
    private static final int WARM_UP = 200;
    /** Fixed keys, so that saved inputs holding a HELLO stay valid for this server. */
    static final byte[] SERVER_SECRET = key(1);
    static final byte[] CLIENT_SECRET = key(101);

    private static final Context CTX = Context.create();
    private static final LogCapture IO_THREAD_LOG = new LogCapture(IoThread.class);
    private static Rig nullRig;
    private static Rig curveRig;
    private static StreamRig streamRig;
    private static long inputs;
    private static long baseFds = -1;
    private static long baseThreads = -1;

    @AfterAll
    static void closeAll() throws IOException {
        if (streamRig != null) {
            streamRig.good.close();
        }
        IO_THREAD_LOG.close();
        CTX.close();
    }

    private static byte[] key(int first) {
        byte[] key = new byte[CurveKeyPair.KEY_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }

    @FuzzTest(maxDuration = "60s")
    @SuppressWarnings("try") // the resource only scopes the sanitizer setting
    void nullRouter(byte[] input) {
        try (SilentCloseable loopbackOnly = loopbackOnly()) {
            if (nullRig == null) {
                nullRig = new Rig(false);
            }
            feed(nullRig.endpoint, input, NULL_CHUNKS);
            nullRig.roundTrip();
            checkProcess();
        }
    }

    @FuzzTest(maxDuration = "60s")
    @SuppressWarnings("try") // the resource only scopes the sanitizer setting
    void curveServer(byte[] input) {
        try (SilentCloseable loopbackOnly = loopbackOnly()) {
            if (curveRig == null) {
                curveRig = new Rig(true);
            }
            feed(curveRig.endpoint, input, CURVE_CHUNKS);
            curveRig.roundTrip();
            checkProcess();
        }
    }

    @FuzzTest(maxDuration = "60s")
    @SuppressWarnings("try") // the resource only scopes the sanitizer setting
    void stream(byte[] input) {
        try (SilentCloseable loopbackOnly = loopbackOnly()) {
            if (streamRig == null) {
                streamRig = new StreamRig();
            }
            feed(streamRig.endpoint, input, STREAM_CHUNKS);
            streamRig.roundTrip();
            checkProcess();
        }
    }

    /**
     * Tells Jazzer's network sanitizer, for this input, that connections to loopback are the target's
     * purpose (it resets that setting when fuzzing starts, so it is made per input).
     */
    private static SilentCloseable loopbackOnly() {
        return BugDetectors.allowNetworkConnections((host, port) -> LOOPBACK.contains(host));
    }

    /** Writes the input in the plan's chunks, half-closes, and waits until the server closed. */
    private static void feed(String endpoint, byte[] input, int[] chunks) {
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        try (java.net.Socket raw = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            raw.setTcpNoDelay(true);
            raw.setSoTimeout((int) WAIT.toMillis());
            try {
                OutputStream out = raw.getOutputStream();
                int offset = 0;
                for (int i = 0; i <= chunks.length && offset < input.length; i++) {
                    int n = i < chunks.length ? Math.min(chunks[i], input.length - offset) : input.length - offset;
                    out.write(input, offset, n);
                    out.flush();
                    offset += n;
                }
                raw.shutdownOutput();
            } catch (IOException closedMeanwhile) {
                // the server refused the input and closed first
            }
            assertThat(closedByServer(raw)).as("the server closed the connection within %s", WAIT).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean closedByServer(java.net.Socket raw) {
        byte[] buffer = new byte[4096];
        try {
            InputStream in = raw.getInputStream();
            while (in.read(buffer) >= 0) {
                // what the server says is not looked at
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** No I/O thread handler failed; every {@value #RESOURCE_CHECK_EVERY} inputs: fds and threads flat. */
    private static void checkProcess() {
        assertThat(IO_THREAD_LOG.records().stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> r.getMessage())).as("I/O thread failures").isEmpty();
        inputs++;
        if (inputs == WARM_UP) {
            baseFds = openFds();
            baseThreads = Thread.activeCount();
        } else if (baseFds >= 0 && inputs % RESOURCE_CHECK_EVERY == 0) {
            // one line per check, for the campaign's log
            System.err.printf(Locale.ROOT, "SocketFuzzTest: %d inputs, fds %d (warm-up %d), threads %d (warm-up %d)%n",
                    inputs, openFds(), baseFds, Thread.activeCount(), baseThreads);
            assertThat(openFds()).as("descriptors after %d inputs", inputs).isLessThanOrEqualTo(baseFds + 16);
            assertThat((long) Thread.activeCount()).as("threads after %d inputs", inputs)
                    .isLessThanOrEqualTo(baseThreads + 4);
        }
    }

    private static long openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one whole message, or null if none came within {@link #WAIT}. */
    private static List<byte[]> recvMessage(Socket socket) {
        byte[] first = socket.recv(WAIT);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasMore()) {
            frames.add(socket.recv());
        }
        return frames;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A ROUTER server (NULL or CURVE) and a good DEALER connected to it. Owner: the fuzzing thread. */
    private static final class Rig {
        private static final byte[] GOOD_ID = ascii("good-peer");
        final Socket server;
        final Socket good;
        final String endpoint;
        private int round;

        Rig(boolean curve) {
            server = CTX.socket(SocketType.ROUTER);
            server.set(SocketOptions.LINGER, Duration.ZERO).set(SocketOptions.RCVHWM, 0);
            good = CTX.socket(SocketType.DEALER);
            good.set(SocketOptions.LINGER, Duration.ZERO).set(SocketOptions.ROUTING_ID, GOOD_ID);
            if (curve) {
                CurveKeyPair serverKeys = CurveKeyPair.fromSecretKey(SERVER_SECRET);
                CurveKeyPair clientKeys = CurveKeyPair.fromSecretKey(CLIENT_SECRET);
                server.set(SocketOptions.CURVE_SERVER, true).set(SocketOptions.CURVE_SECRETKEY, SERVER_SECRET);
                good.set(SocketOptions.CURVE_SERVERKEY, serverKeys.publicKey())
                        .set(SocketOptions.CURVE_PUBLICKEY, clientKeys.publicKey())
                        .set(SocketOptions.CURVE_SECRETKEY, CLIENT_SECRET);
            }
            endpoint = server.bind("tcp://127.0.0.1:*");
            good.connect(endpoint);
            roundTrip();
        }

        /** The good DEALER's ping reaches the ROUTER (past what inputs delivered) and its pong comes back. */
        void roundTrip() {
            round++;
            byte[] ping = ascii("ping " + round);
            good.send(ping);
            for (int dropped = 0; ; dropped++) {
                List<byte[]> message = recvMessage(server);
                assertThat(message).as("the good peer's ping %d", round).isNotNull();
                assertThat(dropped).as("messages before the ping").isLessThan(100_000);
                if (message.size() == 2 && Arrays.equals(message.get(0), GOOD_ID)
                        && Arrays.equals(message.get(1), ping)) {
                    break;
                }
            }
            server.sendMore(GOOD_ID);
            server.send("pong " + round);
            assertThat(good.recvString(WAIT)).isEqualTo("pong " + round);
        }
    }

    /** A STREAM server and a good raw tcp client connected to it. Owner: the fuzzing thread. */
    private static final class StreamRig {
        final Socket server;
        final java.net.Socket good;
        final String endpoint;
        private final byte[] goodId;
        private int round;

        StreamRig() {
            server = CTX.socket(SocketType.STREAM);
            server.set(SocketOptions.LINGER, Duration.ZERO).set(SocketOptions.RCVHWM, 0);
            endpoint = server.bind("tcp://127.0.0.1:*");
            int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
            try {
                good = new java.net.Socket(InetAddress.getLoopbackAddress(), port);
                good.setTcpNoDelay(true);
                good.setSoTimeout((int) WAIT.toMillis());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<byte[]> connected = recvMessage(server);
            assertThat(connected).as("the good client's connect notification").hasSize(2);
            assertThat(connected.get(1)).isEmpty();
            goodId = connected.get(0);
            roundTrip();
        }

        /** The good client's bytes reach the STREAM (past what inputs delivered) and an answer comes back. */
        void roundTrip() {
            round++;
            String ping = "ping " + round + ";";
            StringBuilder arrived = new StringBuilder();
            try {
                good.getOutputStream().write(ascii(ping));
                for (int dropped = 0; arrived.indexOf(ping) < 0; dropped++) {
                    List<byte[]> message = recvMessage(server);
                    assertThat(message).as("the good client's bytes, round %d", round).isNotNull();
                    assertThat(dropped).as("messages before the good client's").isLessThan(100_000);
                    if (message.size() == 2 && Arrays.equals(message.get(0), goodId)) {
                        arrived.append(new String(message.get(1), StandardCharsets.ISO_8859_1));
                    }
                }
                byte[] pong = ascii("pong " + round + ";");
                server.sendMore(goodId);
                server.send(pong);
                assertThat(good.getInputStream().readNBytes(pong.length)).isEqualTo(pong);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
