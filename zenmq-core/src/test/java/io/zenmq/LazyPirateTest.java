// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import io.zenmq.testing.Transport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Lazy Pirate pattern with the public API: the server loses a request, the client's poll
 * times out, it resends on a fresh socket and gets its answer; or it gives up after its retries.
 * (A killed worker replaced by another is {@link ParanoidPirateTest}'s.)
 */
@Timeout(30)
class LazyPirateTest extends ContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldRetryOnAFreshSocketUntilTheServerAnswers(Transport transport) throws Exception {
        // a ROUTER server that loses the first request (as a crashed server would) and answers the retry
        Socket server = ctx.socket(SocketType.ROUTER);
        String endpoint = server.bind(transport.bindable());
        CompletableFuture<byte[][]> served = ProxyTest.spawn(() -> {
            Msg lost = server.recvMsg(WAIT);
            Msg retry = server.recvMsg(WAIT);
            byte[] client = retry.unwrap();
            server.send(Msg.of("answer to " + retry.string(0)).wrap(client));
            return new byte[][] {lost.first(), client};
        });
        try (LazyPirateClient client = new LazyPirateClient(ctx, endpoint, Duration.ofMillis(250), 5)) {
            Msg reply = client.request(Msg.of("question"));
            assertThat(reply).isNotNull();
            assertThat(reply.string(0)).isEqualTo("answer to question");
            assertThat(client.attempts()).isEqualTo(2);
        }
        byte[][] peers = served.get(10, TimeUnit.SECONDS);
        assertThat(peers[1]).as("the retry came from a fresh socket").isNotEqualTo(peers[0]);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"INPROC", "TCP"})
    void shouldGiveUpAfterTheLastRetry(Transport transport) {
        Socket silent = ctx.socket(SocketType.ROUTER);
        String endpoint = silent.bind(transport.bindable());
        try (LazyPirateClient client = new LazyPirateClient(ctx, endpoint, Duration.ofMillis(100), 2)) {
            assertThat(client.request(Msg.of("anyone?"))).isNull();
            assertThat(client.attempts()).isEqualTo(3);
        }
    }
}
