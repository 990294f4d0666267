// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.zenmq.testing.ContextTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/guide/draft-sockets.md}, kept compiling and working: the methods
 * between the markers are copied into the guide as they stand.
 */
class DraftSocketsGuideTest extends ContextTest {

    // --- from docs/guide/draft-sockets.md: a SERVER answering by routing id
    /** Answers every request with its text in upper case, to whichever client sent it. */
    static void serve(Socket server, int requests) {
        for (int i = 0; i < requests; i++) {
            Msg request = server.recvMsg();
            String text = request.string(0);
            server.send(Msg.of(text.toUpperCase(Locale.ROOT)).routingId(request.routingId()));
        }
    }
    // --- end of the example

    // --- from docs/guide/draft-sockets.md: one CLIENT shared by many threads
    /** Sends from several threads through one CLIENT and collects the replies on this one. */
    static List<String> askFromManyThreads(Socket client, int threads) throws InterruptedException {
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String question = "question " + t;
            Thread sender = new Thread(() -> client.send(question));
            sender.start();
            senders.add(sender);
        }
        List<String> answers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            answers.add(client.recvString());
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return answers;
    }
    // --- end of the example

    // --- from docs/guide/draft-sockets.md: PEER and connectPeer
    /** Greets a PEER listening at an endpoint and returns its answer. */
    static String greet(Socket peer, String endpoint) {
        int id = peer.connectPeer(endpoint);   // the connection's routing id, at once
        peer.send(Msg.of("hello").routingId(id));
        Msg answer = peer.recvMsg();
        assert answer.routingId() == id;       // answers come with the same id
        return answer.string(0);
    }
    // --- end of the example

    @Test
    void serveShouldAnswerEachClient() throws InterruptedException {
        Socket server = ctx.socket(SocketType.SERVER);
        Socket client = ctx.socket(SocketType.CLIENT);
        client.connect(server.bind("tcp://127.0.0.1:*"));
        Thread serving = new Thread(() -> serve(server, 4));
        serving.start();
        assertThat(askFromManyThreads(client, 4))
                .containsExactlyInAnyOrder("QUESTION 0", "QUESTION 1", "QUESTION 2", "QUESTION 3");
        serving.join(Duration.ofSeconds(10).toMillis());
    }

    @Test
    void greetShouldGetTheAnswerOfThePeer() throws InterruptedException {
        Socket listening = ctx.socket(SocketType.PEER);
        String endpoint = listening.bind("tcp://127.0.0.1:*");
        Thread answering = new Thread(() -> {
            Msg hello = listening.recvMsg();
            listening.send(Msg.of(hello.string(0) + " to you").routingId(hello.routingId()));
        });
        answering.start();
        assertThat(greet(ctx.socket(SocketType.PEER), endpoint)).isEqualTo("hello to you");
        answering.join(Duration.ofSeconds(10).toMillis());
    }
}
