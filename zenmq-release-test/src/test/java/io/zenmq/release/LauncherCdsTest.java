// SPDX-License-Identifier: MPL-2.0
package io.zenmq.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution launcher's class-data sharing archive (docs/cli.md, "Class-data sharing"): on JDK 17 and
 * 18 the launcher has it made by a training run, in the background or, with {@code ZENMQ_CDS=now},
 * before the command; on JDK 19 and later the JVM keeps it. Whatever state the archive is in, the
 * command's output stays exactly its own.
 */
class LauncherCdsTest {
    private static final Pattern FEATURE = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final String MAPPED = "io.zenmq.cli.Main source: shared objects file (top)";

    @TempDir
    static Path shared;
    private static Install install;
    private static String version;

    @TempDir
    Path temp;
    private Path cache;
    private Map<String, String> env;

    @BeforeAll
    static void unpack() throws Exception {
        install = Install.unpack(shared);
        version = "zenmq " + System.getProperty("zenmq.version") + "\n";
    }

    @BeforeEach
    void freshUser() throws IOException {
        env = install.env(Files.createDirectory(temp.resolve("home")));
        cache = temp.resolve("home/.cache/zenmq");
        Files.createDirectory(temp.resolve("work"));
    }

    @AfterEach
    void awaitTraining() throws Exception {
        Install.awaitTraining(cache);
    }

    @Test
    void concurrentFirstRunsAnswerAtOnceAndLeaveOneCompleteArchiveThatLaterRunsMap() throws Exception {
        useJdk17or18();
        List<Proc> first = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                first.add(Proc.start(temp.resolve("work"), env, install.command("--version")));
            }
            for (Proc run : first) {
                assertClean(run.await());
            }
        } finally {
            first.forEach(Proc::close);
        }
        // most likely while the training is under way: still its own output only
        assertClean(install.run(temp.resolve("work"), env, "", "--version"));

        Install.awaitTraining(cache);

        assertThat(files(cache)).as("one archive, no temporary file or lock left").singleElement().asString()
                .matches(".*/cli-[0-9]+-1[78]-[0-9]+\\.jsa");
        assertThat(mappedWith(env)).contains(MAPPED);
    }

    @Test
    void zenmqCdsNowMakesTheArchiveBeforeTheCommandWhichMapsIt() throws Exception {
        useJdk17or18();
        env.put("ZENMQ_CDS", "now");

        assertThat(mappedWith(env)).contains(MAPPED);
        assertThat(files(cache)).singleElement().asString().endsWith(".jsa");
    }

    @Test
    void staleArchiveIsMadeAgainInTheBackground() throws Exception {
        useJdk17or18();
        Path archive = archive();
        FileTime old = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));
        Files.setLastModifiedTime(archive, old);   // older than the jars: stale

        assertClean(install.run(temp.resolve("work"), env, "", "--version"));
        Install.awaitTraining(cache);

        assertThat(files(cache)).containsExactly(archive);
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(old);
        assertThat(mappedWith(env)).contains(MAPPED);
    }

    @Test
    void brokenArchiveIsIgnoredSilently() throws Exception {
        useJdk17or18();
        Path archive = archive();
        Files.delete(archive);
        Files.write(archive, "not an archive\n".repeat(4096).getBytes(StandardCharsets.UTF_8));

        assertClean(install.run(temp.resolve("work"), env, "", "--version"));
        Proc.Result keygen = install.run(temp.resolve("work"), env, "", "keygen");
        assertThat(keygen.status()).as("%s", keygen).isZero();
        assertThat(keygen.out()).matches("public: .{40}\nsecret: .{40}\n");
        assertThat(keygen.err()).isEmpty();
    }

    @Test
    void unwritableCacheMeansNoArchiveSilently() throws Exception {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "");
        env.put("XDG_CACHE_HOME", file.resolve("cache").toString());   // below a file: cannot be made

        assertClean(install.run(temp.resolve("work"), env, "", "--version"));
        assertThat(file).isRegularFile().isEmptyFile();
        assertThat(cache).doesNotExist();
    }

    @Test
    void zenmqCdsZeroTurnsItOff() throws Exception {
        env.put("ZENMQ_CDS", "0");

        assertThat(mappedWith(env)).doesNotContain(MAPPED);
        assertThat(cache).doesNotExist();
    }

    @Test
    void jdk19AndLaterKeepTheArchiveThemselves() throws Exception {
        Optional<Path> jdk = jdk(feature -> feature >= 19);
        assumeTrue(jdk.isPresent(), "no JDK 19 or later installed");
        env.put("JAVA_HOME", jdk.get().toString());

        assertClean(install.run(temp.resolve("work"), env, "", "--version"));

        // written by the JVM at its exit: no training run, no lock
        assertThat(files(cache)).singleElement().asString().matches(".*/cli-[0-9]+\\.jsa");
        assertThat(mappedWith(env)).contains(MAPPED);
    }

    /** Runs {@code --version} with the JVM's class-loading log in a file; returns the log. */
    private String mappedWith(Map<String, String> env) throws Exception {
        Path log = temp.resolve("work/classes.log");
        Files.deleteIfExists(log);
        env.put("ZENMQ_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        try {
            assertClean(install.run(temp.resolve("work"), env, "", "--version"));
        } finally {
            env.remove("ZENMQ_JAVA_OPTS");
        }
        return Files.readString(log);
    }

    /** Makes the archive with {@code ZENMQ_CDS=now} and returns it. */
    private Path archive() throws Exception {
        env.put("ZENMQ_CDS", "now");
        assertClean(install.run(temp.resolve("work"), env, "", "--version"));
        env.remove("ZENMQ_CDS");
        List<Path> files = files(cache);
        assertThat(files).singleElement().asString().endsWith(".jsa");
        return files.get(0);
    }

    private static void assertClean(Proc.Result run) {
        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.out()).as("%s", run).isEqualTo(version);
        assertThat(run.err()).as("%s", run).isEmpty();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** Points the launcher at a JDK 17 or 18: the test's own when it is one (found through PATH), else one installed. */
    private void useJdk17or18() throws IOException {
        IntPredicate wanted = feature -> feature == 17 || feature == 18;
        if (wanted.test(Runtime.version().feature())) {
            return;
        }
        Optional<Path> jdk = jdk(wanted);
        assumeTrue(jdk.isPresent(), "no JDK 17 or 18 installed");
        env.put("JAVA_HOME", jdk.get().toString());
    }

    /** A JDK under /usr/lib/jvm whose release matches. */
    private static Optional<Path> jdk(IntPredicate release) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> release.test(feature(home))).sorted().findFirst();
        }
    }

    /** The feature release in a JDK's release file, 0 when there is none. */
    private static int feature(Path home) {
        try {
            Matcher m = FEATURE.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
