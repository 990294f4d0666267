// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import static io.zenmq.internal.crypto.CurveVectors.bytes;
import static io.zenmq.internal.crypto.CurveVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Known answers of {@link CryptoBox}: spec/security.md section 3.11, RFC 7748 section 6.1, and boxes
 * computed with libsodium 1.0.18 ({@code crypto_box_easy}).
 */
class CryptoBoxTest {
    private static final String RFC7748_ALICE_SECRET =
            "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
    private static final String RFC7748_ALICE_PUBLIC =
            "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
    private static final String RFC7748_BOB_SECRET = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private static final String RFC7748_BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
    private static final String NACL_NONCE = "69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37";
    private static final String FOX = "The quick brown fox jumps over the lazy dog, twice: "
            + "the quick brown fox jumps over the lazy dog.";
    /** libsodium: crypto_box_easy(FOX, NACL_NONCE, Bob's public, Alice's secret). */
    private static final String FOX_BOX = "1e5bd99697a671f9d04c5c00c7cbd15864f6017a059c89c566a221deb6601495"
            + "7c7493ad305a30007f29532830f777e24d565bbfca1be441330fbfe99250df327e6bc42ecccf8b364bce6a1539bfae7b"
            + "d5c268e67e8e44c71dad414a9af1c98f17a63676efaede0cde5b49dc6e00912a";

    @Test
    void shouldDerivePublicKeysOfTheCurveTestKeys() {
        assertThat(hex(CryptoBox.publicKey(bytes(CurveVectors.CLIENT_SECRET)))).isEqualTo(CurveVectors.CLIENT_PUBLIC);
        assertThat(hex(CryptoBox.publicKey(bytes(CurveVectors.SERVER_SECRET)))).isEqualTo(CurveVectors.SERVER_PUBLIC);
    }

    @Test
    void shouldDerivePublicKeysOfRfc7748() {
        assertThat(hex(CryptoBox.publicKey(bytes(RFC7748_ALICE_SECRET)))).isEqualTo(RFC7748_ALICE_PUBLIC);
        assertThat(hex(CryptoBox.publicKey(bytes(RFC7748_BOB_SECRET)))).isEqualTo(RFC7748_BOB_PUBLIC);
    }

    @Test
    void shouldPrecomputeTheSameKeyOnBothSides() {
        byte[] clientSide = new byte[CryptoBox.SHARED_KEY_BYTES];
        byte[] serverSide = new byte[CryptoBox.SHARED_KEY_BYTES];

        assertThat(CryptoBox.beforenm(bytes(CurveVectors.SERVER_PUBLIC), bytes(CurveVectors.CLIENT_SECRET), clientSide))
                .isTrue();
        assertThat(CryptoBox.beforenm(bytes(CurveVectors.CLIENT_PUBLIC), bytes(CurveVectors.SERVER_SECRET), serverSide))
                .isTrue();

        assertThat(hex(clientSide)).isEqualTo(CurveVectors.SHARED_KEY);
        assertThat(hex(serverSide)).isEqualTo(CurveVectors.SHARED_KEY);
    }

    @Test
    void shouldBoxTheHelloSignatureOfSpecVector() {
        byte[] nonce = bytes(hex("CurveZMQHELLO---".getBytes(StandardCharsets.US_ASCII)) + "0000000000000001");

        byte[] box = CryptoBox.box(new byte[64], nonce, bytes(CurveVectors.SERVER_PUBLIC),
                bytes(CurveVectors.CLIENT_SECRET));

        assertThat(hex(box)).isEqualTo(CurveVectors.HELLO_BOX);
        assertThat(CryptoBox.open(box, nonce, bytes(CurveVectors.CLIENT_PUBLIC), bytes(CurveVectors.SERVER_SECRET)))
                .containsExactly(new byte[64]);
    }

    @Test
    void shouldMatchLibsodiumForALongerBox() {
        byte[] fox = FOX.getBytes(StandardCharsets.US_ASCII);

        byte[] box = CryptoBox.box(fox, bytes(NACL_NONCE), bytes(RFC7748_BOB_PUBLIC), bytes(RFC7748_ALICE_SECRET));

        assertThat(hex(box)).isEqualTo(FOX_BOX);
        assertThat(CryptoBox.open(box, bytes(NACL_NONCE), bytes(RFC7748_ALICE_PUBLIC), bytes(RFC7748_BOB_SECRET)))
                .isEqualTo(fox);
    }

    @Test
    void shouldRefuseToOpenWithTheWrongKeys() {
        byte[] box = bytes(FOX_BOX);

        assertThat(CryptoBox.open(box, bytes(NACL_NONCE), bytes(CurveVectors.CLIENT_PUBLIC), bytes(RFC7748_BOB_SECRET)))
                .isNull();
    }

    /** Low-order points (libsodium's blacklist): the X25519 result is all zeros. */
    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "0100000000000000000000000000000000000000000000000000000000000000",
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157"})
    void shouldRejectLowOrderPublicKeys(String lowOrder) {
        byte[] shared = new byte[CryptoBox.SHARED_KEY_BYTES];
        shared[0] = 1;

        assertThat(CryptoBox.beforenm(bytes(lowOrder), bytes(RFC7748_ALICE_SECRET), shared)).isFalse();
        assertThat(shared).containsOnly(0);
        assertThat(CryptoBox.box(new byte[1], bytes(NACL_NONCE), bytes(lowOrder), bytes(RFC7748_ALICE_SECRET)))
                .isNull();
        assertThat(CryptoBox.open(new byte[17], bytes(NACL_NONCE), bytes(lowOrder), bytes(RFC7748_ALICE_SECRET)))
                .isNull();
    }

    @Test
    void shouldRejectWrongKeyLengths() {
        assertThatThrownBy(() -> CryptoBox.publicKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CryptoBox.beforenm(new byte[32], new byte[33], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldMakeKeyPairsWhosePublicHalfMatchesTheSecret() {
        byte[] publicKey = new byte[CryptoBox.PUBLIC_KEY_BYTES];
        byte[] secretKey = new byte[CryptoBox.SECRET_KEY_BYTES];

        CryptoBox.keyPair(new SecureRandom(), publicKey, secretKey);

        assertThat(CryptoBox.publicKey(secretKey)).isEqualTo(publicKey);
    }

    @Property(tries = 50)
    void shouldRoundTripBetweenTwoRandomKeyPairs(@ForAll @Size(max = 1000) byte[] message, @ForAll long seed) {
        SecureRandom random = new DeterministicRandom(seed);
        byte[] alicePublic = new byte[32];
        byte[] aliceSecret = new byte[32];
        byte[] bobPublic = new byte[32];
        byte[] bobSecret = new byte[32];
        CryptoBox.keyPair(random, alicePublic, aliceSecret);
        CryptoBox.keyPair(random, bobPublic, bobSecret);
        byte[] nonce = new byte[CryptoBox.NONCE_BYTES];
        random.nextBytes(nonce);

        byte[] box = CryptoBox.box(message, nonce, bobPublic, aliceSecret);

        assertThat(box).hasSize(message.length + CryptoBox.MAC_BYTES);
        assertThat(CryptoBox.open(box, nonce, alicePublic, bobSecret)).isEqualTo(message);
    }
}
