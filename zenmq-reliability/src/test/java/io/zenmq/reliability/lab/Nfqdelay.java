// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Builds the {@code nfqdelay} helper (a test resource in C) once per work directory. Any thread. */
final class Nfqdelay {
    private Nfqdelay() {
    }

    /**
     * @param workDir where to build
     * @return the helper's path, built if it is not there yet
     */
    static synchronized Path binary(Path workDir) {
        Path bin = workDir.resolve("nfqdelay");
        if (Files.isExecutable(bin)) {
            return bin;
        }
        try (InputStream source = Nfqdelay.class.getResourceAsStream("/nfqdelay.c")) {
            if (source == null) {
                throw new IllegalStateException("nfqdelay.c is not on the test class path");
            }
            Files.createDirectories(workDir);
            Path c = workDir.resolve("nfqdelay.c");
            Files.copy(source, c, StandardCopyOption.REPLACE_EXISTING);
            NetLab.run("gcc", "-O2", "-Wall", "-o", bin.toString(), c.toString(), "-lnetfilter_queue");
            return bin;
        } catch (IOException e) {
            throw new IllegalStateException("cannot build nfqdelay", e);
        }
    }
}
