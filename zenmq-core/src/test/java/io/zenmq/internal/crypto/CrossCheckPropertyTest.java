// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-written {@link SecretBox} and {@link Poly1305} against {@link BouncyCastleReference} on
 * random keys, nonces and messages of 0 to 70 000 bytes, with the block boundaries (16 for
 * Poly1305, 64 for Salsa20, shifted by the 32 keystream bytes of the MAC key) drawn often.
 */
class CrossCheckPropertyTest {
    private static final int MAX_LENGTH = 70_000;

    @Provide
    Arbitrary<Integer> lengths() {
        Arbitrary<Integer> boundaries = Arbitraries.of(0, 1, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65, 95, 96,
                97, 127, 128, 129, 1023, 1024, 1025, 4095, 4096, 4097, 65535, 65536, 65537, MAX_LENGTH);
        return Arbitraries.oneOf(boundaries, Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(0, MAX_LENGTH));
    }

    @Property(tries = 300)
    void shouldSealAsBouncyCastleDoes(@ForAll("lengths") int length, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] key = randomBytes(random, 32);
        byte[] nonce = randomBytes(random, 24);
        byte[] message = randomBytes(random, length);

        byte[] sealed = new SecretBox(key).seal(nonce, message);

        assertThat(sealed).isEqualTo(BouncyCastleReference.seal(key, nonce, message));
    }

    @Property(tries = 200)
    void shouldOpenInRandomPiecesWhatBouncyCastleSealed(@ForAll("lengths") int length, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] key = randomBytes(random, 32);
        byte[] nonce = randomBytes(random, 24);
        byte[] message = randomBytes(random, length);
        byte[] sealed = BouncyCastleReference.seal(key, nonce, message);
        SecretBox box = new SecretBox(key);

        assertThat(box.verify(nonce, sealed, 0, sealed.length)).isTrue();
        byte[] opened = new byte[length];
        int at = 0;
        while (at < length) {
            int piece = Math.min(length - at, 1 + random.nextInt(random.nextBoolean() ? 70 : 5000));
            box.decrypt(sealed, SecretBox.MAC_BYTES + at, piece, opened, at);
            at += piece;
        }
        assertThat(opened).isEqualTo(message);
    }

    @Property(tries = 200)
    void shouldSealInRandomPiecesAsBouncyCastleDoes(@ForAll("lengths") int length, @ForAll long seed) {
        // how CurveMessageCodec seals: a flags byte, then the frame from its own array
        SplittableRandom random = new SplittableRandom(seed);
        byte[] key = randomBytes(random, 32);
        byte[] nonce = randomBytes(random, 24);
        byte[] message = randomBytes(random, length);
        SecretBox box = new SecretBox(key);

        byte[] sealed = new byte[SecretBox.MAC_BYTES + length];
        box.startSeal(nonce);
        int at = 0;
        while (at < length) {
            int piece = Math.min(length - at, random.nextBoolean() ? 1 : 1 + random.nextInt(5000));
            box.encrypt(message, at, piece, sealed, SecretBox.MAC_BYTES + at);
            at += piece;
        }
        box.finishSeal(sealed, 0);

        assertThat(sealed).isEqualTo(BouncyCastleReference.seal(key, nonce, message));
    }

    @Property(tries = 100)
    void shouldKeepAgreeingWhenOneBoxSealsMessageAfterMessage(@ForAll long seed) {
        // the kept subkey must follow the nonce's prefix, and the cipher state must not leak across boxes
        SplittableRandom random = new SplittableRandom(seed);
        byte[] key = randomBytes(random, 32);
        byte[] nonce = randomBytes(random, 24);
        SecretBox box = new SecretBox(key);
        for (int i = 0; i < 5; i++) {
            nonce[random.nextInt(24)] ^= (byte) (1 + random.nextInt(255));
            byte[] message = randomBytes(random, random.nextInt(200));
            assertThat(box.seal(nonce, message)).isEqualTo(BouncyCastleReference.seal(key, nonce, message));
        }
    }

    @Property(tries = 300)
    void shouldTagAsBouncyCastleDoesInAnyPieces(@ForAll("lengths") int length, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] key = randomBytes(random, 32);
        byte[] message = randomBytes(random, length);
        Poly1305 mac = new Poly1305();
        mac.init(key, 0);
        int at = 0;
        while (at < length) {
            int piece = Math.min(length - at, random.nextInt(random.nextBoolean() ? 40 : 3000));
            mac.update(message, at, piece);
            at += piece;
        }
        byte[] tag = new byte[16];
        mac.finish(tag, 0);

        assertThat(tag).isEqualTo(BouncyCastleReference.poly1305(key, message));
    }

    @Property(tries = 200)
    void shouldTagExtremeAccumulatorsAsBouncyCastleDoes(@ForAll("lengths") int length, @ForAll boolean onesKey,
                                                        @ForAll long seed) {
        // all-ones messages and keys push every limb to its largest value before each reduction
        SplittableRandom random = new SplittableRandom(seed);
        byte[] key = onesKey ? filled(32, (byte) 0xff) : randomBytes(random, 32);
        byte[] message = filled(length, (byte) 0xff);

        assertThat(Poly1305Test.tag(key, message)).isEqualTo(BouncyCastleReference.poly1305(key, message));
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
