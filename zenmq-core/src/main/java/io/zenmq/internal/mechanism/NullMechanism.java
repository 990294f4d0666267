// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.FrameEncoder;
import io.zenmq.internal.zmtp.Mechanism;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.util.Map;

/**
 * The NULL mechanism (RFC 23/37): both sides send READY with their metadata. With a ZAP domain
 * this side first asks the ZAP handler and sends READY only if admitted (libzmq 4.3).
 */
final class NullMechanism implements Mechanism {
    private final byte[] ourMetadata;
    private final boolean asksZap;
    private Map<String, byte[]> peerProperties;
    private ZapReply zap;
    private boolean readySent;
    private boolean done;

    NullMechanism(byte[] ourMetadata, boolean asksZap) {
        this.ourMetadata = ourMetadata;
        this.asksZap = asksZap;
    }

    @Override
    public String name() {
        return "NULL";
    }

    @Override
    public void start(Output out) {
        if (asksZap) {
            out.askZap("NULL");
        } else {
            sendReady(out);
        }
    }

    @Override
    public void onCommand(byte[] body, Output out) throws ProtocolException {
        if (!Commands.is(body, ZmtpLayout.READY) || peerProperties != null) {
            throw new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "NULL handshake expected one READY");
        }
        peerProperties = Commands.parseReady(body);
        finishIfComplete(out);
    }

    @Override
    public void onZapReply(ZapReply reply, Output out) {
        if (reply.hasHandler() && !reply.admitted()) {
            Refusal.refuse(reply.status(), out);
            return;
        }
        zap = reply;
        sendReady(out);
    }

    private void sendReady(Output out) {
        out.send(FrameEncoder.commandBody(ZmtpLayout.READY, ourMetadata));
        readySent = true;
        finishIfComplete(out);
    }

    private void finishIfComplete(Output out) {
        if (readySent && peerProperties != null && !done) {
            done = true;
            out.ready(HandshakeProperties.merge(peerProperties, zap));
        }
    }
}
