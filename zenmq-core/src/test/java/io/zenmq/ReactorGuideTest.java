// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/guide/reactor.md} honest: every Java block in it is a member of
 * {@link ReactorBrokerTest} or {@link TimersPollLoopTest} as it stands there, so the guide's code
 * compiles and runs with the tests.
 */
class ReactorGuideTest {
    private static final Path GUIDE = Path.of("../docs/guide/reactor.md");
    private static final Path TESTS = Path.of("src/test/java/io/zenmq");

    @Test
    void shouldShowOnlyCodeThatTheTestsRun() throws IOException {
        String sources = read(TESTS.resolve("ReactorBrokerTest.java")) + read(TESTS.resolve("TimersPollLoopTest.java"));
        List<String> blocks = javaBlocks(read(GUIDE));

        assertThat(blocks).hasSize(4);
        for (String block : blocks) {
            assertThat(sources).as("a block of the guide, indented as a class member").contains(indented(block));
        }
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block == null && line.equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static String indented(String block) {
        StringBuilder out = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            out.append(line.isEmpty() ? "" : "    " + line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
