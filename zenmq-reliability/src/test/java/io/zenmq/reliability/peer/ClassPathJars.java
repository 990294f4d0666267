// SPDX-License-Identifier: MPL-2.0
package io.zenmq.reliability.peer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * This JVM's class path with every directory packed into a jar, for child JVMs. From a
 * directory, each class a JVM loads late opens a file; from a jar (as in production) it does not,
 * which matters to a peer run out of descriptors on purpose. Built once per JVM. Any thread.
 */
final class ClassPathJars {
    private static String cached;

    private ClassPathJars() {
    }

    /**
     * @param workDir where the jars go (under it, {@code peer-jars/})
     * @return the class path for a child JVM
     */
    static synchronized String classPath(Path workDir) {
        if (cached == null) {
            List<String> entries = new ArrayList<>();
            int n = 0;
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry);
                if (Files.isDirectory(p)) {
                    Path jar = workDir.toAbsolutePath().resolve("peer-jars").resolve("dir-" + n++ + ".jar");
                    pack(p, jar);
                    entries.add(jar.toString());
                } else {
                    entries.add(entry);
                }
            }
            cached = String.join(java.io.File.pathSeparator, entries);
        }
        return cached;
    }

    private static void pack(Path dir, Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
                    Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    j.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, j);
                    j.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + dir, e);
        }
    }
}
