// SPDX-License-Identifier: MPL-2.0
package io.zenmq.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI archive as a user gets it: unpacked into an empty directory and run from elsewhere with
 * a JDK and a few shell tools on the PATH, no Maven and no source tree.
 */
class DistributionTest {
    /** The tools the launcher uses besides sh; nothing else is on the PATH. */
    private static final List<String> TOOLS = List.of("dirname", "readlink", "ls", "sed", "cksum", "cut", "mkdir");

    @TempDir
    static Path temp;
    private static Path zenmq;
    private static Map<String, String> env;

    @BeforeAll
    static void unpack() throws Exception {
        String version = System.getProperty("zenmq.version");
        Path archive = Path.of(System.getProperty("zenmq.root"), "zenmq-cli", "target", "zenmq-" + version + ".tar.gz");
        assertThat(archive).as("the CLI archive (mvn package builds it)").isRegularFile();
        Path install = Files.createDirectory(temp.resolve("install"));
        Proc.Result untar = Proc.run(install, Map.of("PATH", "/usr/bin:/bin"), "",
                List.of("tar", "xzf", archive.toString()));
        assertThat(untar.status()).as("%s", untar).isZero();
        Path home = install.resolve("zenmq-" + version);
        assertThat(home.resolve("LICENSE")).isRegularFile();
        assertThat(home.resolve("docs/cli.md")).isRegularFile();
        // run it through a symlink elsewhere, as an install into ~/bin would
        Path bin = Files.createDirectory(temp.resolve("bin"));
        zenmq = Files.createSymbolicLink(bin.resolve("zenmq"), home.resolve("bin/zenmq"));
        for (String tool : TOOLS) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        env = new HashMap<>();
        env.put("PATH", bin.toString());
        env.put("HOME", Files.createDirectory(temp.resolve("home")).toString());
        env.put("LANG", "C.UTF-8");
        Files.createDirectory(temp.resolve("work"));
    }

    private static Path which(String tool) {
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path path = Path.of(dir, tool);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new AssertionError("no " + tool + " in /usr/bin or /bin");
    }

    private static Proc.Result zenmq(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(zenmq.toString()));
        command.addAll(List.of(args));
        return Proc.run(temp.resolve("work"), env, stdin, command);
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
        List<String> pullCommand = List.of(zenmq.toString(), "sock", "pull", "@tcp://127.0.0.1:*", "--monitor",
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
        // JDK 19 and later write it at the first exit; JDK 17 and 18 use the JDK's own archive only
        if (Runtime.version().feature() >= 19) {
            try (var files = Files.walk(temp.resolve("home/.cache/zenmq"))) {
                assertThat(files.filter(f -> f.toString().endsWith(".jsa"))).isNotEmpty();
            }
        }
    }
}
