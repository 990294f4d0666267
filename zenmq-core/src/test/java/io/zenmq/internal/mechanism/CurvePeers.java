// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import static io.zenmq.internal.crypto.CurveVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.zenmq.internal.crypto.CurveVectors;
import io.zenmq.internal.crypto.DeterministicRandom;
import io.zenmq.internal.zmtp.Mechanism.Unwrapped;
import io.zenmq.internal.zmtp.Metadata;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * A CURVE client and server wired to each other in memory: each one's sent commands are handed to the
 * other until both are quiet. Uses the section 3.11 test keys as long-term keys.
 */
final class CurvePeers {
    static final byte[] CLIENT_PUBLIC = bytes(CurveVectors.CLIENT_PUBLIC);
    static final byte[] CLIENT_SECRET = bytes(CurveVectors.CLIENT_SECRET);
    static final byte[] SERVER_PUBLIC = bytes(CurveVectors.SERVER_PUBLIC);
    static final byte[] SERVER_SECRET = bytes(CurveVectors.SERVER_SECRET);
    static final byte[] CLIENT_METADATA = metadata("DEALER", "client-1");
    static final byte[] SERVER_METADATA = metadata("ROUTER", null);

    final CurveMechanism client;
    final CurveMechanism server;
    final RecordingOutput clientOut = new RecordingOutput();
    final RecordingOutput serverOut = new RecordingOutput();

    CurvePeers(SecureRandom clientRandom, SecureRandom serverRandom, byte[] serverKeyOfClient) {
        client = new CurveMechanism(false, CLIENT_PUBLIC, CLIENT_SECRET, serverKeyOfClient, CLIENT_METADATA,
                clientRandom);
        server = new CurveMechanism(true, new byte[0], SERVER_SECRET, new byte[0], SERVER_METADATA, serverRandom);
    }

    CurvePeers(long seed) {
        this(new DeterministicRandom(seed), new DeterministicRandom(~seed), SERVER_PUBLIC);
    }

    static byte[] metadata(String socketType, String identity) {
        Map<String, byte[]> props = new LinkedHashMap<>();
        props.put("Socket-Type", socketType.getBytes(StandardCharsets.US_ASCII));
        if (identity != null) {
            props.put("Identity", identity.getBytes(StandardCharsets.US_ASCII));
        }
        return Metadata.encode(props);
    }

    /** Starts both sides and runs HELLO, WELCOME and INITIATE; stops at the server's ZAP request. */
    void runToZap() throws ProtocolException {
        client.start(clientOut);
        server.start(serverOut);
        pump();
    }

    /** Answers the ZAP request; what the server sends then stays in its output. */
    void answerZap(ZapReply reply) throws ProtocolException {
        server.onZapReply(reply, serverOut);
    }

    /** Runs a whole handshake, the ZAP handler answering {@code reply}. */
    void handshake(ZapReply reply) throws ProtocolException {
        runToZap();
        answerZap(reply);
        pump();
    }

    /** Hands each side's new commands to the other until neither sends more. */
    void pump() throws ProtocolException {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (byte[] body : clientOut.take()) {
                server.onCommand(body, serverOut);
                moved = true;
            }
            for (byte[] body : serverOut.take()) {
                client.onCommand(body, clientOut);
                moved = true;
            }
        }
    }

    /** Asserts that the call fails with a {@link ProtocolException} of the code. */
    static void assertProtocolError(int expectedCode, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProtocolException.class);
        assertThat(ProtocolErrors.name(((ProtocolException) thrown).code()))
                .as("protocol error code of %s", thrown)
                .isEqualTo(ProtocolErrors.name(expectedCode));
    }

    static Unwrapped send(CurveMechanism from, CurveMechanism to, byte[] frame, int flags) throws ProtocolException {
        return to.decode(from.encode(frame, flags));
    }
}
