// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Known answers of {@link HSalsa20}, computed with libsodium 1.0.18's {@code crypto_core_hsalsa20}. */
class HSalsa20Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void shouldDeriveNaclFirstKeyFromRfc7748SharedSecret() {
        // RFC 7748 section 6.1's shared secret; NaCl's tests call the result "firstkey".
        byte[] shared = HEX.parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        byte[] out = new byte[HSalsa20.OUTPUT_BYTES];

        HSalsa20.hash(shared, new byte[HSalsa20.INPUT_BYTES], out);

        assertThat(HEX.formatHex(out)).isEqualTo("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    }

    @Test
    void shouldMatchLibsodiumForAllZeroKeyAndInput() {
        byte[] out = new byte[HSalsa20.OUTPUT_BYTES];

        HSalsa20.hash(new byte[HSalsa20.KEY_BYTES], new byte[HSalsa20.INPUT_BYTES], out);

        assertThat(HEX.formatHex(out)).isEqualTo("351f86faa3b988468a850122b65b0acece9c4826806aeee63de9c0da2bd7f91e");
    }

    @Test
    void shouldUseEveryKeyAndInputWord() {
        byte[] key = new byte[HSalsa20.KEY_BYTES];
        byte[] input = new byte[HSalsa20.INPUT_BYTES];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (100 + i);
        }
        byte[] out = new byte[HSalsa20.OUTPUT_BYTES];

        HSalsa20.hash(key, input, out);

        assertThat(HEX.formatHex(out)).isEqualTo("d0e0df786a40b0aec89ca886cd211b1571660c9902c957cef234a547650a993a");
    }

    @Test
    void shouldAllowOutputOverTheKey() {
        byte[] key = HEX.parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

        HSalsa20.hash(key, new byte[HSalsa20.INPUT_BYTES], key);

        assertThat(HEX.formatHex(key)).isEqualTo("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    }
}
