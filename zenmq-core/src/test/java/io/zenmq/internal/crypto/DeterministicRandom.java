// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * A test stand-in for {@link SecureRandom}: {@link #nextBytes} first serves scripted arrays in order
 * (each must match the requested length), then bytes from a seeded generator, so a failing test can be
 * replayed from the seed it prints. Never use outside tests.
 */
public final class DeterministicRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;

    private final long seed;
    private final transient SplittableRandom generator;
    private final transient Deque<byte[]> script = new ArrayDeque<>();

    /**
     * Creates a generator.
     *
     * @param seed the seed of the bytes served after the script
     * @param scripted arrays to serve first, in order
     */
    public DeterministicRandom(long seed, byte[]... scripted) {
        this.seed = seed;
        this.generator = new SplittableRandom(seed);
        for (byte[] bytes : scripted) {
            script.add(bytes.clone());
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = script.poll();
        if (next != null) {
            if (next.length != bytes.length) {
                throw new IllegalStateException("scripted " + next.length + " bytes, asked for " + bytes.length);
            }
            System.arraycopy(next, 0, bytes, 0, bytes.length);
            return;
        }
        generator.nextBytes(bytes);
    }

    @Override
    public String toString() {
        return "DeterministicRandom[seed=" + seed + "]";
    }
}
