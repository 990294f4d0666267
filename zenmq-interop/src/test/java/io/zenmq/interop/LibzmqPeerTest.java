// SPDX-License-Identifier: MPL-2.0
package io.zenmq.interop;

import static io.zenmq.interop.Frames.assertFrames;
import static io.zenmq.interop.Payloads.numbered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The harness itself, with libzmq on both ends and no zenmq involved: if these fail, the interop
 * tests' failures say nothing about zenmq. In particular the Java {@link Digest} and
 * {@link Payloads#numbered} must agree with {@code peer.py}'s.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LibzmqPeerTest {
    private static final Duration PATIENCE = InteropExtension.PATIENCE;

    @BeforeEach
    void requireLibzmq() {
        Libzmq.assumeAvailable();
    }

    @Test
    void shouldReportLibzmqVersionWhenReady() {
        try (LibzmqPeer peer = LibzmqPeer.start()) {
            assertThat(peer.version()).matches("4\\.\\d+\\.\\d+");
        }
    }

    @Test
    void shouldPassAnyBytesBetweenTwoLibzmqPeers() {
        try (LibzmqPeer sender = LibzmqPeer.start(); LibzmqPeer receiver = LibzmqPeer.start()) {
            receiver.socket("PULL");
            sender.socket("PUSH").connect(receiver.bind(InteropExtension.ANY_TCP));
            List<byte[]> frames = List.of(new byte[0], new byte[] {0, (byte) 0xff, ','}, Payloads.pattern(300, 3));

            sender.send(frames);

            assertFrames("received", receiver.recv(PATIENCE), frames);
        }
    }

    @Test
    void shouldAgreeWithJavaOnDigestOfNumberedMessages() {
        try (LibzmqPeer sender = LibzmqPeer.start(); LibzmqPeer receiver = LibzmqPeer.start()) {
            receiver.socket("PULL");
            sender.socket("PUSH").connect(receiver.bind(InteropExtension.ANY_TCP));
            LibzmqPeer.Pending received = receiver.beginRecvn(300, PATIENCE);

            assertThat(sender.beginSendn(300, 3, PATIENCE).ok()).isEqualTo("300");

            Digest.Accumulator expected = new Digest.Accumulator();
            for (int i = 0; i < 300; i++) {
                expected.add(numbered(i, 3));
            }
            assertThat(Digest.parse(received.reply())).isEqualTo(expected.finish());
        }
    }

    @Test
    void shouldNumberMessagesLikeJava() {
        try (LibzmqPeer sender = LibzmqPeer.start(); LibzmqPeer receiver = LibzmqPeer.start()) {
            receiver.socket("PULL");
            sender.socket("PUSH").connect(receiver.bind(InteropExtension.ANY_TCP));

            sender.beginSendn(2, 300, PATIENCE).ok();

            assertFrames("message 0", receiver.recv(PATIENCE), numbered(0, 300));
            assertFrames("message 1", receiver.recv(PATIENCE), numbered(1, 300));
        }
    }

    @Test
    void shouldAnswerTimeoutWhenNothingArrives() {
        try (LibzmqPeer peer = LibzmqPeer.start()) {
            peer.socket("PULL").bind(InteropExtension.ANY_TCP);

            assertThat(peer.recv(Duration.ofMillis(50))).isNull();
        }
    }

    @Test
    void shouldFailWithPeerDiagnosticsOnError() {
        try (LibzmqPeer peer = LibzmqPeer.start()) {
            assertThatThrownBy(() -> peer.socket("NO_SUCH_TYPE"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ERR AttributeError")
                    .hasMessageContaining("socket NO_SUCH_TYPE");
            assertThat(peer.call("bind tcp://127.0.0.1:*", LibzmqPeer.QUICK)).startsWith("ERR");
        }
    }

    @Test
    void shouldExitWhenStdinCloses() throws InterruptedException {
        try (LibzmqPeer peer = LibzmqPeer.start()) {
            peer.socket("PULL");

            peer.closeInput();

            assertThat(peer.awaitExit(Duration.ofSeconds(5))).as("peer exited by itself").isTrue();
        }
    }
}
