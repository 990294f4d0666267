// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import static io.zenmq.internal.crypto.CurveVectors.bytes;
import static io.zenmq.internal.crypto.CurveVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Known answers and tamper checks of {@link SecretBox}; the answers are spec/security.md section 3.11
 * and {@code crypto_secretbox_easy} of libsodium 1.0.18 under the section 3.11 key.
 */
class SecretBoxTest {
    private static final byte[] KEY = bytes(CurveVectors.SHARED_KEY);
    /** libsodium: crypto_secretbox_easy("", 00 01 .. 17, k). */
    private static final String EMPTY_BOX = "4e68a45e1aef2cc23a27f6605e63231e";
    /** libsodium: crypto_secretbox_easy(byte i = 7i + 3 for i in 0..299, 00 01 .. 17, k). */
    private static final String LONG_BOX = "1297dda526e27a06f07551375291a9add4bbd9d7ed54fdbdaefebb15e7c5a5b2"
            + "f099dae59cd35c68c523568159d153f82c9aa76edd92d0d2d8a9939ef830f78468a64df49cc9243bae9f6aa2e214da6e"
            + "6a281dea62eaa6fb9e7c1e90373b74a7113c1e937dcdf355372ec96571a194acf173de8a25424328970d2cbda9c14af8"
            + "59c41b6efc277e6e73f5df476b787cb438e826b19ec5efa7774ce993b593370e58ba0a7369b64d1da6bce25d41890828"
            + "bb0e1396235878204205b4fb49207c1e6a05c2279afe1e0aefec84513ff9f1b70cb894239762f7d90fe4dab906bab356"
            + "b78ce16d6a78594db0d736b464d3527009bca3af34dfa7186609e9fb4a96d12042c725c929b3cfacb8467733211427de"
            + "0335840fd6b2fdb9c14bb4205d12dcf1613e97999f3e5f0b119c72ca4bf335d20d08e25a8e92e204a444f8fc";

    @Test
    void shouldSealTheSpecMessageVector() {
        byte[] nonce = bytes(hex("CurveZMQMESSAGEC".getBytes(StandardCharsets.US_ASCII)) + "0000000000000003");
        byte[] plaintext = bytes("00" + hex("Hello".getBytes(StandardCharsets.US_ASCII)));

        byte[] box = new SecretBox(KEY).seal(nonce, plaintext);

        assertThat(hex(box)).isEqualTo(CurveVectors.MESSAGE_BOX);
        assertThat(new SecretBox(KEY).open(nonce, box)).isEqualTo(plaintext);
    }

    @Test
    void shouldMatchNaclsSecretboxVector() {
        // NaCl tests/secretbox.c: firstkey, its nonce and 131-byte message; the box is the tag of
        // tests/onetimeauth.c followed by the ciphertext that test authenticates
        byte[] message = bytes("be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a"
                + "1ac728d45e6c61296cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a"
                + "024a838f21af1fde048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f9377638486" + "45e0705");
        SecretBox box = new SecretBox(bytes(Salsa20Test.FIRST_KEY));

        byte[] sealed = box.seal(bytes(Salsa20Test.NONCE), message);

        assertThat(hex(sealed)).isEqualTo(Poly1305Test.NACL_TAG + Poly1305Test.NACL_MESSAGE);
        assertThat(box.open(bytes(Salsa20Test.NONCE), sealed)).isEqualTo(message);
    }

    @Test
    void shouldSealAnEmptyMessageToATagOnly() {
        assertThat(hex(new SecretBox(KEY).seal(counting(24), new byte[0]))).isEqualTo(EMPTY_BOX);
    }

    @Test
    void shouldSealAcrossKeystreamBlocks() {
        byte[] message = new byte[300];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) (7 * i + 3);
        }
        SecretBox box = new SecretBox(KEY);

        byte[] sealed = box.seal(counting(24), message);

        assertThat(hex(sealed)).isEqualTo(LONG_BOX);
        assertThat(box.open(counting(24), sealed)).isEqualTo(message);
    }

    @Test
    void shouldSealAndOpenInPlaceAtOffsets() {
        byte[] message = "in place".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[5 + SecretBox.MAC_BYTES + message.length + 3];
        System.arraycopy(message, 0, buffer, 5 + SecretBox.MAC_BYTES, message.length);
        SecretBox box = new SecretBox(KEY);

        box.seal(counting(24), buffer, 5 + SecretBox.MAC_BYTES, message.length, buffer, 5);

        assertThat(Arrays.copyOfRange(buffer, 5, 5 + SecretBox.MAC_BYTES + message.length))
                .isEqualTo(box.seal(counting(24), message));
        assertThat(box.open(counting(24), buffer, 5, SecretBox.MAC_BYTES + message.length, buffer,
                5 + SecretBox.MAC_BYTES)).isTrue();
        assertThat(Arrays.copyOfRange(buffer, 5 + SecretBox.MAC_BYTES, 5 + SecretBox.MAC_BYTES + message.length))
                .isEqualTo(message);
    }

    @Test
    void shouldDecryptAVerifiedBoxInPieces() {
        byte[] message = "0123456789".getBytes(StandardCharsets.US_ASCII);
        SecretBox box = new SecretBox(KEY);
        byte[] sealed = box.seal(counting(24), message);
        byte[] head = new byte[1];
        byte[] rest = new byte[message.length - 1];

        assertThat(box.verify(counting(24), sealed, 0, sealed.length)).isTrue();
        box.decrypt(sealed, SecretBox.MAC_BYTES, 1, head, 0);
        box.decrypt(sealed, SecretBox.MAC_BYTES + 1, rest.length, rest, 0);

        assertThat(head).containsExactly('0');
        assertThat(rest).isEqualTo(Arrays.copyOfRange(message, 1, message.length));
    }

    @Test
    void shouldSealAHeaderByteAndAPayloadFromTwoArraysAsOneMessage() {
        byte[] message = new byte[300];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) (7 * i + 3);
        }
        byte[] payload = Arrays.copyOfRange(message, 1, message.length);
        SecretBox box = new SecretBox(KEY);
        byte[] sealed = new byte[SecretBox.MAC_BYTES + message.length];

        box.startSeal(counting(24));
        box.encrypt(message, 0, 1, sealed, SecretBox.MAC_BYTES);
        box.encrypt(payload, 0, payload.length, sealed, SecretBox.MAC_BYTES + 1);
        box.finishSeal(sealed, 0);

        assertThat(hex(sealed)).isEqualTo(LONG_BOX);
    }

    @Test
    void shouldNotEncryptOrFinishWithoutStartingASeal() {
        SecretBox box = new SecretBox(KEY);
        box.startSeal(counting(24));
        box.finishSeal(new byte[SecretBox.MAC_BYTES], 0);

        assertThatThrownBy(() -> box.encrypt(new byte[1], 0, 1, new byte[1], 0))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.finishSeal(new byte[SecretBox.MAC_BYTES], 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldNotDecryptWithoutAVerifiedBox() {
        SecretBox box = new SecretBox(KEY);
        byte[] sealed = box.seal(counting(24), new byte[4]);
        sealed[0] ^= 1;

        assertThat(box.verify(counting(24), sealed, 0, sealed.length)).isFalse();
        assertThatThrownBy(() -> box.decrypt(sealed, SecretBox.MAC_BYTES, 4, new byte[4], 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldLeaveTheOutputAloneWhenTheTagIsWrong() {
        SecretBox box = new SecretBox(KEY);
        byte[] sealed = box.seal(counting(24), new byte[8]);
        sealed[SecretBox.MAC_BYTES + 2] ^= 0x40;
        byte[] out = new byte[8];
        Arrays.fill(out, (byte) 0x55);

        assertThat(box.open(counting(24), sealed, 0, sealed.length, out, 0)).isFalse();
        assertThat(out).containsOnly(0x55);
    }

    @Test
    void shouldRefuseBoxesShorterThanTheTag() {
        assertThat(new SecretBox(KEY).open(counting(24), new byte[SecretBox.MAC_BYTES - 1])).isNull();
    }

    @Test
    void shouldRejectWrongKeyAndNonceLengths() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretBox(KEY).seal(new byte[8], new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void shouldDetectAnySingleBitFlip(@ForAll @Size(max = 200) byte[] message, @ForAll @IntRange(max = 1 << 16) int at,
                                      @ForAll @IntRange(max = 7) int bit) {
        SecretBox box = new SecretBox(KEY);
        byte[] sealed = box.seal(counting(24), message);
        sealed[at % sealed.length] ^= (byte) (1 << bit);

        assertThat(box.open(counting(24), sealed)).isNull();
    }

    @Property(tries = 200)
    void shouldRejectAnyOtherNonce(@ForAll @Size(max = 64) byte[] message, @ForAll @IntRange(max = 23) int at) {
        SecretBox box = new SecretBox(KEY);
        byte[] sealed = box.seal(counting(24), message);
        byte[] nonce = counting(24);
        nonce[at] ^= 1;

        assertThat(box.open(nonce, sealed)).isNull();
    }

    private static byte[] counting(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
