// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import static io.zenmq.internal.crypto.CurveVectors.bytes;
import static io.zenmq.internal.crypto.CurveVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Known answers of {@link Poly1305}: NaCl's and libsodium's {@code onetimeauth} vector (whole and in
 * uneven pieces), poly1305-donna's wrap-around and "mac of macs" vectors, RFC 8439 section 2.5.2 and
 * the TLS draft's two vectors.
 */
class Poly1305Test {
    /** NaCl tests/onetimeauth.c: the one-time key. */
    static final String NACL_KEY = "eea6a7251c1e72916d11c2cb214d3c252539121d8e234e652d651fa4c8cff880";
    /** NaCl tests/onetimeauth.c: the message (the ciphertext of the secretbox vector). */
    static final String NACL_MESSAGE = "8e993b9f48681273c29650ba32fc76ce48332ea7164d96a4476fb8c531a1186a"
            + "c0dfc17c98dce87b4da7f011ec48c97271d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae"
            + "90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b37973f622a43d14a6599b1f654cb45a74"
            + "e355a5";
    /** NaCl tests/onetimeauth.out. */
    static final String NACL_TAG = "f3ffc7703f9400e52a7dfb4b3d3305d9";

    @Test
    void shouldMatchNaclsOnetimeauthVector() {
        assertThat(hex(tag(bytes(NACL_KEY), bytes(NACL_MESSAGE)))).isEqualTo(NACL_TAG);
    }

    @Test
    void shouldMatchNaclsVectorFedInUnevenPieces() {
        byte[] message = bytes(NACL_MESSAGE);
        Poly1305 mac = new Poly1305();
        mac.init(bytes(NACL_KEY), 0);
        int at = 0;
        for (int piece : new int[] {32, 64, 16, 8, 4, 2, 1, 1, 1, 1, 1}) {
            mac.update(message, at, piece);
            at += piece;
        }
        byte[] out = new byte[16];
        mac.finish(out, 0);

        assertThat(at).isEqualTo(message.length);
        assertThat(hex(out)).isEqualTo(NACL_TAG);
    }

    @Test
    void shouldReduceAnAccumulatorJustBelowTwoToThe130() {
        // r = 2, message 2^128 - 1 (+ 2^128): h = 2 * (2^129 - 1) = 2^130 - 2 = p + 3
        byte[] key = new byte[32];
        key[0] = 2;
        byte[] message = new byte[16];
        Arrays.fill(message, (byte) 0xff);

        assertThat(hex(tag(key, message))).isEqualTo("03000000000000000000000000000000");
    }

    @Test
    void shouldMatchTheMacOfMacsOverLengthsZeroTo255() {
        // poly1305-donna's key: 01..07, ff fe fd fc fb fa f9, fourteen ff, then zeros
        byte[] totalKey = bytes("01020304050607" + "fffefdfcfbfaf9" + "ff".repeat(14) + "00000000");
        Poly1305 total = new Poly1305();
        total.init(totalKey, 0);
        for (int i = 0; i < 256; i++) {
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) i);
            byte[] message = new byte[i];
            Arrays.fill(message, (byte) i);
            total.update(tag(key, message), 0, 16);
        }
        byte[] out = new byte[16];
        total.finish(out, 0);

        assertThat(hex(out)).isEqualTo("64afe2e8d6ad7bbdd287f97c44623d39");
    }

    @Test
    void shouldMatchRfc8439Section252() {
        byte[] key = bytes("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b");
        byte[] message = "Cryptographic Forum Research Group".getBytes(StandardCharsets.US_ASCII);

        assertThat(hex(tag(key, message))).isEqualTo("a8061dc1305136c6c22b8baf0c0127a9");
    }

    @Test
    void shouldMatchTheTlsDraftVectors() {
        byte[] key = "this is 32-byte key for Poly1305".getBytes(StandardCharsets.US_ASCII);

        assertThat(hex(tag(key, new byte[32]))).isEqualTo("49ec78090e481ec6c26b33b91ccc0307");
        assertThat(hex(tag(key, "Hello world!".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("a6f745008f81c916a20dcc74eef2b2f0");
    }

    @Test
    void shouldTagAnEmptyMessageWithS() {
        byte[] key = bytes("00000000000000000000000000000000" + "0102030405060708090a0b0c0d0e0f10");

        assertThat(hex(tag(key, new byte[0]))).isEqualTo("0102030405060708090a0b0c0d0e0f10");
    }

    /**
     * The longest-carry cases for the lanes ({@link Poly1305Lanes}) and the sum that folds them
     * back: every message and key byte 0xff (largest limbs, r as large as its clamp allows) or a
     * message of 0xff with a small r, at lengths that end on, just past and well past a lane step,
     * whole and in the 8 KiB pieces {@link SecretBox} feeds, against Bouncy Castle.
     */
    @Test
    void shouldMatchBouncyCastleOnExtremeLongMessages() {
        byte[] allOnes = new byte[32];
        Arrays.fill(allOnes, (byte) 0xff);
        byte[] smallR = new byte[32];
        smallR[0] = 3;
        Arrays.fill(smallR, 16, 32, (byte) 0xff);
        for (byte[] key : new byte[][] {allOnes, smallR}) {
            for (int length : new int[] {4095, 4096, 4097, 4111, 5120, 8192, 65535, 65536, 65537, 70_001}) {
                byte[] message = new byte[length];
                Arrays.fill(message, (byte) 0xff);
                byte[] expected = BouncyCastleReference.poly1305(key, message);

                assertThat(tag(key, message)).as("whole, %d bytes", length).isEqualTo(expected);
                Poly1305 mac = new Poly1305();
                mac.init(key, 0);
                for (int at = 0; at < length; at += 8192) {
                    mac.update(message, at, Math.min(8192, length - at));
                }
                byte[] pieces = new byte[16];
                mac.finish(pieces, 0);
                assertThat(pieces).as("in 8 KiB pieces, %d bytes", length).isEqualTo(expected);
            }
        }
    }

    static byte[] tag(byte[] key, byte[] message) {
        Poly1305 mac = new Poly1305();
        mac.init(key, 0);
        mac.update(message, 0, message.length);
        byte[] out = new byte[16];
        mac.finish(out, 0);
        return out;
    }
}
