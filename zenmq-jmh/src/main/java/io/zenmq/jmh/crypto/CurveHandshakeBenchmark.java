// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.crypto;

import io.zenmq.CurveKeyPair;
import io.zenmq.internal.mechanism.CurveMechanism;
import io.zenmq.internal.zmtp.ProtocolException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole CURVE handshake between a client and a server mechanism (HELLO, WELCOME, INITIATE,
 * READY, no ZAP handler), on one thread without sockets: the CPU every new CURVE connection costs
 * both sides together (transient key pairs, four X25519 agreements per side, the boxes).
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CurveHandshakeBenchmark {
    private final SecureRandom random = new SecureRandom();
    private final CurveKeyPair server = CurveKeyPair.generate();
    private final CurveKeyPair client = CurveKeyPair.generate();

    /**
     * One handshake.
     *
     * @return the two mechanisms, ready for messages
     * @throws ProtocolException never, unless the handshake is broken
     */
    @Benchmark
    public CurveMechanism[] handshake() throws ProtocolException {
        return CurveBenchmark.handshake(server, client, random);
    }
}
