// SPDX-License-Identifier: MPL-2.0
package io.zenmq.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI archive as a user gets it: unpacked into an empty directory and run from elsewhere with
 * a JDK and a few shell tools on the PATH, no Maven and no source tree.
 */
class DistributionTest {
    @TempDir
    static Path temp;
    private static Install install;
    private static Map<String, String> env;

    @BeforeAll
    static void unpack() throws Exception {
        install = Install.unpack(temp);
        assertThat(install.home.resolve("LICENSE")).isRegularFile();
        assertThat(install.home.resolve("docs/cli.md")).isRegularFile();
        env = install.env(Files.createDirectory(temp.resolve("home")));
        Files.createDirectory(temp.resolve("work"));
    }

    /** The first run starts a training run in the background on JDK 17 and 18: let it end before the clean-up. */
    @AfterAll
    static void awaitTraining() throws Exception {
        Install.awaitTraining(temp.resolve("home/.cache/zenmq"));
    }

    private static Proc.Result zenmq(String stdin, String... args) throws Exception {
        return install.run(temp.resolve("work"), env, stdin, args);
    }

    @Test
    void shouldHaveNoMavenOnThePath() throws Exception {
        Proc.Result which = Proc.run(temp, env, "", List.of("/bin/sh", "-c", "command -v mvn"));

        assertThat(which.status()).as("%s", which).isNotZero();
    }

    @Test
    void shouldPrintItsVersionAndEveryCommandsHelp() throws Exception {
        Proc.Result version = zenmq("", "--version");
        assertThat(version.out()).as("%s", version).isEqualTo("zenmq " + System.getProperty("zenmq.version") + "\n");
        assertThat(version.err()).isEmpty();
        for (String command : List.of("sock", "proxy", "keygen", "perf", "bench", "help")) {
            Proc.Result help = zenmq("", "help", command);
            assertThat(help.status()).as("%s", help).isZero();
            assertThat(help.out()).startsWith("usage: zenmq " + command);
        }
    }

    @Test
    void shouldMakeKeysAndCertificates() throws Exception {
        Proc.Result keygen = zenmq("", "keygen");
        assertThat(keygen.status()).as("%s", keygen).isZero();
        assertThat(keygen.out()).matches("public: .{40}\nsecret: .{40}\n");
        assertThat(keygen.err()).isEmpty();

        Proc.Result cert = zenmq("", "keygen", "--cert", "server");
        assertThat(cert.status()).as("%s", cert).isZero();
        assertThat(temp.resolve("work/server")).isRegularFile();
        assertThat(temp.resolve("work/server_secret")).isRegularFile();
        assertThat(Files.readString(temp.resolve("work/server_secret"))).contains(cert.out().lines().toList().get(1)
                .substring("secret: ".length()));
    }

    @Test
    void shouldPassMessagesBetweenASockPair() throws Exception {
        List<String> pullCommand = install.command("sock", "pull", "@tcp://127.0.0.1:*", "--monitor",
                "-n", "2", "--timeout", "60000");
        try (Proc pull = Proc.start(temp.resolve("work"), env, pullCommand)) {
            String listening = pull.awaitErrLine("event: LISTENING ");
            String endpoint = listening.split(" ")[2];

            Proc.Result push = zenmq("a\nb\n", "sock", "push", endpoint);
            Proc.Result pulled = pull.await();

            assertThat(push.status()).as("%s", push).isZero();
            assertThat(pulled.status()).as("%s", pulled).isZero();
            assertThat(pulled.out()).isEqualTo("a\nb\n");
        }
    }

    @Test
    void shouldRunPerfAndTheQuickBench() throws Exception {
        Proc.Result perf = zenmq("", "perf", "inproc-lat", "16", "1000");
        assertThat(perf.status()).as("%s", perf).isZero();
        assertThat(perf.out()).contains("average latency:");

        Proc.Result bench = zenmq("", "bench", "--quick");
        assertThat(bench.status()).as("%s", bench).isZero();
        assertThat(bench.out()).startsWith("| transport |").contains("| inproc ", "| ipc ", "| tcp ")
                .doesNotContain("n/a");
    }

    @Test
    void shouldKeepItsClassDataSharingArchiveInTheUsersCache() throws Exception {
        Proc.Result keygen = zenmq("", "keygen");
        assertThat(keygen.err()).as("%s", keygen).isEmpty();
        // JDK 19 and later write it at the first exit; on JDK 17 and 18 a training run started by
        // the launcher writes it in the background
        Install.awaitTraining(temp.resolve("home/.cache/zenmq"));
        try (var files = Files.walk(temp.resolve("home/.cache/zenmq"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".jsa"))).isNotEmpty();
        }
    }

    @Test
    void shouldShipBouncyCastlesClassesWithoutItsSignature() throws Exception {
        Path shipped;
        try (var files = Files.list(install.home.resolve("lib"))) {
            shipped = files.filter(f -> f.getFileName().toString().startsWith("bcprov-")).findFirst().orElseThrow();
        }
        String name = shipped.getFileName().toString();                 // bcprov-jdk18on-VERSION.jar
        String artifact = name.substring(0, name.lastIndexOf('-'));
        String version = name.substring(artifact.length() + 1, name.length() - ".jar".length());
        Path original = Path.of(System.getProperty("zenmq.m2"), "org", "bouncycastle", artifact, version, name);

        Map<String, Long> originalEntries = entries(original);
        Map<String, Long> shippedEntries = entries(shipped);

        assertThat(originalEntries.keySet()).as("the original is signed").anyMatch(e -> e.endsWith(".SF"));
        originalEntries.keySet().removeIf(e -> e.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"));
        assertThat(shippedEntries).as("the same entries, contents and manifest, less the signature")
                .isEqualTo(originalEntries);
        try (var jar = new JarFile(shipped.toFile())) {
            assertThat(jar.entries().nextElement().getName()).isIn("META-INF/", "META-INF/MANIFEST.MF");
            assertThat(jar.isMultiRelease()).isTrue();
        }
    }

    /** Each entry's name and CRC. */
    private static Map<String, Long> entries(Path jar) throws Exception {
        Map<String, Long> entries = new TreeMap<>();
        try (var zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(e -> entries.put(e.getName(), e.getCrc()));
        }
        return entries;
    }
}
