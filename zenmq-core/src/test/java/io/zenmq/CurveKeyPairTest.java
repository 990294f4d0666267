// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CurveKeyPair}. The expected public keys are the zmq_curve(7) test keys of spec/security.md
 * section 3.11, and agree with pyzmq 4.3.4's {@code zmq.curve_public}.
 */
class CurveKeyPairTest {
    private static final String CLIENT_SECRET = "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs";
    private static final String CLIENT_PUBLIC = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs | Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID",
        "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6 | rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"})
    void shouldDeriveThePublicKeyOfATestKey(String secretZ85, String publicZ85) {
        CurveKeyPair pair = CurveKeyPair.fromSecretKey(secretZ85);

        assertThat(pair.publicKeyZ85()).isEqualTo(publicZ85);
        assertThat(pair.secretKeyZ85()).isEqualTo(secretZ85);
        assertThat(pair.publicKey()).isEqualTo(Z85.decode(publicZ85));
        assertThat(CurveKeyPair.publicKeyOf(Z85.decode(secretZ85))).isEqualTo(Z85.decode(publicZ85));
    }

    @Test
    void shouldAcceptTheSecretKeyAsRawBytesOrZ85Bytes() {
        byte[] raw = Z85.decode(CLIENT_SECRET);
        byte[] z85 = CLIENT_SECRET.getBytes(StandardCharsets.US_ASCII);

        assertThat(CurveKeyPair.fromSecretKey(raw).publicKeyZ85()).isEqualTo(CLIENT_PUBLIC);
        assertThat(CurveKeyPair.fromSecretKey(z85).publicKeyZ85()).isEqualTo(CLIENT_PUBLIC);
        assertThat(CurveKeyPair.publicKeyOf(z85)).isEqualTo(Z85.decode(CLIENT_PUBLIC));
    }

    @Test
    void shouldGenerateDistinctConsistentPairs() {
        CurveKeyPair a = CurveKeyPair.generate();
        CurveKeyPair b = CurveKeyPair.generate();

        assertThat(a.publicKey()).hasSize(CurveKeyPair.KEY_BYTES).isNotEqualTo(b.publicKey());
        assertThat(a.secretKey()).hasSize(CurveKeyPair.KEY_BYTES);
        assertThat(CurveKeyPair.publicKeyOf(a.secretKey())).isEqualTo(a.publicKey());
        assertThat(CurveKeyPair.fromSecretKey(a.secretKeyZ85()).publicKeyZ85()).isEqualTo(a.publicKeyZ85());
    }

    @Test
    void shouldHandOutCopies() {
        CurveKeyPair pair = CurveKeyPair.fromSecretKey(CLIENT_SECRET);
        byte[] input = Z85.decode(CLIENT_SECRET);
        CurveKeyPair fromArray = CurveKeyPair.fromSecretKey(input);

        pair.publicKey()[0] ^= 1;
        pair.secretKey()[0] ^= 1;
        input[0] ^= 1;

        assertThat(pair.publicKeyZ85()).isEqualTo(CLIENT_PUBLIC);
        assertThat(pair.secretKeyZ85()).isEqualTo(CLIENT_SECRET);
        assertThat(fromArray.secretKeyZ85()).isEqualTo(CLIENT_SECRET);
    }

    @Test
    void shouldNeverPrintTheSecretKey() {
        CurveKeyPair pair = CurveKeyPair.fromSecretKey(CLIENT_SECRET);

        assertThat(pair.toString()).contains(CLIENT_PUBLIC).doesNotContain(CLIENT_SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%c",
        "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%c~",
        "#####IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs"})
    void shouldRefuseBadZ85SecretKeys(String text) {
        assertThatThrownBy(() -> CurveKeyPair.fromSecretKey(text)).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31, 33, 64})
    void shouldRefuseSecretKeysOfOtherLengths(int length) {
        assertThatThrownBy(() -> CurveKeyPair.fromSecretKey(new byte[length]))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> CurveKeyPair.publicKeyOf(new byte[length]))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
    }
}
