// SPDX-License-Identifier: MPL-2.0
package io.zenmq.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library jar in a fresh project, as a user adds it: the README's example compiled and run
 * on the class path and on the module path, with and without junixsocket; and one real Maven
 * build that depends on {@code io.zenmq:zenmq-core} through the BOM from a local repository holding
 * only the built artifacts (everything else comes from the build's own local repository, offline).
 */
class ConsumerTest {
    private static final String JUNIXSOCKET_MODULES = "org.newsclub.net.unix,com.kohlschutter.junixsocket.nativecommon";

    @TempDir
    static Path temp;
    private static String version;
    private static Path root;
    private static Path coreJar;
    private static Path bcprov;
    private static List<Path> junixsocket;
    private static Path sources;

    @BeforeAll
    static void findJars() throws IOException, URISyntaxException {
        version = System.getProperty("zenmq.version");
        root = Path.of(System.getProperty("zenmq.root"));
        coreJar = root.resolve("zenmq-core/target/zenmq-core-" + version + ".jar");
        assertThat(coreJar).as("the core jar (mvn package builds it)").isRegularFile();
        Path lib = root.resolve("zenmq-cli/target/lib");
        bcprov = only(lib, "bcprov-");
        junixsocket = List.of(only(lib, "junixsocket-common-"), only(lib, "junixsocket-native-common-"));
        sources = temp.resolve("consumer");
        Path template = Path.of(ConsumerTest.class.getResource("/consumer/pom.xml").toURI()).getParent();
        try (Stream<Path> files = Files.walk(template)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = sources.resolve(template.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path pom = sources.resolve("pom.xml");
        Files.writeString(pom, Files.readString(pom, StandardCharsets.UTF_8).replace("@VERSION@", version),
                StandardCharsets.UTF_8);
    }

    private static Path only(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList();
            assertThat(found).as(prefix + "* in " + dir).hasSize(1);
            return found.get(0);
        }
    }

    private static String java(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }

    private static String path(List<Path> entries) {
        return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    private static Proc.Result run(List<String> command) throws Exception {
        return Proc.run(temp, Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8"), "", command);
    }

    /** Compiles the consumer against the jar: as a module, or without its module-info on the class path. */
    private static Path compile(boolean modular) throws Exception {
        Path out = temp.resolve(modular ? "classes-module" : "classes-cp");
        List<String> command = new ArrayList<>(List.of(java("javac"), "-d", out.toString()));
        String main = sources.resolve("src/main/java/consumer/Main.java").toString();
        if (modular) {
            command.addAll(List.of("-p", path(List.of(coreJar, bcprov)),
                    sources.resolve("src/main/java/module-info.java").toString(), main));
        } else {
            command.addAll(List.of("-cp", path(List.of(coreJar)), main));
        }
        Proc.Result javac = run(command);
        assertThat(javac.status()).as("%s", javac).isZero();
        return out;
    }

    @Test
    void shouldRunOnTheClassPathWithAndWithoutJunixsocket() throws Exception {
        Path classes = compile(false);
        List<Path> base = List.of(classes, coreJar, bcprov);
        List<Path> withJunix = new ArrayList<>(base);
        withJunix.addAll(junixsocket);

        Proc.Result plain = run(List.of(java("java"), "-cp", path(base), "consumer.Main"));
        Proc.Result abstractIpc = run(List.of(java("java"), "-cp", path(withJunix), "consumer.Main"));

        assertThat(plain.status()).as("%s", plain).isZero();
        assertThat(plain.out()).isEqualTo("hello\nipc: EPROTONOSUPPORT\n");
        assertThat(abstractIpc.status()).as("%s", abstractIpc).isZero();
        assertThat(abstractIpc.out()).isEqualTo("hello\nipc: ok\n");
    }

    @Test
    void shouldRunOnTheModulePathWithAndWithoutJunixsocket() throws Exception {
        Path classes = compile(true);
        List<Path> base = List.of(classes, coreJar, bcprov);
        List<Path> withJunix = new ArrayList<>(base);
        withJunix.addAll(junixsocket);

        Proc.Result plain = run(List.of(java("java"), "-p", path(base), "-m", "consumer/consumer.Main"));
        Proc.Result abstractIpc = run(List.of(java("java"), "-p", path(withJunix), "--add-modules",
                JUNIXSOCKET_MODULES, "-m", "consumer/consumer.Main"));

        assertThat(plain.status()).as("%s", plain).isZero();
        assertThat(plain.out()).isEqualTo("hello\nipc: EPROTONOSUPPORT\n");
        assertThat(abstractIpc.status()).as("%s", abstractIpc).isZero();
        assertThat(abstractIpc.out()).isEqualTo("hello\nipc: ok\n");
    }

    @Test
    void shouldBuildWithMavenFromTheInstalledArtifactsAndGetBouncyCastleOnly() throws Exception {
        Path repo = temp.resolve("repository");
        install(repo, "zenmq-parent", root.resolve("pom.xml"), null);
        install(repo, "zenmq-bom", root.resolve("zenmq-bom/pom.xml"), null);
        install(repo, "zenmq-core", root.resolve("zenmq-core/pom.xml"), coreJar);
        // every other artifact comes from the build's own local repository, read as a remote one
        Path settings = temp.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>build-repository</id><mirrorOf>*</mirrorOf>"
                + "<url>" + Path.of(System.getProperty("zenmq.m2")).toUri() + "</url></mirror></mirrors></settings>",
                StandardCharsets.UTF_8);
        String mvn = Path.of(System.getProperty("zenmq.maven.home"), "bin", "mvn").toString();

        Proc.Result build = Proc.run(sources, Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME",
                System.getProperty("java.home"), "HOME", temp.toString()), "",
                List.of(mvn, "-B", "-q", "-s", settings.toString(), "-Dmaven.repo.local=" + repo,
                        "-Dstyle.color=never", "package"));

        assertThat(build.status()).as("%s", build).isZero();
        Path lib = sources.resolve("target/lib");
        try (Stream<Path> jars = Files.list(lib)) {
            assertThat(jars.map(j -> j.getFileName().toString()))
                    .as("runtime dependencies: zenmq-core and Bouncy Castle, junixsocket is optional")
                    .containsExactlyInAnyOrder("zenmq-core-" + version + ".jar", bcprov.getFileName().toString());
        }
        Path jar = sources.resolve("target/consumer-1.jar");
        Proc.Result modulePath = run(List.of(java("java"), "-p", jar + File.pathSeparator + lib,
                "-m", "consumer/consumer.Main"));
        Proc.Result classPath = run(List.of(java("java"), "-cp", jar + File.pathSeparator + lib + File.separator + "*",
                "consumer.Main"));
        assertThat(modulePath.out()).as("%s", modulePath).isEqualTo("hello\nipc: EPROTONOSUPPORT\n");
        assertThat(classPath.out()).as("%s", classPath).isEqualTo("hello\nipc: EPROTONOSUPPORT\n");
    }

    /** Lays out one artifact in a local repository, as `mvn install` would. */
    private static void install(Path repo, String artifactId, Path pom, Path jar) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("io/zenmq/" + artifactId + "/" + version));
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
