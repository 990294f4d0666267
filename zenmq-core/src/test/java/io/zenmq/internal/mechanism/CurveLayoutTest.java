// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.mechanism.CurveLayout.BOX_OVERHEAD;
import static io.zenmq.internal.mechanism.CurveLayout.KEY_LENGTH;
import static io.zenmq.internal.mechanism.CurveLayout.LONG_NONCE_LENGTH;
import static io.zenmq.internal.mechanism.CurveLayout.SHORT_NONCE_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.internal.crypto.CurveVectors;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link CurveLayout}: every offset follows from the field before it, and the helpers write what they say. */
class CurveLayoutTest {

    @Test
    void shouldLayOutHelloFieldsBackToBack() {
        assertThat(CurveLayout.HELLO_VERSION_OFFSET).isEqualTo(1 + ZmtpLayout.HELLO.length());
        assertThat(CurveLayout.HELLO_PADDING_OFFSET).isEqualTo(CurveLayout.HELLO_VERSION_OFFSET + 2);
        assertThat(CurveLayout.HELLO_CLIENT_KEY_OFFSET)
                .isEqualTo(CurveLayout.HELLO_PADDING_OFFSET + CurveLayout.HELLO_PADDING_LENGTH);
        assertThat(CurveLayout.HELLO_SHORT_NONCE_OFFSET).isEqualTo(CurveLayout.HELLO_CLIENT_KEY_OFFSET + KEY_LENGTH);
        assertThat(CurveLayout.HELLO_BOX_OFFSET).isEqualTo(CurveLayout.HELLO_SHORT_NONCE_OFFSET + SHORT_NONCE_LENGTH);
        assertThat(CurveLayout.HELLO_SIZE)
                .isEqualTo(CurveLayout.HELLO_BOX_OFFSET + BOX_OVERHEAD + CurveLayout.HELLO_SIGNATURE_LENGTH)
                .isEqualTo(200);
    }

    @Test
    void shouldLayOutWelcomeAndCookieFieldsBackToBack() {
        assertThat(CurveLayout.WELCOME_NONCE_OFFSET).isEqualTo(1 + ZmtpLayout.WELCOME.length());
        assertThat(CurveLayout.WELCOME_BOX_OFFSET).isEqualTo(CurveLayout.WELCOME_NONCE_OFFSET + LONG_NONCE_LENGTH);
        assertThat(CurveLayout.WELCOME_COOKIE_OFFSET).isEqualTo(CurveLayout.WELCOME_SERVER_KEY_OFFSET + KEY_LENGTH);
        assertThat(CurveLayout.WELCOME_PLAINTEXT_LENGTH)
                .isEqualTo(CurveLayout.WELCOME_COOKIE_OFFSET + CurveLayout.COOKIE_LENGTH);
        assertThat(CurveLayout.WELCOME_SIZE)
                .isEqualTo(CurveLayout.WELCOME_BOX_OFFSET + BOX_OVERHEAD + CurveLayout.WELCOME_PLAINTEXT_LENGTH)
                .isEqualTo(168);
        assertThat(CurveLayout.COOKIE_BOX_OFFSET).isEqualTo(CurveLayout.COOKIE_NONCE_OFFSET + LONG_NONCE_LENGTH);
        assertThat(CurveLayout.COOKIE_PLAINTEXT_LENGTH).isEqualTo(2 * KEY_LENGTH);
        assertThat(CurveLayout.COOKIE_LENGTH)
                .isEqualTo(CurveLayout.COOKIE_BOX_OFFSET + BOX_OVERHEAD + CurveLayout.COOKIE_PLAINTEXT_LENGTH);
    }

    @Test
    void shouldLayOutInitiateFieldsBackToBack() {
        assertThat(CurveLayout.INITIATE_COOKIE_OFFSET).isEqualTo(1 + ZmtpLayout.INITIATE.length());
        assertThat(CurveLayout.INITIATE_SHORT_NONCE_OFFSET)
                .isEqualTo(CurveLayout.INITIATE_COOKIE_OFFSET + CurveLayout.COOKIE_LENGTH);
        assertThat(CurveLayout.INITIATE_BOX_OFFSET)
                .isEqualTo(CurveLayout.INITIATE_SHORT_NONCE_OFFSET + SHORT_NONCE_LENGTH);
        assertThat(CurveLayout.INITIATE_VOUCH_NONCE_OFFSET)
                .isEqualTo(CurveLayout.INITIATE_CLIENT_KEY_OFFSET + KEY_LENGTH);
        assertThat(CurveLayout.INITIATE_VOUCH_OFFSET)
                .isEqualTo(CurveLayout.INITIATE_VOUCH_NONCE_OFFSET + LONG_NONCE_LENGTH);
        assertThat(CurveLayout.VOUCH_LENGTH).isEqualTo(BOX_OVERHEAD + CurveLayout.VOUCH_PLAINTEXT_LENGTH);
        assertThat(CurveLayout.INITIATE_METADATA_OFFSET)
                .isEqualTo(CurveLayout.INITIATE_VOUCH_OFFSET + CurveLayout.VOUCH_LENGTH);
        assertThat(CurveLayout.INITIATE_MIN_SIZE)
                .isEqualTo(CurveLayout.INITIATE_BOX_OFFSET + BOX_OVERHEAD + CurveLayout.INITIATE_METADATA_OFFSET)
                .isEqualTo(257);
    }

    @Test
    void shouldLayOutReadyAndMessageFieldsBackToBack() {
        assertThat(CurveLayout.READY_SHORT_NONCE_OFFSET).isEqualTo(1 + ZmtpLayout.READY.length());
        assertThat(CurveLayout.READY_BOX_OFFSET).isEqualTo(CurveLayout.READY_SHORT_NONCE_OFFSET + SHORT_NONCE_LENGTH);
        assertThat(CurveLayout.READY_MIN_SIZE).isEqualTo(CurveLayout.READY_BOX_OFFSET + BOX_OVERHEAD).isEqualTo(30);
        assertThat(CurveLayout.MESSAGE_SHORT_NONCE_OFFSET).isEqualTo(1 + ZmtpLayout.MESSAGE.length());
        assertThat(CurveLayout.MESSAGE_BOX_OFFSET)
                .isEqualTo(CurveLayout.MESSAGE_SHORT_NONCE_OFFSET + SHORT_NONCE_LENGTH);
        assertThat(CurveLayout.MESSAGE_MIN_SIZE)
                .isEqualTo(CurveLayout.MESSAGE_BOX_OFFSET + BOX_OVERHEAD + CurveLayout.MESSAGE_PAYLOAD_OFFSET)
                .isEqualTo(33);
    }

    @Test
    void shouldUsePrefixesThatLeaveRoomForTheirSuffix() {
        for (String prefix : new String[] {CurveLayout.HELLO_NONCE_PREFIX, CurveLayout.INITIATE_NONCE_PREFIX,
            CurveLayout.READY_NONCE_PREFIX, CurveLayout.CLIENT_MESSAGE_NONCE_PREFIX,
            CurveLayout.SERVER_MESSAGE_NONCE_PREFIX}) {
            assertThat(prefix).hasSize(CurveLayout.NONCE_LENGTH - SHORT_NONCE_LENGTH);
        }
        for (String prefix : new String[] {CurveLayout.WELCOME_NONCE_PREFIX, CurveLayout.COOKIE_NONCE_PREFIX,
            CurveLayout.VOUCH_NONCE_PREFIX}) {
            assertThat(prefix).hasSize(CurveLayout.NONCE_LENGTH - LONG_NONCE_LENGTH);
        }
    }

    @Test
    void shouldBuildShortNonces() {
        assertThat(CurveVectors.hex(CurveLayout.shortNonce(CurveLayout.CLIENT_MESSAGE_NONCE_PREFIX, 3)))
                .isEqualTo(CurveVectors.hex(ascii("CurveZMQMESSAGEC")) + "0000000000000003");
        assertThat(CurveVectors.hex(CurveLayout.shortNonce(CurveLayout.READY_NONCE_PREFIX, -1L)))
                .isEqualTo(CurveVectors.hex(ascii("CurveZMQREADY---")) + "ffffffffffffffff");
    }

    @Test
    void shouldBuildLongNoncesFromAnOffset() {
        byte[] source = new byte[20];
        for (int i = 0; i < source.length; i++) {
            source[i] = (byte) i;
        }

        byte[] nonce = CurveLayout.longNonce(CurveLayout.VOUCH_NONCE_PREFIX, source, 3);

        assertThat(Arrays.copyOfRange(nonce, 0, 8)).isEqualTo(ascii("VOUCH---"));
        assertThat(Arrays.copyOfRange(nonce, 8, 24)).isEqualTo(Arrays.copyOfRange(source, 3, 19));
    }

    @Test
    void shouldReadBackBigEndianLongs() {
        byte[] bytes = new byte[10];

        CurveLayout.putLong(bytes, 1, 0x0102030405060708L);

        assertThat(CurveVectors.hex(bytes)).isEqualTo("00010203040506070800");
        assertThat(CurveLayout.getLong(bytes, 1)).isEqualTo(0x0102030405060708L);
        CurveLayout.putLong(bytes, 2, -2L);
        assertThat(CurveLayout.getLong(bytes, 2)).isEqualTo(-2L);
    }

    @Test
    void shouldWriteCommandNames() {
        byte[] body = new byte[10];

        assertThat(CurveLayout.putName(body, ZmtpLayout.MESSAGE)).isEqualTo(8);
        assertThat(Arrays.copyOf(body, 8)).isEqualTo(ascii("\u0007MESSAGE"));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
