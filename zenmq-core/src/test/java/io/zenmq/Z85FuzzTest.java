// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target (F1): {@link Z85} on any text and any bytes. Decoding fails only with EINVAL, and
 * what decodes encodes back to the same text; any bytes of a length divisible by 4 round-trip.
 */
class Z85FuzzTest {

    @FuzzTest(maxDuration = "60s")
    void decodeAnyText(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        byte[] decoded;
        try {
            decoded = Z85.decode(text);
        } catch (ZmqException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.EINVAL);
            return;
        }
        assertThat(Z85.encode(decoded)).isEqualTo(text);
    }

    @FuzzTest(maxDuration = "60s")
    void encodeAnyBytes(byte[] bytes) {
        byte[] whole = java.util.Arrays.copyOf(bytes, bytes.length - bytes.length % 4);
        if (whole.length == 0) {
            // zenmq refuses empty Z85 text (libzmq decodes it to nothing)
            return;
        }
        String text = Z85.encode(whole);
        assertThat(text).hasSize(whole.length / 4 * 5);
        assertThat(Z85.decode(text)).isEqualTo(whole);
    }
}
