// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pirates recover: a Lazy Pirate client carries on when its server, or the worker behind a
 * Simple or Paranoid Pirate queue, crashes holding its request or is killed. Each scenario is
 * ordered by the crash itself (the test waits for the crashed program to end before starting its
 * replacement), never by time; the client's timeout only decides how soon it retries.
 */
@SuppressWarnings("try") // a try block keeps a background program running, referenced or not
@Timeout(180)
class PirateExamplesTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Enough retries to outlast any replacement on a loaded machine: the client stops at the first reply. */
    private static final int RETRIES = 100;
    private static final Duration HEARTBEAT = Duration.ofMillis(100);

    @TempDir
    Path dir;
    private final Output output = new Output();

    private String ipc(String name) {
        return "ipc://" + dir.resolve(name);
    }

    private Background<Integer> client(String endpoint, int requests) {
        return Background.start("lp-client",
                ctx -> LazyPirateClient.run(ctx, endpoint, requests, TIMEOUT, RETRIES, output.out));
    }

    @Test
    void lazyPirateClientRetriesUntilTheRestartedServerAnswers() {
        String endpoint = ipc("lp");
        Background<Void> crashing = Background.run("lp-server-1",
                ctx -> LazyPirateServer.serve(ctx, endpoint, 2, output.out));
        Background<Integer> client = client(endpoint, 5);
        crashing.result();                               // it crashed on request 3
        try (Background<Void> restarted = Background.run("lp-server-2",
                ctx -> LazyPirateServer.serve(ctx, endpoint, 0, output.out))) {
            assertThat(client.result()).isEqualTo(5);
        } finally {
            crashing.kill();
        }
        assertThat(output.text()).contains("lp-server: simulating a crash on request 3",
                "lp-client: no response from server, retrying (3)", "lp-client: server replied OK (5)");
    }

    @Test
    void lazyPirateClientGivesUpWhenNoServerAnswers() {
        int served = Background.start("lp-client",
                ctx -> LazyPirateClient.run(ctx, ipc("nobody"), 3, Duration.ofMillis(50), 2, output.out)).result();
        assertThat(served).isZero();
        assertThat(output.text()).contains("server seems to be offline, abandoning");
    }

    @Test
    void simplePirateQueueHandsTheRetryToAnotherWorker() {
        String frontend = ipc("frontend");
        String backend = ipc("backend");
        try (Background<Void> queue = Background.run("sp-queue",
                ctx -> SimplePirateQueue.run(ctx, frontend, backend, output.out))) {
            Background<Void> crashing = Background.run("sp-worker-1",
                    ctx -> SimplePirateWorker.work(ctx, backend, 1, output.out));
            Background<Integer> client = client(frontend, 4);
            crashing.result();                           // it took request 2 with it
            try (Background<Void> survivor = Background.run("sp-worker-2",
                    ctx -> SimplePirateWorker.work(ctx, backend, 0, output.out))) {
                assertThat(client.result()).isEqualTo(4);
            } finally {
                crashing.kill();
            }
        }
        assertThat(output.text()).contains("sp-worker: simulating a crash on request 2", "retrying (2)",
                "sp-worker: normal reply (2)");
    }

    @Test
    void paranoidPirateQueueServesTheRetryFromTheNextWorker() {
        String frontend = ipc("frontend");
        String backend = ipc("backend");
        try (Background<Void> queue = Background.run("pp-queue",
                ctx -> ParanoidPirateQueue.run(ctx, frontend, backend, HEARTBEAT, output.out))) {
            Background<Void> crashing = Background.run("pp-worker-1",
                    ctx -> ParanoidPirateWorker.work(ctx, backend, HEARTBEAT, 1, output.out));
            Background<Integer> client = client(frontend, 4);
            crashing.result();
            try (Background<Void> survivor = Background.run("pp-worker-2",
                    ctx -> ParanoidPirateWorker.work(ctx, backend, HEARTBEAT, 0, output.out))) {
                assertThat(client.result()).isEqualTo(4);
            } finally {
                crashing.kill();
            }
        }
        assertThat(output.text()).contains("pp-worker: simulating a crash on request 2", "retrying (2)",
                "pp-worker: normal reply (2)");
    }

    @Test
    void paranoidPirateQueueDropsAKilledWorkerAndKeepsServing() {
        String frontend = ipc("frontend");
        String backend = ipc("backend");
        try (Background<Void> queue = Background.run("pp-queue",
                ctx -> ParanoidPirateQueue.run(ctx, frontend, backend, HEARTBEAT, output.out));
             Background<Void> survivor = Background.run("pp-worker-2",
                     ctx -> ParanoidPirateWorker.work(ctx, backend, HEARTBEAT, 0, output.out))) {
            Background<Void> victim = Background.run("pp-worker-1",
                    ctx -> ParanoidPirateWorker.work(ctx, backend, HEARTBEAT, 0, output.out));
            assertThat(client(frontend, 2).result()).isEqualTo(2);
            victim.kill();                               // its context closed: gone without a word
            assertThat(client(frontend, 6).result()).isEqualTo(6);
        }
    }

    @Test
    void paranoidPirateWorkerReconnectsToARestartedQueue() {
        String frontend = ipc("frontend");
        String backend = ipc("backend");
        try (Background<Void> worker = Background.run("pp-worker",
                ctx -> ParanoidPirateWorker.work(ctx, backend, HEARTBEAT, 0, output.out))) {
            try (Background<Void> first = Background.run("pp-queue-1",
                    ctx -> ParanoidPirateQueue.run(ctx, frontend, backend, HEARTBEAT, output.out))) {
                assertThat(client(frontend, 1).result()).isEqualTo(1);
            }
            try (Background<Void> second = Background.run("pp-queue-2",
                    ctx -> ParanoidPirateQueue.run(ctx, frontend, backend, HEARTBEAT, output.out))) {
                assertThat(client(frontend, 2).result()).isEqualTo(2);
            }
        }
    }
}
