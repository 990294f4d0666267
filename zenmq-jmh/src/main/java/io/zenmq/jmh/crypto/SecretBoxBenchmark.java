// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.crypto;

import io.zenmq.internal.crypto.SecretBox;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
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
 * {@code crypto_secretbox} (XSalsa20 + Poly1305) in place, zenmq's {@link SecretBox} against the same
 * composition over Bouncy Castle's {@code XSalsa20Engine} and {@code Poly1305} (engines reused, as
 * zenmq did before it wrote its own): the primitives' cost without the MESSAGE framing. The nonce
 * keeps one 16-byte prefix, as CurveZMQ's MESSAGE nonces do.
 */
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SecretBoxBenchmark {
    /** Message size in bytes. */
    @Param({"16", "1024", "65536"})
    public int size;

    private final byte[] key = new byte[32];
    private final byte[] nonce = new byte[24];
    private final byte[] zeros = new byte[32];
    private final byte[] macKey = new byte[32];
    private byte[] buffer;
    private SecretBox box;
    private final XSalsa20Engine cipher = new XSalsa20Engine();
    private final Poly1305 mac = new Poly1305();
    private KeyParameter keyParameter;
    private long counter;

    /** Random key and message. */
    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        random.nextBytes(key);
        random.nextBytes(nonce);
        buffer = new byte[16 + size];
        random.nextBytes(buffer);
        box = new SecretBox(key);
        keyParameter = new KeyParameter(key);
    }

    /**
     * zenmq's secretbox, sealing the buffer in place.
     *
     * @return the buffer (tag first)
     */
    @Benchmark
    public byte[] zenmq() {
        nextNonce();
        box.seal(nonce, buffer, 16, size, buffer, 0);
        return buffer;
    }

    /**
     * The same over Bouncy Castle's engines.
     *
     * @return the buffer (tag first)
     */
    @Benchmark
    public byte[] bouncyCastle() {
        nextNonce();
        cipher.init(true, new ParametersWithIV(keyParameter, nonce));
        cipher.processBytes(zeros, 0, 32, macKey, 0);
        cipher.processBytes(buffer, 16, size, buffer, 16);
        mac.init(new KeyParameter(macKey));
        mac.update(buffer, 16, size);
        mac.doFinal(buffer, 0);
        return buffer;
    }

    private void nextNonce() {
        counter++;
        for (int i = 0; i < 8; i++) {
            nonce[16 + i] = (byte) (counter >>> (56 - 8 * i));
        }
    }
}
