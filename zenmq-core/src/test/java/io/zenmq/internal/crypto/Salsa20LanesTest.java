// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import static io.zenmq.internal.crypto.CurveVectors.bytes;
import static io.zenmq.internal.crypto.CurveVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Salsa20Lanes} computes exactly {@link Salsa20#block}'s keystream, for every lane count. */
class Salsa20LanesTest {

    @Test
    void shouldMatchNaclsFourMebibyteStreamHash() throws NoSuchAlgorithmException {
        // the stream of Salsa20Test's NaCl vector, 128 blocks per call
        byte[] key = bytes(Salsa20Test.SECOND_KEY);
        byte[] suffix = bytes(Salsa20Test.NONCE.substring(32));
        int[] keyWords = new int[8];
        for (int i = 0; i < 8; i++) {
            keyWords[i] = LittleEndian.getInt(key, 4 * i);
        }
        int[] state = new int[16];
        Salsa20.setKey(keyWords, state);
        state[6] = LittleEndian.getInt(suffix, 0);
        state[7] = LittleEndian.getInt(suffix, 4);
        Salsa20Lanes lanes = new Salsa20Lanes();
        int chunk = Salsa20Lanes.MAX_BLOCKS * Salsa20.BLOCK_BYTES;
        byte[] zeros = new byte[chunk];
        byte[] stream = new byte[chunk];
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int n = 0; n < (4 << 20) / Salsa20.BLOCK_BYTES; n += Salsa20Lanes.MAX_BLOCKS) {
            state[8] = n;
            lanes.xor(state, Salsa20Lanes.MAX_BLOCKS, zeros, 0, stream, 0);
            sha256.update(stream);
        }

        assertThat(hex(sha256.digest())).isEqualTo("662b9d0e3463029156069b12f918691a98f7dfb2ca0393c96bbfc6b1fbd630a2");
    }

    @Test
    void shouldXorAsScalarBlocksForEveryLaneCount() {
        SplittableRandom random = new SplittableRandom(20261207);
        Salsa20Lanes lanes = new Salsa20Lanes();
        for (int blocks = 1; blocks <= Salsa20Lanes.MAX_BLOCKS; blocks++) {
            int[] state = randomState(random);
            byte[] in = new byte[blocks * Salsa20.BLOCK_BYTES + 7];
            for (int i = 0; i < in.length; i++) {
                in[i] = (byte) random.nextInt();
            }

            byte[] actual = new byte[3 + blocks * Salsa20.BLOCK_BYTES];
            lanes.xor(state, blocks, in, 7, actual, 3);

            assertThat(actual).as("%d blocks", blocks).isEqualTo(scalarXor(state, blocks, in, 7, 3));
        }
    }

    @Test
    void shouldCarryTheBlockCounterIntoItsHighWordInsideOneCall() {
        SplittableRandom random = new SplittableRandom(7);
        int[] state = randomState(random);
        state[8] = -5;
        state[9] = 41;
        int blocks = 16;
        byte[] in = new byte[blocks * Salsa20.BLOCK_BYTES];

        byte[] actual = new byte[in.length];
        new Salsa20Lanes().xor(state, blocks, in, 0, actual, 0);

        assertThat(actual).isEqualTo(scalarXor(state, blocks, in, 0, 0));
        assertThat(state[8]).as("the caller's state is not stepped").isEqualTo(-5);
    }

    @Test
    void shouldWorkInPlace() {
        SplittableRandom random = new SplittableRandom(11);
        int[] state = randomState(random);
        byte[] data = new byte[40 * Salsa20.BLOCK_BYTES];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) random.nextInt();
        }
        byte[] expected = scalarXor(state, 40, data, 0, 0);

        new Salsa20Lanes().xor(state, 40, data, 0, data, 0);

        assertThat(data).isEqualTo(expected);
    }

    private static int[] randomState(SplittableRandom random) {
        int[] key = new int[8];
        for (int i = 0; i < key.length; i++) {
            key[i] = random.nextInt();
        }
        int[] state = new int[16];
        Salsa20.setKey(key, state);
        for (int w = 6; w <= 9; w++) {
            state[w] = random.nextInt();
        }
        return state;
    }

    /**
     * The reference: one {@link Salsa20#block} per block, the 64-bit counter stepped by hand; the
     * result starts at {@code outOff} of an array just long enough.
     */
    private static byte[] scalarXor(int[] state, int blocks, byte[] in, int inOff, int outOff) {
        int[] s = state.clone();
        int[] block = new int[16];
        byte[] out = new byte[outOff + blocks * Salsa20.BLOCK_BYTES];
        for (int b = 0; b < blocks; b++) {
            Salsa20.block(s, block);
            for (int w = 0; w < 16; w++) {
                int at = b * Salsa20.BLOCK_BYTES + 4 * w;
                LittleEndian.putInt(out, outOff + at, LittleEndian.getInt(in, inOff + at) ^ block[w]);
            }
            if (++s[8] == 0) {
                s[9]++;
            }
        }
        return out;
    }
}
