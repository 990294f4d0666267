// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** md-broker, md-worker and md-client: partial and final replies, mmi.service, and a worker that dies. */
@SuppressWarnings("try") // a try block keeps a background program running, referenced or not
@Timeout(180)
class MajordomoExampleTest {
    private static final Duration HEARTBEAT = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final int RETRIES = 100;

    @TempDir
    Path dir;
    private final Output output = new Output();

    @Test
    void clientGetsPartialAndFinalRepliesFromTheNamedService() {
        String endpoint = "ipc://" + dir.resolve("md");
        try (Background<Void> broker = Background.run("md-broker",
                ctx -> MajordomoBroker.run(ctx, endpoint, HEARTBEAT, output.out));
             Background<Void> worker = Background.run("md-worker",
                     ctx -> MajordomoWorker.work(ctx, endpoint, "echo", HEARTBEAT, 2, 0, output.out))) {
            List<List<String>> replies = Background.start("md-client", ctx -> {
                try (MajordomoClient client = new MajordomoClient(ctx, endpoint, TIMEOUT, RETRIES)) {
                    return List.of(client.request("echo", "hi"), client.request("mmi.service", "echo"),
                            client.request("mmi.service", "nothing"), client.request("mmi.other", ""));
                }
            }).result();
            assertThat(replies).containsExactly(List.of("part 1", "part 2", "hi"), List.of("200"), List.of("404"),
                    List.of("501"));
        }
    }

    @Test
    void requestsGoToAnotherWorkerWhenOneDiesWithARequest() {
        String endpoint = "ipc://" + dir.resolve("md");
        try (Background<Void> broker = Background.run("md-broker",
                ctx -> MajordomoBroker.run(ctx, endpoint, HEARTBEAT, output.out))) {
            Background<Void> crashing = Background.run("md-worker-1",
                    ctx -> MajordomoWorker.work(ctx, endpoint, "echo", HEARTBEAT, 0, 1, output.out));
            Background<Integer> client = Background.start("md-client",
                    ctx -> MajordomoClient.run(ctx, endpoint, "echo", 4, TIMEOUT, RETRIES, output.out));
            crashing.result();
            try (Background<Void> survivor = Background.run("md-worker-2",
                    ctx -> MajordomoWorker.work(ctx, endpoint, "echo", HEARTBEAT, 0, 0, output.out))) {
                assertThat(client.result()).isEqualTo(4);
            } finally {
                crashing.kill();
            }
        }
        assertThat(output.text()).contains("md-worker: simulating a crash on request 2",
                "md-client: echo replied [request 4]");
    }

    @Test
    void workerRegistersAgainWithARestartedBroker() {
        String endpoint = "ipc://" + dir.resolve("md");
        try (Background<Void> worker = Background.run("md-worker",
                ctx -> MajordomoWorker.work(ctx, endpoint, "echo", HEARTBEAT, 0, 0, output.out))) {
            for (String name : List.of("md-broker-1", "md-broker-2")) {
                try (Background<Void> broker = Background.run(name,
                        ctx -> MajordomoBroker.run(ctx, endpoint, HEARTBEAT, output.out))) {
                    assertThat(Background.start("md-client",
                            ctx -> MajordomoClient.run(ctx, endpoint, "echo", 2, TIMEOUT, RETRIES, output.out))
                            .result()).isEqualTo(2);
                }
            }
        }
    }
}
