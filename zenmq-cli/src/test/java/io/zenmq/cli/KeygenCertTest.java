// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.CurveCertificate;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class KeygenCertTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteBothCertificateFilesWithThePrintedKeys() throws IOException {
        Path cert = dir.resolve("server");

        CliRun run = CliRun.run("", "keygen", "--cert", cert.toString());

        run.assertOk();
        CurveCertificate loaded = CurveCertificate.load(dir.resolve("server_secret"));
        assertThat(run.out()).isEqualTo("public: " + loaded.publicKeyZ85() + "\nsecret: " + loaded.secretKeyZ85() + "\n");
        assertThat(CurveCertificate.load(cert).publicKeyZ85()).isEqualTo(loaded.publicKeyZ85());
        CliRun.run("", "keygen", "--cert=" + dir.resolve("other")).assertOk();
        assertThat(dir.resolve("other_secret")).exists();
    }

    @Test
    void shouldRefuseOtherArgumentsAndMissingDirectories() {
        CliRun.run("", "keygen", "--cert").assertFailure(2, "zenmq: option --cert needs a value");
        CliRun.run("", "keygen", "--cert=").assertFailure(2, "zenmq: option --cert");
        CliRun.run("", "keygen", "x").assertFailure(2, "zenmq: keygen takes no arguments");
        CliRun.run("", "keygen", "--cert", dir.resolve("no/such/dir/c").toString())
                .assertFailure(1, "zenmq: cannot write certificate");
    }
}
