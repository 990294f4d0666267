// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The project's user documentation: README.md, CHANGELOG.md and docs/**, and the Java blocks in it. */
final class Docs {
    /** A fenced {@code ```java} block, with the directive in the HTML comment just above it, if any. */
    record JavaBlock(Path file, int line, String directive, String code) {
        String where() {
            return root().relativize(file) + ":" + line;
        }
    }

    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*<!--\\s*java:(.*?)-->\\s*$");

    private Docs() {
    }

    /** The repository's root: the nearest directory up from here with docs/ and zenmq-core/. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("docs")) && Files.isDirectory(dir.resolve("zenmq-core")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the zenmq repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every Markdown file of the user documentation. */
    static List<Path> markdownFiles() {
        Path root = root();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CHANGELOG.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code ```java} blocks of one file. */
    static List<JavaBlock> javaBlocks(Path file) {
        List<String> lines = lines(file);
        List<JavaBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            String directive = "";
            if (i > 0) {
                Matcher m = DIRECTIVE.matcher(lines.get(i - 1));
                if (m.matches()) {
                    directive = m.group(1).strip();
                }
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().equals("```")) {
                end++;
            }
            blocks.add(new JavaBlock(file, start, directive, String.join("\n", lines.subList(start, end)) + "\n"));
            i = end;
        }
        return blocks;
    }
}
