// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** clone-server and clone-client: changes are republished to every client, and a late client starts from the snapshot. */
@SuppressWarnings("try") // a try block keeps a background program running, referenced or not
@Timeout(120)
class CloneExampleTest {
    @TempDir
    Path dir;
    private final Output output = new Output();

    @Test
    void lateClientGetsTheSnapshotAndBothSeeLaterChanges() {
        String snapshot = "ipc://" + dir.resolve("snapshot");
        String updates = "ipc://" + dir.resolve("updates");
        String collector = "ipc://" + dir.resolve("collector");
        try (Background<Void> server = Background.run("clone-server",
                ctx -> CloneServer.serve(ctx, snapshot, updates, collector, output.out))) {
            Background.run("clients", ctx -> {
                try (CloneClient first = new CloneClient(ctx, snapshot, updates, collector)) {
                    assertThat(first.state()).isEmpty();
                    first.set("colour", "red");
                    first.set("size", "10");
                    first.set("colour", "blue");
                    for (int i = 0; i < 3; i++) {
                        assertThat(first.awaitUpdate(null)).isTrue();
                    }
                    assertThat(first.state()).isEqualTo(Map.of("colour", "blue", "size", "10"));

                    try (CloneClient late = new CloneClient(ctx, snapshot, updates, collector)) {
                        assertThat(late.state()).isEqualTo(Map.of("colour", "blue", "size", "10"));
                        assertThat(late.sequence()).isEqualTo(3);
                        late.set("shape", "round");
                        assertThat(late.awaitUpdate(null)).isTrue();
                        assertThat(first.awaitUpdate(null)).isTrue();
                        assertThat(late.state()).isEqualTo(first.state()).containsEntry("shape", "round");
                        assertThat(late.sequence()).isEqualTo(first.sequence()).isEqualTo(4);
                    }
                }
            }).result();
        }
        assertThat(output.text()).contains("clone-server: 4 shape=round");
    }
}
