// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.util.Pack;

/**
 * HSalsa20 (the key derivation of XSalsa20, used by NaCl's {@code crypto_box_beforenm}), over Bouncy
 * Castle's public Salsa20 core. Stateless and thread-safe.
 *
 * <p>{@link Salsa20Engine#salsaCore} returns {@code input + rounds(input)}; HSalsa20 is
 * {@code rounds(input)} read at words 0, 5, 10, 15, 6, 7, 8, 9, so the input is subtracted back out.
 */
final class HSalsa20 {
    /** Key length in bytes. */
    static final int KEY_BYTES = 32;
    /** Input length in bytes. */
    static final int INPUT_BYTES = 16;
    /** Output length in bytes. */
    static final int OUTPUT_BYTES = 32;

    private static final int ROUNDS = 20;
    private static final int STATE_WORDS = 16;
    /** "expand 32-byte k" as four little-endian words, at the diagonal of the state. */
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
    private static final int[] SIGMA_POSITIONS = {0, 5, 10, 15};
    private static final int[] KEY_POSITIONS = {1, 2, 3, 4, 11, 12, 13, 14};
    private static final int[] INPUT_POSITIONS = {6, 7, 8, 9};
    private static final int[] OUTPUT_POSITIONS = {0, 5, 10, 15, 6, 7, 8, 9};

    private HSalsa20() {
    }

    /**
     * Computes HSalsa20(key, input).
     *
     * @param key 32 bytes
     * @param input 16 bytes
     * @param out receives 32 bytes at offset 0; may be the key array
     */
    static void hash(byte[] key, byte[] input, byte[] out) {
        int[] state = new int[STATE_WORDS];
        for (int i = 0; i < SIGMA.length; i++) {
            state[SIGMA_POSITIONS[i]] = SIGMA[i];
        }
        for (int i = 0; i < KEY_POSITIONS.length; i++) {
            state[KEY_POSITIONS[i]] = Pack.littleEndianToInt(key, i * Integer.BYTES);
        }
        for (int i = 0; i < INPUT_POSITIONS.length; i++) {
            state[INPUT_POSITIONS[i]] = Pack.littleEndianToInt(input, i * Integer.BYTES);
        }
        int[] mixed = new int[STATE_WORDS];
        Salsa20Engine.salsaCore(ROUNDS, state, mixed);
        for (int i = 0; i < OUTPUT_POSITIONS.length; i++) {
            int p = OUTPUT_POSITIONS[i];
            Pack.intToLittleEndian(mixed[p] - state[p], out, i * Integer.BYTES);
        }
        Arrays.fill(state, 0);
        Arrays.fill(mixed, 0);
    }
}
