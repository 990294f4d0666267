// SPDX-License-Identifier: MPL-2.0
package io.zenmq.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import io.zenmq.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** hello-server and hello-client, alone and through the two brokers and the multithreaded server. */
@SuppressWarnings("try") // a try block keeps a background program running, referenced or not
@Timeout(120)
class RequestReplyExamplesTest {
    @TempDir
    Path dir;
    private final Output output = new Output();

    private String ipc(String name) {
        return "ipc://" + dir.resolve(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1:*", "ipc", "inproc://hello"})
    void helloClientGetsWorldForEachRequest(String bindTo) {
        String endpoint = bindTo.equals("ipc") ? ipc("hello") : bindTo;
        if (endpoint.startsWith("inproc:")) {
            // inproc works within one context: both programs share it, each on its own thread
            try (Context ctx = Context.create()) {
                Background.onThread("hello-server", () -> HelloServer.serve(ctx, endpoint, output.out));
                assertThat(Background.onThread("hello-client", () -> HelloClient.request(ctx, endpoint, 3, output.out))
                        .result()).containsExactly("World", "World", "World");
            }
        } else {
            try (Background<Void> server = Background.run("hello-server",
                    ctx -> HelloServer.serve(ctx, endpoint, output.out))) {
                String bound = output.awaitLine("hello-server: bound ");   // the port * became
                List<String> replies = Background.start("hello-client",
                        ctx -> HelloClient.request(ctx, bound, 3, output.out)).result();
                assertThat(replies).containsExactly("World", "World", "World");
            }
        }
        assertThat(output.text()).contains("hello-server: received Hello 3");
    }

    @Test
    void brokerWithAPollerSpreadsRequestsOverTheWorkers() {
        String frontend = ipc("frontend");
        String backend = ipc("backend");
        try (Background<Void> broker = Background.run("rr-broker",
                ctx -> RequestReplyBroker.broker(ctx, frontend, backend, output.out));
             Background<Void> w1 = Background.run("w1", ctx -> BackendWorker.serve(ctx, backend, "w1", output.out));
             Background<Void> w2 = Background.run("w2", ctx -> BackendWorker.serve(ctx, backend, "w2", output.out))) {
            assertThat(helloThrough(frontend, 6)).hasSize(6).containsOnly("World");
        }
    }

    @Test
    void brokerWithProxyServesTheSameClients() {
        String frontend = ipc("frontend");
        String backend = ipc("backend");
        try (Background<Void> broker = Background.run("proxy-broker",
                ctx -> ProxyBroker.broker(ctx, frontend, backend, output.out));
             Background<Void> worker = Background.run("w", ctx -> BackendWorker.serve(ctx, backend, "w", output.out))) {
            assertThat(helloThrough(frontend, 3)).containsExactly("World", "World", "World");
        }
        assertThat(output.text()).contains("w: received Hello 3");
    }

    @Test
    void multithreadedServerAnswersFromItsInprocWorkers() {
        String endpoint = ipc("mt");
        try (Background<Void> server = Background.run("mt-server",
                ctx -> MultithreadedServer.serve(ctx, endpoint, 3, output.out))) {
            assertThat(helloThrough(endpoint, 5)).hasSize(5).containsOnly("World");
        }
        assertThat(output.text()).contains("mt-worker-");
    }

    private List<String> helloThrough(String endpoint, int requests) {
        return Background.start("hello-client", ctx -> HelloClient.request(ctx, endpoint, requests, output.out))
                .result();
    }
}
