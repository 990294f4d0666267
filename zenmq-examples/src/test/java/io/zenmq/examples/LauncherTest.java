// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** bin/zenmq-example's listing names every example, and the examples page documents each one. */
class LauncherTest {
    @Test
    void listingWithoutANameShowsEveryExample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Main.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        String listing = bytes.toString(StandardCharsets.UTF_8);
        for (String name : Main.names()) {
            assertThat(listing).contains("  " + name + " ");
        }
    }

    @Test
    void examplesPageDocumentsEveryExample() throws IOException {
        String page = Files.readString(Docs.root().resolve("docs/guide/examples.md"));
        for (String name : Main.names()) {
            assertThat(page).as("docs/guide/examples.md").contains("`" + name);
        }
    }

    @Test
    void launcherScriptIsThere() {
        Path script = Docs.root().resolve("bin/zenmq-example");
        assertThat(script).isRegularFile().isExecutable();
    }
}
