// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading the public key of ZPL certificates as CZMQ and JeroMQ write them. */
class PublicCertificateTest {
    private static final String KEY = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";

    @Test
    void shouldReadTheCurvePublicKeyInEachQuoting() {
        assertThat(PublicCertificate.publicKey("curve\n    public-key = \"" + KEY + "\"\n")).isEqualTo(KEY);
        assertThat(PublicCertificate.publicKey("curve\r\n    public-key = '" + KEY + "'\r\n")).isEqualTo(KEY);
        assertThat(PublicCertificate.publicKey("curve\n    public-key=" + KEY + "   # trailing comment\n"))
                .isEqualTo(KEY);
        assertThat(PublicCertificate.publicKey("# comment\n\nmetadata\n    email = \"a@b\"\n        x = 1\n"
                + "curve\n    public-key = \"" + KEY + "\"\n    secret-key = \"whatever\"\n")).isEqualTo(KEY);
    }

    @Test
    void shouldRefuseTextWithoutAValidKey() {
        for (String text : new String[] {
            "",
            "curve\n",
            "metadata\n    public-key = \"" + KEY + "\"\n",
            "curve\n        public-key = \"" + KEY + "\"\n",
            "curve\n  public-key = \"" + KEY + "\"\n",
            "curve\n\tpublic-key = \"" + KEY + "\"\n",
            "curve\n    public-key = \"" + KEY + "\n",
            "curve\n    public-key\n",
            "curve\n    public-key = \"" + KEY.substring(1) + "\"\n",
            "curve\n    public-key = \"" + "~".repeat(40) + "\"\n",
        }) {
            assertThatThrownBy(() -> PublicCertificate.publicKey(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
