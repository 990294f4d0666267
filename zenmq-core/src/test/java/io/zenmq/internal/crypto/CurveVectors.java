// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.crypto;

import java.util.HexFormat;

/**
 * The CURVE test keys and known answers of spec/security.md section 3.11 (libzmq's zmq_curve(7) keys,
 * boxes computed with libsodium 1.0.18), shared by the crypto and mechanism tests.
 */
public final class CurveVectors {
    private static final HexFormat HEX = HexFormat.of();

    /** Client public key C, Z85. */
    public static final String CLIENT_PUBLIC_Z85 = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";
    /** Client secret key c, Z85. */
    public static final String CLIENT_SECRET_Z85 = "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs";
    /** Server public key S, Z85. */
    public static final String SERVER_PUBLIC_Z85 = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
    /** Server secret key s, Z85. */
    public static final String SERVER_SECRET_Z85 = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6";

    /** Client public key C. */
    public static final String CLIENT_PUBLIC = "bb88471d65e2659b30c55a5321cebb5aab2b70a398645c26dca2b2fcb43fc518";
    /** Client secret key c. */
    public static final String CLIENT_SECRET = "7bb864b489afa3671fbe69101f94b38972f24816dfb01b51656b3fec8dfd0888";
    /** Server public key S. */
    public static final String SERVER_PUBLIC = "54fcba24e93249969316fb617c872bb0c1d1ff14800427c594cbfacf1bc2d652";
    /** Server secret key s. */
    public static final String SERVER_SECRET = "8e0bdd697628b91d8f245587ee95c5b04d48963f79259877b49cd9063aead3b7";

    /** box(64 zero bytes, "CurveZMQHELLO---" + 1, S, c). */
    public static final String HELLO_BOX = "3fc780d97ca169864dd85deee9599a695b6a48ab29f486181e07d0ce626ea1d2"
            + "f7413adb9692fbe1327a7ea60c93d4d355ab4f765756b3787193af9155f6466668fa6cabb8f0123fb4a112499c31de7a";
    /** beforenm(S, c) = beforenm(C, s). */
    public static final String SHARED_KEY = "0e8790cb0dc8703af2533cc8594eecfbf62ca560a66ebee1259cc0a30435c6f3";
    /** secretbox(00 "Hello", "CurveZMQMESSAGEC" + 3, k). */
    public static final String MESSAGE_BOX = "e11befc295ceaecf842823ce538eb32aa4317ce5c449";
    /** The whole ZMTP frame carrying that MESSAGE (outer flags 00). */
    public static final String MESSAGE_FRAME = "0026" + "074d455353414745" + "0000000000000003"
            + MESSAGE_BOX;

    private CurveVectors() {
    }

    /**
     * Parses hex.
     *
     * @param hex lower- or upper-case hex digits
     * @return the bytes
     */
    public static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    /**
     * Formats hex.
     *
     * @param bytes any bytes
     * @return lower-case hex
     */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
