// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.zenmq.SocketType;
import io.zenmq.internal.mechanism.SecurityConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Jazzer target (F1): a hostile peer's bytes into one pure {@link ZmtpConnection} under NULL, PLAIN or
 * CURVE, as client or server, from the first byte, after an honest greeting, or after a whole honest
 * handshake; the ZAP handler approves, refuses (300/400/500) or never answers. Properties: nothing
 * but a protocol-error close or delivered frames (any other Throwable fails), and the outcome (status,
 * error code, delivered frames, monitor events) is the same when the bytes come one at a time. The
 * frame limit is bounded, so no input makes the connection allocate above it. A plain build replays
 * the inputs kept in {@code ZmtpConnectionFuzzTestInputs/}; {@code fuzz/run.sh} fuzzes.
 */
class ZmtpConnectionFuzzTest {
    private static final String[] MECHANISMS = {"NULL", "PLAIN", "CURVE"};
    private static final long[] MAX_MESSAGE_SIZES = {0, 255, 65_536, 1 << 20};
    private static final ZapReply[] ZAP_ANSWERS = {
        new ZapReply(200, "OK", "user".getBytes(java.nio.charset.StandardCharsets.US_ASCII), Map.of()),
        new ZapReply(300, "Try later", new byte[0], Map.of()),
        new ZapReply(400, "No", new byte[0], Map.of()),
        new ZapReply(500, "Broken", new byte[0], Map.of()),
        null,
    };

    /** Everything that must not depend on how the bytes were cut. */
    record Outcome(ZmtpConnection.Status status, int protocolError, List<ConnectionHarness.Frame> frames,
                   List<String> events) {
    }

    /** The test's choices, read from the input's first bytes. */
    /**
     * The test's choices, read from the input's first bytes. {@code zapAt}: the stream offset at which
     * the ZAP handler's answer arrives (if asked by then; else after the whole stream), so that its
     * timing is part of the input and the same however the bytes are cut.
     */
    record Setup(String mechanism, boolean victimIsServer, int honestPrefix, ZapReply zapAnswer, long maxMessageSize,
                 boolean zapDomain, int zapAt) {
    }

    @FuzzTest(maxDuration = "60s")
    void hostilePeer(FuzzedDataProvider data) {
        Setup setup = new Setup(MECHANISMS[data.consumeInt(0, 2)], data.consumeBoolean(), data.consumeInt(0, 2),
                ZAP_ANSWERS[data.consumeInt(0, ZAP_ANSWERS.length - 1)],
                MAX_MESSAGE_SIZES[data.consumeInt(0, MAX_MESSAGE_SIZES.length - 1)], data.consumeBoolean(),
                data.consumeInt(0, 4096));
        long chunkSeed = data.consumeLong();
        byte[] stream = data.consumeRemainingAsBytes();

        Outcome chunked = run(setup, stream, new Random(chunkSeed));
        Outcome byteByByte = run(setup, stream, null);

        assertThat(chunked.status()).isIn(ZmtpConnection.Status.OPEN, ZmtpConnection.Status.PROTOCOL_ERROR,
                ZmtpConnection.Status.REFUSED);
        assertThat(byteByByte).isEqualTo(chunked);
    }

    /** Runs one victim; {@code splits} null feeds one byte at a time. */
    private static Outcome run(Setup setup, byte[] stream, Random splits) {
        ConnectionHarness[] peers = pair(setup);
        ConnectionHarness victim = setup.victimIsServer() ? peers[1] : peers[0];
        ConnectionHarness honest = setup.victimIsServer() ? peers[0] : peers[1];
        // the victim's ZAP handler answers only at zapAt (or at the end), never at a chunk boundary
        victim.zapAnswer = null;
        honest.zapAnswer = ZAP_ANSWERS[0];
        victim.start();
        if (setup.honestPrefix() > 0) {
            honest.start();
            if (setup.honestPrefix() == 1) {
                honest.feed(victim.output());
                victim.feed(greetingOnly(honest.output()));
            } else {
                ConnectionHarness.pump(victim, honest);
            }
        }
        int offset = 0;
        boolean zapTimeCame = false;
        while (offset < stream.length && victim.connection.readsOn()) {
            if (!zapTimeCame && offset >= setup.zapAt()) {
                zapTimeCame = true;
                answerZapIfAsked(victim, setup.zapAnswer());
            }
            int n = splits == null ? 1 : 1 + splits.nextInt(Math.min(512, stream.length - offset));
            if (offset < setup.zapAt()) {
                n = Math.min(n, setup.zapAt() - offset);
            }
            victim.feed(Arrays.copyOfRange(stream, offset, offset + n));
            victim.output();
            offset += n;
        }
        // then the answer (if it is ever given), and what a pending reply left unread is decoded
        victim.zapAnswer = setup.zapAnswer();
        for (int i = 0; i < 4 && victim.connection.readsOn(); i++) {
            victim.drain(Integer.MAX_VALUE);
            victim.output();
        }
        return new Outcome(victim.connection.status(), victim.connection.protocolError(),
                new ArrayList<>(victim.received), new ArrayList<>(victim.events));
    }

    /** The handler's answer arrives now if a request is waiting; otherwise it comes at the end. */
    private static void answerZapIfAsked(ConnectionHarness victim, ZapReply answer) {
        if (victim.events.stream().anyMatch(e -> e.startsWith("zap "))) {
            victim.zapAnswer = answer;
            victim.drain(Integer.MAX_VALUE);
            victim.output();
        }
    }

    private static byte[] greetingOnly(byte[] honestOutput) {
        return Arrays.copyOf(honestOutput, Math.min(honestOutput.length, ZmtpLayout.GREETING_LENGTH));
    }

    private static ConnectionHarness[] pair(Setup setup) {
        byte[] none = new byte[0];
        String domain = setup.zapDomain() ? "global" : "";
        SecurityConfig client;
        SecurityConfig server;
        switch (setup.mechanism()) {
            case "PLAIN" -> {
                client = new SecurityConfig("PLAIN", false, ConnectionHarness.ascii("admin"),
                        ConnectionHarness.ascii("secret"), none, none, none, "");
                server = new SecurityConfig("PLAIN", true, none, none, none, none, none, domain);
            }
            case "CURVE" -> {
                client = new SecurityConfig("CURVE", false, none, none, ConnectionHarness.CURVE_CLIENT_PUBLIC,
                        ConnectionHarness.CURVE_CLIENT_SECRET, ConnectionHarness.CURVE_SERVER_PUBLIC, "");
                server = new SecurityConfig("CURVE", true, none, none, ConnectionHarness.CURVE_SERVER_PUBLIC,
                        ConnectionHarness.CURVE_SERVER_SECRET, none, domain);
            }
            default -> {
                client = SecurityConfig.NULL;
                server = new SecurityConfig("NULL", false, none, none, none, none, none, domain);
            }
        }
        boolean legacy = setup.mechanism().equals("NULL") && !setup.zapDomain();
        return new ConnectionHarness[] {
            new ConnectionHarness(settings(SocketType.DEALER, legacy, setup.maxMessageSize()),
                    ConnectionHarness.mechanism(client, SocketType.DEALER, 1)),
            new ConnectionHarness(settings(SocketType.ROUTER, legacy, setup.maxMessageSize()),
                    ConnectionHarness.mechanism(server, SocketType.ROUTER, 2)),
        };
    }

    private static ConnectionSettings settings(SocketType type, boolean legacy, long maxMessageSize) {
        return new ConnectionSettings(type, new byte[0], legacy, maxMessageSize, 0, 0, 0, 0);
    }
}
