// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.crypto;

import io.zenmq.CurveKeyPair;
import io.zenmq.internal.mechanism.CurveMechanism;
import io.zenmq.internal.zmtp.Mechanism;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CURVE's per-message cost on one thread, without sockets: wrapping a frame into a MESSAGE and
 * unwrapping it again, and the send side alone. {@link CurveHandshakeBenchmark} times the handshake,
 * {@link SecretBoxBenchmark} the primitives against Bouncy Castle's.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CurveBenchmark {
    private static final byte[] METADATA = io.zenmq.internal.zmtp.Metadata.encode(Map.of("Socket-Type",
            "DEALER".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

    /** Frame size in bytes. */
    @Param({"16", "1024", "65536"})
    public int size;

    private final SecureRandom random = new SecureRandom();
    private CurveKeyPair server;
    private CurveKeyPair client;
    private CurveMechanism sender;
    private CurveMechanism receiver;
    private byte[] frame;

    /** Makes the keys and one handshaken pair of mechanisms for the message benchmark. */
    @Setup
    public void setUp() throws ProtocolException {
        server = CurveKeyPair.generate();
        client = CurveKeyPair.generate();
        CurveMechanism[] pair = handshakenPair();
        sender = pair[0];
        receiver = pair[1];
        frame = new byte[size];
    }

    /**
     * Client to server: encrypt one frame into a MESSAGE body and decrypt it again.
     *
     * @return the decrypted frame
     * @throws ProtocolException never, unless the codec is broken
     */
    @Benchmark
    public Mechanism.Unwrapped messageRoundTrip() throws ProtocolException {
        return receiver.decode(sender.encode(frame, 0));
    }

    /**
     * The send side alone: one frame boxed into the sender's reused MESSAGE body (what the
     * connection's writer does before copying the body into its output buffer).
     *
     * @return the body's length
     */
    @Benchmark
    public int wrap() {
        return sender.wrap(frame, 0);
    }

    private CurveMechanism[] handshakenPair() throws ProtocolException {
        return handshake(server, client, random);
    }

    /**
     * Runs a complete handshake between fresh client and server mechanisms.
     *
     * @param server the server's long-term keys
     * @param client the client's long-term keys
     * @param random the source of transient keys and nonces
     * @return the client and the server mechanism, ready for messages
     * @throws ProtocolException never, unless the handshake is broken
     */
    static CurveMechanism[] handshake(CurveKeyPair server, CurveKeyPair client, SecureRandom random)
            throws ProtocolException {
        CurveMechanism c = new CurveMechanism(false, client.publicKey(), client.secretKey(), server.publicKey(),
                METADATA, random);
        CurveMechanism s = new CurveMechanism(true, new byte[0], server.secretKey(), new byte[0], METADATA, random);
        Wire toServer = new Wire();
        Wire toClient = new Wire();
        c.start(toServer);
        s.start(toClient);
        s.onCommand(toServer.next(), toClient);      // HELLO -> WELCOME
        c.onCommand(toClient.next(), toServer);      // WELCOME -> INITIATE
        s.onCommand(toServer.next(), toClient);      // INITIATE -> ZAP request
        s.onZapReply(ZapReply.NO_HANDLER, toClient); // -> READY
        c.onCommand(toClient.next(), toServer);      // READY
        if (!toServer.ready || !toClient.ready) {
            throw new IllegalStateException("handshake did not complete");
        }
        return new CurveMechanism[] {c, s};
    }

    /** Carries the commands one mechanism sends to the other. */
    private static final class Wire implements Mechanism.Output {
        private final ArrayDeque<byte[]> commands = new ArrayDeque<>();
        /** Set when the mechanism that writes here (the sender's peer) called ready. */
        private boolean ready;

        byte[] next() {
            return commands.remove();
        }

        @Override
        public void send(byte[] body) {
            commands.add(body);
        }

        @Override
        public void askZap(String mechanism, byte[]... credentials) {
            // answered by the benchmark with NO_HANDLER
        }

        @Override
        public void ready(Map<String, byte[]> peerProperties) {
            ready = true;
        }

        @Override
        public void refused(int status) {
            throw new IllegalStateException("refused " + status);
        }

        @Override
        public void failed(int errno) {
            throw new IllegalStateException("failed " + errno);
        }
    }

}
