// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static io.zenmq.testing.RawZapClient.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zenmq.internal.auth.CertificateDirectory;
import io.zenmq.testing.ContextTest;
import io.zenmq.testing.LogCapture;
import io.zenmq.testing.RawZapClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Authenticator's zauth rules, asked through the context's ZAP service by a raw DEALER as
 * libzmq's ZAP client; the rules change while the service runs.
 */
class AuthenticatorTest extends ContextTest {
    private static final String CLIENT = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";
    private static final String SERVER = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
    private static final String OTHER = "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6";
    private Authenticator auth;
    private RawZapClient zap;

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        auth = new Authenticator();
        ctx.zapHandler(auth);
        zap = new RawZapClient(ctx);
    }


    private static void assertAllowed(Msg reply, String userId) {
        assertThat(reply.string(3)).as("status (%s)", reply.string(4)).isEqualTo("200");
        assertThat(reply.string(5)).isEqualTo(userId);
    }

    private static void assertDenied(Msg reply) {
        assertThat(reply.string(3)).isEqualTo("400");
        assertThat(reply.string(5)).isEmpty();
    }

    private Msg nullFrom(String address) {
        return zap.request("NULL", address);
    }

    private Msg curve(String address, String z85) {
        return zap.request("CURVE", address, Z85.decode(z85));
    }

    private static String certificate(String z85) {
        return "#   ZeroMQ CURVE Public Certificate, written by a test\n"
                + "#   Exchange securely.\n"
                + "\n"
                + "metadata\n"
                + "    name = \"test client\"\n"
                + "curve\n"
                + "    public-key = \"" + z85 + "\"\n";
    }

    @Test
    void shouldAllowNullClientsFromAnyAddressWithoutRules() {
        assertAllowed(nullFrom("192.0.2.1"), "");
        assertAllowed(nullFrom("localhost:1000:1000:4242"), "");
    }

    @Test
    void shouldAllowOnlyAllowedAddresses() {
        auth.allow("127.0.0.1", "10.0.0.7");

        assertAllowed(nullFrom("127.0.0.1"), "");
        assertAllowed(nullFrom("10.0.0.7"), "");
        assertDenied(nullFrom("10.0.0.8"));
    }

    @Test
    void shouldDenyDeniedAddressesWhateverTheCredentials() {
        auth.deny("10.0.0.66").plainUser("admin", "secret").curveAllowAny();

        assertDenied(nullFrom("10.0.0.66"));
        assertDenied(zap.plain("10.0.0.66", "admin", "secret"));
        assertDenied(curve("10.0.0.66", CLIENT));
        assertAllowed(nullFrom("10.0.0.1"), "");
        assertAllowed(zap.plain("10.0.0.1", "admin", "secret"), "admin");
    }

    @Test
    void shouldIgnoreTheDenyListOnceAnAddressIsAllowedAndWarn() {
        try (LogCapture log = new LogCapture(Authenticator.class)) {
            auth.allow("10.0.0.1").deny("10.0.0.1", "10.0.0.2");

            assertThat(log.at(Level.WARNING)).hasSize(1);
        }
        assertAllowed(nullFrom("10.0.0.1"), "");
        assertDenied(nullFrom("10.0.0.2"));
        assertDenied(nullFrom("10.0.0.3"));
    }

    @Test
    void shouldCompareIpAddressesByValue() {
        auth.allow("::1", "127.0.0.1", "[fe80::a]");

        assertAllowed(nullFrom("0:0:0:0:0:0:0:1"), "");
        assertAllowed(nullFrom("::1"), "");
        assertAllowed(nullFrom("::ffff:127.0.0.1"), "");
        assertAllowed(nullFrom("fe80:0::A"), "");
        assertDenied(nullFrom("::2"));
    }

    @Test
    void shouldCheckPlainUsersAndPasswords() {
        assertDenied(zap.plain("127.0.0.1", "admin", "secret"));

        auth.plainUser("admin", "secret").plainUser("guest", "");

        assertAllowed(zap.plain("127.0.0.1", "admin", "secret"), "admin");
        assertAllowed(zap.plain("127.0.0.1", "guest", ""), "guest");
        assertDenied(zap.plain("127.0.0.1", "admin", "Secret"));
        assertDenied(zap.plain("127.0.0.1", "admin", "secret "));
        assertDenied(zap.plain("127.0.0.1", "root", "secret"));
        assertDenied(zap.request("PLAIN", "127.0.0.1", new byte[] {(byte) 0xC3}, bytes("x")));
    }

    @Test
    void shouldReadAPasswordFileAsZauthDoesAndReadItAgainWhenItChanges() throws IOException {
        Path file = dir.resolve("passwords");
        Files.writeString(file, "# users of the test\n"
                + "\n"
                + "admin=secret\r\n"
                + "odd=pa=ss word \n"
                + "=nobody\n"
                + "no equals sign\n"
                + "#hidden=commented\n"
                + "admin=newer\n", StandardCharsets.UTF_8);

        auth.plainPasswords(file);

        assertAllowed(zap.plain("127.0.0.1", "admin", "newer"), "admin");
        assertDenied(zap.plain("127.0.0.1", "admin", "secret"));
        assertAllowed(zap.plain("127.0.0.1", "odd", "pa=ss word "), "odd");
        assertDenied(zap.plain("127.0.0.1", "", "nobody"));
        assertDenied(zap.plain("127.0.0.1", "#hidden", "commented"));
        assertDenied(zap.plain("127.0.0.1", "late", "comer"));

        Files.writeString(file, "late=comer\n", StandardCharsets.UTF_8);

        assertAllowed(zap.plain("127.0.0.1", "late", "comer"), "late");
        assertDenied(zap.plain("127.0.0.1", "admin", "newer"));

        Files.delete(file);

        assertDenied(zap.plain("127.0.0.1", "late", "comer"));
    }

    @Test
    void shouldPreferUsersGivenInCodeToThePasswordFile() throws IOException {
        Path file = Files.writeString(dir.resolve("passwords"), "admin=from-file\nreader=read\n");
        auth.plainPasswords(file).plainUser("admin", "from-code");

        assertAllowed(zap.plain("127.0.0.1", "admin", "from-code"), "admin");
        assertDenied(zap.plain("127.0.0.1", "admin", "from-file"));
        assertAllowed(zap.plain("127.0.0.1", "reader", "read"), "reader");
    }

    @Test
    void shouldRefuseAPasswordFileItCannotRead() {
        assertThatThrownBy(() -> auth.plainPasswords(dir.resolve("missing"))).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldCheckCurveKeysGivenInCode() {
        assertDenied(curve("127.0.0.1", CLIENT));

        auth.curveKey(CLIENT).curveKey(Z85.decode(SERVER));

        assertAllowed(curve("127.0.0.1", CLIENT), CLIENT);
        assertAllowed(curve("127.0.0.1", SERVER), SERVER);
        assertDenied(curve("127.0.0.1", OTHER));
    }

    @Test
    void shouldRefuseMalformedCurveKeys() {
        assertThatThrownBy(() -> auth.curveKey("too short"))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
        assertThatThrownBy(() -> auth.curveKey(new byte[31]))
                .isInstanceOfSatisfying(ZmqException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EINVAL));
    }

    @Test
    void shouldAllowAnyCurveKeyWhenAsked() {
        auth.curveAllowAny();

        assertAllowed(curve("127.0.0.1", OTHER), OTHER);
        assertDenied(zap.plain("127.0.0.1", "admin", "secret"));
    }

    @Test
    void shouldReadCertificatesAndSkipFilesThatAreNot() throws IOException {
        Files.writeString(dir.resolve("client.key"), certificate(CLIENT));
        Files.writeString(dir.resolve("server.key_secret"), "curve\n    public-key = '" + SERVER + "'\n"
                + "    secret-key = \"" + OTHER + "\"\n");
        byte[] garbage = new byte[4096];
        new Random(27).nextBytes(garbage);
        Files.write(dir.resolve("garbage"), garbage);
        Files.writeString(dir.resolve("bad-z85.key"), certificate("~".repeat(40)));
        Files.writeString(dir.resolve("bad-indent.key"), "curve\n  public-key = \"" + OTHER + "\"\n");
        Files.writeString(dir.resolve("other-section.key"), "metadata\n    public-key = \"" + OTHER + "\"\n");
        Path nested = Files.createDirectory(dir.resolve("nested"));
        Files.writeString(nested.resolve("nested.key"), certificate(OTHER));

        try (LogCapture log = new LogCapture(CertificateDirectory.class)) {
            auth.curveCertificates(dir);

            assertThat(log.at(Level.WARNING)).hasSize(4);
        }
        assertAllowed(curve("127.0.0.1", CLIENT), CLIENT);
        assertAllowed(curve("127.0.0.1", SERVER), SERVER);
        assertDenied(curve("127.0.0.1", OTHER));
    }

    @Test
    void shouldReadTheCertificateDirectoryAgainWhenItChanges() throws IOException {
        auth.curveCertificates(dir);
        assertDenied(curve("127.0.0.1", CLIENT));

        Files.writeString(dir.resolve("client.key"), certificate(CLIENT));

        assertAllowed(curve("127.0.0.1", CLIENT), CLIENT);

        Files.delete(dir.resolve("client.key"));

        assertDenied(curve("127.0.0.1", CLIENT));
    }

    @Test
    void shouldRefuseACertificateDirectoryThatIsNotOne() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> auth.curveCertificates(file)).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> auth.curveCertificates(dir.resolve("missing")))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldLogAdmissionsAtDebugAndRefusalsAtInfoWithoutPasswords() {
        auth.plainUser("admin", "secret");
        try (LogCapture log = new LogCapture(Authenticator.class)) {
            zap.plain("127.0.0.1", "admin", "secret");
            zap.plain("127.0.0.1", "admin", "wrong-one");

            assertThat(log.at(Level.FINE)).singleElement()
                    .satisfies(r -> assertThat(r.getMessage()).contains("admin").doesNotContain("secret"));
            assertThat(log.at(Level.INFO)).singleElement()
                    .satisfies(r -> assertThat(r.getMessage()).contains("admin", "127.0.0.1")
                            .doesNotContain("wrong-one"));
        }
    }

    @Test
    void shouldDecideRequestsGivenDirectly() {
        Authenticator direct = new Authenticator().allow("10.0.0.1").plainUser("admin", "secret");

        ZapDecision allowed = direct.authenticate(
                ZapRequest.builder().address("10.0.0.1").plain("admin", "secret").build());
        ZapDecision denied = direct.authenticate(
                ZapRequest.builder().address("10.0.0.2").plain("admin", "secret").build());

        assertThat(allowed).isEqualTo(ZapDecision.allow("admin"));
        assertThat(denied.status()).isEqualTo(400);
        assertThat(denied.isAllowed()).isFalse();
    }
}
