// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.CurveCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * CZMQ certificate files between zenmq's {@link CurveCertificate} and pyzmq's {@code zmq.auth}
 * (the same layout CZMQ's {@code zcert} uses): each side reads what the other wrote.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CertificateInteropTest {
    private static final String LOAD = "import sys, zmq.auth\n"
            + "public, secret = zmq.auth.load_certificate(sys.argv[1])\n"
            + "print(public.decode('ascii'))\n"
            + "print(secret.decode('ascii') if secret else '-')\n";
    private static final String CREATE = "import sys, zmq.auth\n"
            + "zmq.auth.create_certificates(sys.argv[1], 'peer', metadata={'email': 'ops@example.org'})\n";

    @TempDir
    Path dir;

    @BeforeEach
    void needsPython() {
        Libzmq.assumeAvailable();
    }

    @Test
    void shouldLetPyzmqLoadBothFilesZenmqWrote() throws Exception {
        CurveCertificate cert = CurveCertificate.generate().withMetadata("name", "zenmq-side");
        cert.save(dir.resolve("server"));

        assertThat(python(LOAD, dir.resolve("server_secret").toString()))
                .containsExactly(cert.publicKeyZ85(), cert.secretKeyZ85());
        assertThat(python(LOAD, dir.resolve("server").toString()))
                .containsExactly(cert.publicKeyZ85(), "-");
    }

    @Test
    void shouldLoadBothFilesPyzmqWrote() throws Exception {
        python(CREATE, dir.toString());

        CurveCertificate secret = CurveCertificate.load(dir.resolve("peer.key_secret"));
        CurveCertificate pub = CurveCertificate.load(dir.resolve("peer.key"));

        assertThat(secret.hasSecretKey()).isTrue();
        assertThat(secret.keyPair().publicKeyZ85()).isEqualTo(secret.publicKeyZ85());
        assertThat(pub.publicKeyZ85()).isEqualTo(secret.publicKeyZ85());
        assertThat(secret.metadata()).containsEntry("email", "ops@example.org");
        assertThat(python(LOAD, dir.resolve("peer.key_secret").toString()))
                .containsExactly(secret.publicKeyZ85(), secret.secretKeyZ85());
    }

    /** Runs a Python snippet with arguments; returns its stdout lines, failing on a non-zero exit. */
    private static List<String> python(String script, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Libzmq.python(), "-c", script));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("python finished").isTrue();
        assertThat(process.exitValue()).as("python exit status; output:\n%s", output).isZero();
        return output.lines().toList();
    }
}
