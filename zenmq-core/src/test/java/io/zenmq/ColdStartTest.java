// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ChildJvm;
import io.zenmq.testing.FirstMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a fresh JVM pays before its first message. Looking up a {@link System.Logger} the first
 * time finds the JDK's logging backend (a service look-up over the module path and the logging
 * configuration, tens of milliseconds), so the library must not do it until it logs something.
 */
class ColdStartTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"inproc", "ipc", "tcp"})
    void shouldSendAFirstMessageWithoutLookingUpALoggingBackend(String transport) throws Exception {
        Path classes = dir.resolve("classes.log");
        try (ChildJvm child = ChildJvm.start("64m", List.of("-Xlog:class+load=info:file=" + classes), dir,
                FirstMessage.class, transport)) {
            assertThat(child.expect("RECEIVED ")).isEqualTo("5");
            assertThat(child.exitCode(Duration.ofSeconds(60))).as(child.stderr()).isZero();
        }
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).anyMatch(line -> line.contains("io.zenmq.internal.io.IoThread "));
        assertThat(loaded).noneMatch(line -> line.contains("jdk.internal.logger.DefaultLoggerFinder")
                || line.contains("java.util.logging.LogManager "));
    }
}
