// SPDX-License-Identifier: MPL-2.0
package io.zenmq.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CLI archive unpacked into an empty directory, with its launcher symlinked into a {@code bin}
 * directory that holds a JDK's {@code java} and the few shell tools the launcher uses: the only
 * entries of the PATH its runs get, so no Maven and no source tree.
 */
final class Install {
    /** The tools the launcher uses besides sh; nothing else is on the PATH. */
    static final List<String> TOOLS = List.of("dirname", "readlink", "ls", "sed", "cksum", "cut", "mkdir", "rm",
            "mv", "nice");

    final Path home;
    final Path zenmq;
    final Path bin;

    private Install(Path home, Path zenmq, Path bin) {
        this.home = home;
        this.zenmq = zenmq;
        this.bin = bin;
    }

    /** Unpacks the archive under {@code dir} and links the launcher and tools into {@code dir/bin}. */
    static Install unpack(Path dir) throws Exception {
        String version = System.getProperty("zenmq.version");
        Path archive = Path.of(System.getProperty("zenmq.root"), "zenmq-cli", "target", "zenmq-" + version + ".tar.gz");
        assertThat(archive).as("the CLI archive (mvn package builds it)").isRegularFile();
        Path install = Files.createDirectories(dir.resolve("install"));
        Proc.Result untar = Proc.run(install, Map.of("PATH", "/usr/bin:/bin"), "",
                List.of("tar", "xzf", archive.toString()));
        assertThat(untar.status()).as("%s", untar).isZero();
        Path home = install.resolve("zenmq-" + version);
        // run it through a symlink elsewhere, as an install into ~/bin would
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path zenmq = Files.createSymbolicLink(bin.resolve("zenmq"), home.resolve("bin/zenmq"));
        for (String tool : TOOLS) {
            Files.createSymbolicLink(bin.resolve(tool), which(tool));
        }
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        return new Install(home, zenmq, bin);
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

    /** An environment with only {@link #bin} on the PATH and {@code userHome} as HOME. */
    Map<String, String> env(Path userHome) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin.toString());
        env.put("HOME", userHome.toString());
        env.put("LANG", "C.UTF-8");
        return env;
    }

    /** Runs the launcher to its end in {@code dir}. */
    Proc.Result run(Path dir, Map<String, String> env, String stdin, String... args) throws Exception {
        return Proc.run(dir, env, stdin, command(args));
    }

    /** The launcher's command line with these arguments. */
    List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(zenmq.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Waits until no class-data sharing archive is being made in {@code cache}: the launcher's
     * training run holds a lock directory whose {@code pid} file names the process that removes
     * it when done. Returns at once when there is none.
     */
    static void awaitTraining(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) {
            return;
        }
        List<Path> locks;
        try (Stream<Path> files = Files.list(cache)) {
            locks = files.filter(f -> f.toString().endsWith(".lock")).toList();
        }
        for (Path lock : locks) {
            Optional<ProcessHandle> owner;
            try {
                owner = ProcessHandle.of(Long.parseLong(Files.readString(lock.resolve("pid")).strip()));
            } catch (IOException e) {
                continue;   // removed meanwhile: that training is over
            }
            if (owner.isPresent()) {
                owner.get().onExit().get(5, TimeUnit.MINUTES);
            }
        }
    }
}
