// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import static io.zenmq.internal.crypto.CurveVectors.bytes;
import static io.zenmq.internal.crypto.CurveVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/**
 * Known answers of {@link Salsa20} and {@link HSalsa20}: NaCl's and libsodium's {@code core2} and
 * {@code stream}/{@code stream2} vectors (XSalsa20 under "firstkey" is Salsa20 under "secondkey").
 */
class Salsa20Test {
    /** NaCl tests: firstkey (the HSalsa20 of RFC 7748's shared secret). */
    static final String FIRST_KEY = "1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389";
    /** NaCl tests: the 24-byte nonce. */
    static final String NONCE = "69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37";
    /** NaCl tests/core2.out: HSalsa20(firstkey, the nonce's first 16 bytes). */
    static final String SECOND_KEY = "dc908dda0b9344a953629b733820778880f3ceb421bb61b91cbd4c3e66256ce4";

    @Test
    void shouldDeriveNaclsSecondKey() {
        byte[] out = new byte[32];

        HSalsa20.hash(bytes(FIRST_KEY), bytes(NONCE.substring(0, 32)), out);

        assertThat(hex(out)).isEqualTo(SECOND_KEY);
    }

    @Test
    void shouldMatchNaclsFourMebibyteStreamHash() throws NoSuchAlgorithmException {
        // NaCl tests/stream2.c: SHA-256 of 4 MiB of Salsa20(secondkey, nonce's last 8 bytes)
        byte[] key = bytes(SECOND_KEY);
        byte[] suffix = bytes(NONCE.substring(32));
        int[] keyWords = new int[8];
        for (int i = 0; i < 8; i++) {
            keyWords[i] = LittleEndian.getInt(key, 4 * i);
        }
        int[] state = new int[16];
        Salsa20.setKey(keyWords, state);
        state[6] = LittleEndian.getInt(suffix, 0);
        state[7] = LittleEndian.getInt(suffix, 4);
        int[] block = new int[16];
        byte[] bytes = new byte[64];
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int n = 0; n < (4 << 20) / 64; n++) {
            state[8] = n;
            Salsa20.block(state, block);
            for (int w = 0; w < 16; w++) {
                LittleEndian.putInt(bytes, 4 * w, block[w]);
            }
            sha256.update(bytes);
        }

        assertThat(hex(sha256.digest())).isEqualTo("662b9d0e3463029156069b12f918691a98f7dfb2ca0393c96bbfc6b1fbd630a2");
    }
}
