// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import io.zenmq.EventType;
import io.zenmq.SocketType;
import io.zenmq.internal.crypto.CurveVectors;
import io.zenmq.internal.crypto.DeterministicRandom;
import io.zenmq.internal.mechanism.Mechanisms;
import io.zenmq.internal.mechanism.SecurityConfig;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Test helper: one {@link ZmtpConnection} with no channel or thread around it. It records decoded
 * frames and events, sends queued frames, answers ZAP requests once the call that made them
 * returned, and keeps the bytes a full inbound queue left unread. Time is a field the test moves.
 */
final class ConnectionHarness implements ZmtpConnection.Inbound, ZmtpConnection.Outbound, ZmtpConnection.Events {
    /**
     * A frame with {@link ZmtpConnection} flags.
     *
     * @param body the bytes
     * @param flags MORE, SUBSCRIBE, CANCEL
     */
    record Frame(byte[] body, int flags) {
        static Frame of(String text, int flags) {
            return new Frame(text.getBytes(StandardCharsets.US_ASCII), flags);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && f.flags == flags && Arrays.equals(f.body, body);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(body) * 31 + flags;
        }

        @Override
        public String toString() {
            return flags + ":" + HexFormat.of().formatHex(body);
        }
    }

    static final byte[] CURVE_SERVER_PUBLIC = CurveVectors.bytes(CurveVectors.SERVER_PUBLIC);
    static final byte[] CURVE_SERVER_SECRET = CurveVectors.bytes(CurveVectors.SERVER_SECRET);
    static final byte[] CURVE_CLIENT_PUBLIC = CurveVectors.bytes(CurveVectors.CLIENT_PUBLIC);
    static final byte[] CURVE_CLIENT_SECRET = CurveVectors.bytes(CurveVectors.CLIENT_SECRET);

    final ZmtpConnection connection;
    final List<Frame> received = new ArrayList<>();
    final ArrayDeque<Frame> toSend = new ArrayDeque<>();
    final List<String> events = new ArrayList<>();
    Map<String, byte[]> peerProperties;
    /** What the ZAP handler answers; null leaves requests unanswered. */
    ZapReply zapAnswer = new ZapReply(200, "OK", new byte[0], Map.of());
    boolean acceptConnection = true;
    /** How many more frames the inbound queue takes before it is full. */
    int room = Integer.MAX_VALUE;
    long now;
    private boolean zapPending;
    private int lastFlags;
    private ByteBuffer unread = ByteBuffer.allocate(0);

    ConnectionHarness(ConnectionSettings settings, Mechanism mechanism) {
        this.connection = new ZmtpConnection(settings, mechanism, this, this, this);
    }

    static ConnectionSettings settings(SocketType type) {
        return new ConnectionSettings(type, new byte[0], true, -1, 0, 0, 0, 0);
    }

    static ConnectionHarness nullMechanism(SocketType type) {
        return new ConnectionHarness(settings(type), mechanism(SecurityConfig.NULL, type, 1));
    }

    static Mechanism mechanism(SecurityConfig config, SocketType type, long seed) {
        return Mechanisms.create(config, type.name(), null, new DeterministicRandom(seed));
    }

    /** A client and a server of one mechanism: NULL, PLAIN or CURVE. */
    static ConnectionHarness[] pair(String mechanism, SocketType client, SocketType server, long seed) {
        SecurityConfig clientConfig;
        SecurityConfig serverConfig;
        byte[] none = new byte[0];
        switch (mechanism) {
            case "PLAIN" -> {
                clientConfig = new SecurityConfig("PLAIN", false, ascii("admin"), ascii("secret"), none, none, none, "");
                serverConfig = new SecurityConfig("PLAIN", true, none, none, none, none, none, "");
            }
            case "CURVE" -> {
                clientConfig = new SecurityConfig("CURVE", false, none, none, CURVE_CLIENT_PUBLIC,
                        CURVE_CLIENT_SECRET, CURVE_SERVER_PUBLIC, "");
                serverConfig = new SecurityConfig("CURVE", true, none, none, CURVE_SERVER_PUBLIC,
                        CURVE_SERVER_SECRET, none, "");
            }
            default -> {
                clientConfig = SecurityConfig.NULL;
                serverConfig = SecurityConfig.NULL;
            }
        }
        boolean legacy = mechanism.equals("NULL");
        return new ConnectionHarness[] {
            new ConnectionHarness(new ConnectionSettings(client, new byte[0], legacy, -1, 0, 0, 0, 0),
                    mechanism(clientConfig, client, seed)),
            new ConnectionHarness(new ConnectionSettings(server, new byte[0], legacy, -1, 0, 0, 0, 0),
                    mechanism(serverConfig, server, ~seed)),
        };
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    // ------------------------------------------------------------------ driving

    void start() {
        connection.start(now);
        connection.takeWriteRequest();
    }

    /** Everything the connection has to write now. */
    byte[] output() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteBuffer out = ByteBuffer.allocate(1024);
        for (;;) {
            connection.fill(out);
            if (out.position() == 0) {
                return all.toByteArray();
            }
            all.write(out.array(), 0, out.position());
            out.clear();
        }
    }

    /** Feeds bytes from the peer; what a full inbound queue leaves unread waits for {@link #drain}. */
    void feed(byte[] bytes) {
        ByteBuffer in = ByteBuffer.allocate(unread.remaining() + bytes.length);
        in.put(unread).put(bytes).flip();
        unread = in;
        connection.received(in, now);
        answerZap();
    }

    /** Frees the inbound queue and decodes what was left unread. */
    void drain(int newRoom) {
        room = newRoom;
        connection.resume(unread);
        answerZap();
    }

    int unreadBytes() {
        return unread.remaining();
    }

    private void answerZap() {
        while (zapPending && zapAnswer != null) {
            zapPending = false;
            connection.zapReplied(zapAnswer, now);
        }
    }

    /** Moves bytes both ways until both sides are quiet. */
    static void pump(ConnectionHarness a, ConnectionHarness b) {
        pump(a, b, null);
    }

    /** As {@link #pump(ConnectionHarness, ConnectionHarness)}, cutting each direction's bytes at random. */
    static void pump(ConnectionHarness a, ConnectionHarness b, Random splits) {
        for (int rounds = 0; rounds < 10_000; rounds++) {
            byte[] toB = a.output();
            byte[] toA = b.output();
            if (toB.length == 0 && toA.length == 0) {
                return;
            }
            deliver(toB, b, splits);
            deliver(toA, a, splits);
        }
        throw new AssertionError("the connections never went quiet");
    }

    private static void deliver(byte[] bytes, ConnectionHarness to, Random splits) {
        int offset = 0;
        while (offset < bytes.length) {
            int n = splits == null ? bytes.length - offset : 1 + splits.nextInt(bytes.length - offset);
            to.feed(Arrays.copyOfRange(bytes, offset, offset + n));
            offset += n;
        }
    }

    // ------------------------------------------------------------------ the connection's side

    @Override
    public boolean frame(byte[] body, int flags) {
        received.add(new Frame(body, flags));
        room--;
        return (flags & ZmtpConnection.MORE) != 0 || room > 0;
    }

    @Override
    public byte[] next() {
        Frame frame = toSend.poll();
        if (frame == null) {
            return null;
        }
        lastFlags = frame.flags();
        return frame.body();
    }

    @Override
    public int lastFlags() {
        return lastFlags;
    }

    @Override
    public boolean handshakeSucceeded(Map<String, byte[]> properties) {
        peerProperties = properties;
        events.add("ready");
        return acceptConnection;
    }

    @Override
    public void handshakeFailed(EventType type, int value) {
        events.add(type + " " + Integer.toHexString(value));
    }

    @Override
    public void zapRequest(String mechanism, byte[][] credentials) {
        events.add("zap " + mechanism);
        zapPending = true;
    }
}
