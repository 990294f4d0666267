// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Z85} against spec/security.md section 5 (RFC 32) and libzmq's error rules. */
class Z85Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final String ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "864FD26FB559F75B | HelloWorld",
        "8E0BDD697628B91D8F245587EE95C5B04D48963F79259877B49CD9063AEAD3B7 | JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6",
        "bb88471d65e2659b30c55a5321cebb5aab2b70a398645c26dca2b2fcb43fc518 | Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID",
        "7bb864b489afa3671fbe69101f94b38972f24816dfb01b51656b3fec8dfd0888 | D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs",
        "54fcba24e93249969316fb617c872bb0c1d1ff14800427c594cbfacf1bc2d652 | rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7",
        "00000000 | 00000",
        "FFFFFFFF | %nSc0"})
    void shouldEncodeAndDecodeSpecVectors(String hex, String z85) {
        byte[] bytes = HEX.parseHex(hex.toLowerCase(Locale.ROOT));

        assertThat(Z85.encode(bytes)).isEqualTo(z85);
        assertThat(Z85.decode(z85)).isEqualTo(bytes);
    }

    @Test
    void shouldEncodeNothingAsEmptyText() {
        assertThat(Z85.encode(new byte[0])).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 31, 33})
    void shouldRefuseToEncodeLengthsThatAreNotMultiplesOfFour(int length) {
        assertEinval(() -> Z85.encode(new byte[length]));
    }

    /** libzmq's decoder rejects text shorter than one group, the empty string included. */
    @ParameterizedTest
    @ValueSource(strings = {"", "Hell", "HelloW", "HelloWorl", "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh"})
    void shouldRefuseToDecodeLengthsThatAreNotPositiveMultiplesOfFive(String text) {
        assertEinval(() -> Z85.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello World", "Hell\"", "Hell,", "Hell;", "Hell'", "Hell_", "Hell`", "Hell|", "Hell~",
        "Hell\\", "Hell\u00e9", "Hell\u0000", "Hell\u20ac"})
    void shouldRefuseCharactersOutsideTheAlphabet(String text) {
        assertEinval(() -> Z85.decode(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"#####", "%nSc1", "%nSd0", "HelloWorld#####", "$$$$$"})
    void shouldRefuseGroupsAboveTwoToTheThirtyTwo(String text) {
        assertEinval(() -> Z85.decode(text));
    }

    @Test
    void shouldReadCurveKeysInEveryFormLibzmqAccepts() {
        byte[] raw = HEX.parseHex("8e0bdd697628b91d8f245587ee95c5b04d48963f79259877b49cd9063aead3b7");
        byte[] text = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6".getBytes(StandardCharsets.US_ASCII);
        byte[] textWithNul = Arrays.copyOf(text, 41);

        assertThat(Z85.curveKey(raw)).isEqualTo(raw).isNotSameAs(raw);
        assertThat(Z85.curveKey(text)).isEqualTo(raw);
        assertThat(Z85.curveKey(textWithNul)).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 31, 33, 39, 42})
    void shouldRefuseCurveKeysOfOtherLengths(int length) {
        assertEinval(() -> Z85.curveKey(new byte[length]));
    }

    @Test
    void shouldRefuseFortyOneBytesWithoutTrailingNul() {
        byte[] text = ("JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6" + "0").getBytes(StandardCharsets.US_ASCII);

        assertEinval(() -> Z85.curveKey(text));
    }

    @Test
    void shouldRefuseCurveKeyTextWithBadCharacters() {
        byte[] text = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh~".getBytes(StandardCharsets.US_ASCII);

        assertEinval(() -> Z85.curveKey(text));
    }

    @Property(tries = 500)
    void shouldRoundTripBytes(@ForAll("multiplesOfFour") byte[] data) {
        String text = Z85.encode(data);

        assertThat(text).hasSize(data.length / 4 * 5);
        assertThat(text.chars()).allMatch(c -> ALPHABET.indexOf(c) >= 0);
        assertThat(Z85.decode(text)).isEqualTo(data);
    }

    @Property(tries = 500)
    void shouldRoundTripTextWhoseGroupsFit(@ForAll("validText") String text) {
        assertThat(Z85.encode(Z85.decode(text))).isEqualTo(text);
    }

    /** From one group up: libzmq's decoder refuses the empty text that encoding nothing gives. */
    @Provide
    Arbitrary<byte[]> multiplesOfFour() {
        return Arbitraries.integers().between(1, 64).flatMap(
                groups -> Arbitraries.bytes().array(byte[].class).ofSize(groups * 4));
    }

    /** Groups of five alphabet characters, each at most {@code %nSc0} (2^32 - 1). */
    @Provide
    Arbitrary<String> validText() {
        Arbitrary<String> group = Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(Z85Test::group);
        return group.list().ofMinSize(1).ofMaxSize(12).map(groups -> String.join("", groups));
    }

    private static String group(long value) {
        char[] chars = new char[5];
        for (int i = 4; i >= 0; i--) {
            chars[i] = ALPHABET.charAt((int) (value % 85));
            value /= 85;
        }
        return new String(chars);
    }

    private static void assertEinval(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ZmqException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
    }
}
