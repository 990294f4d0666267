// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Waits out the slow joiner in publish-subscribe tests: a subscriber's subscriptions reach its
 * publisher asynchronously, so a test publishes probes until one arrives.
 */
final class PubSubSync {
    private static final AtomicInteger ROUNDS = new AtomicInteger();
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration PROBE_WAIT = Duration.ofMillis(10);

    private PubSubSync() {
    }

    /**
     * Returns once the publisher applies every subscription the subscriber made so far. Probes
     * ride on a subscription of their own, unique to the call (a stale one from an earlier call
     * could let a probe through and then cancel the rest), which is dropped again; every probe is
     * consumed, so the subscriber's next message is the publisher's next message for it.
     *
     * @param pub a PUB or XPUB (not receiving: XPUB subscription reports are left to the test)
     * @param sub a SUB connected to it
     */
    static void awaitSubscribed(Socket pub, Socket sub) {
        byte[] probe = ("~sync-" + ROUNDS.incrementAndGet() + ".").getBytes(StandardCharsets.UTF_8);
        byte[] done = Arrays.copyOf(probe, probe.length + 1);
        sub.subscribe(probe);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            pub.send(probe);
            if (sub.recv(PROBE_WAIT) != null) {
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the subscription never reached the publisher");
            }
        }
        pub.send(done);
        byte[] frame;
        do {
            frame = sub.recv(PATIENCE);
            if (frame == null) {
                throw new AssertionError("the last probe never arrived");
            }
        } while (!Arrays.equals(frame, done));
        sub.unsubscribe(probe);
    }

    /**
     * Fills a NODROP publisher with 64 KiB messages until it refuses, then checks that every one
     * of them, plus one more sent once there is room, reaches the subscriber: nothing dropped,
     * nothing extra.
     */
    static void fillThenDrainWithoutLoss(Socket publisher, Socket sub) {
        byte[] body = new byte[64 * 1024];
        int sent = 0;
        while (publisher.trySend(body)) {
            sent++;
            assertThat(sent).as("a NODROP publisher must fill up").isLessThan(100_000);
        }
        // Reading one message does not free room upstream at once: the freed slot may be refilled
        // from bytes already buffered on the way. Read until the publisher has room again.
        int received = 0;
        boolean resent = false;
        while (!resent) {
            assertThat(sub.recv(PATIENCE)).as("message %d", received + 1).hasSize(body.length);
            received++;
            resent = publisher.send(body, Duration.ofMillis(20));
            assertThat(received).as("room again once the subscriber reads").isLessThanOrEqualTo(sent);
        }
        for (; received < sent + 1; received++) {
            assertThat(sub.recv(PATIENCE)).as("message %d of %d", received + 1, sent + 1).hasSize(body.length);
        }
        assertThat(sub.recv(Duration.ofMillis(50))).as("nothing dropped, nothing extra").isNull();
    }
}
