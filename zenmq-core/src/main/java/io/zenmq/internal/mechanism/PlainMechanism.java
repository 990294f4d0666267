// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import io.zenmq.internal.zmtp.Commands;
import io.zenmq.internal.zmtp.FrameEncoder;
import io.zenmq.internal.zmtp.Mechanism;
import io.zenmq.internal.zmtp.Metadata;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import io.zenmq.internal.zmtp.ZmtpLayout;

/**
 * PLAIN (RFC 24): the client sends its user name and password in clear; the server asks the ZAP
 * handler about them. As in libzmq, a server with no ZAP handler refuses everyone (EFAULT).
 *
 * <pre>
 * client: HELLO ->            server: ZAP -> WELCOME (or ERROR / nothing)
 * client: INITIATE(meta) ->   server: READY(meta)
 * </pre>
 */
final class PlainMechanism implements Mechanism {
    /** libzmq reports a PLAIN server without a ZAP handler with EFAULT. */
    static final int EFAULT = 14;

    private enum Step { CLIENT_WELCOME, CLIENT_READY, SERVER_HELLO, SERVER_ZAP, SERVER_INITIATE, DONE }

    private final boolean asServer;
    private final byte[] username;
    private final byte[] password;
    private final byte[] ourMetadata;
    private Step step;
    private ZapReply zap;

    PlainMechanism(boolean asServer, byte[] username, byte[] password, byte[] ourMetadata) {
        this.asServer = asServer;
        this.username = username;
        this.password = password;
        this.ourMetadata = ourMetadata;
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public void start(Output out) {
        if (asServer) {
            step = Step.SERVER_HELLO;
        } else {
            out.send(PlainLayout.hello(username, password));
            step = Step.CLIENT_WELCOME;
        }
    }

    @Override
    public void onCommand(byte[] body, Output out) throws ProtocolException {
        switch (step) {
            case CLIENT_WELCOME:
                if (!PlainLayout.isWelcome(body)) {
                    throw unexpected(body, PlainLayout.WELCOME, ProtocolErrors.ZMTP_MALFORMED_COMMAND_WELCOME);
                }
                out.send(FrameEncoder.commandBody(PlainLayout.INITIATE, ourMetadata));
                step = Step.CLIENT_READY;
                break;
            case CLIENT_READY:
                java.util.Map<String, byte[]> serverProperties = Commands.parseReady(body);
                step = Step.DONE;
                out.ready(serverProperties);
                break;
            case SERVER_HELLO:
                if (!Commands.is(body, PlainLayout.HELLO)) {
                    throw unexpected(body, PlainLayout.HELLO, ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO);
                }
                byte[][] credentials = PlainLayout.parseHello(body);
                step = Step.SERVER_ZAP;
                out.askZap("PLAIN", credentials[0], credentials[1]);
                break;
            case SERVER_INITIATE:
                if (!Commands.is(body, PlainLayout.INITIATE)) {
                    throw unexpected(body, PlainLayout.INITIATE, ProtocolErrors.ZMTP_MALFORMED_COMMAND_INITIATE);
                }
                int offset = 1 + PlainLayout.INITIATE.length();
                java.util.Map<String, byte[]> clientProperties = Metadata.decode(body, offset, body.length - offset);
                out.send(FrameEncoder.commandBody(ZmtpLayout.READY, ourMetadata));
                step = Step.DONE;
                out.ready(HandshakeProperties.merge(clientProperties, zap));
                break;
            default:
                throw new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                        "unexpected command during the PLAIN handshake");
        }
    }

    @Override
    public void onZapReply(ZapReply reply, Output out) throws ProtocolException {
        if (step != Step.SERVER_ZAP) {
            throw new ProtocolException(ProtocolErrors.ZAP_UNSPECIFIED, "unexpected ZAP reply");
        }
        if (!reply.hasHandler()) {
            out.failed(EFAULT);
            return;
        }
        if (!reply.admitted()) {
            Refusal.refuse(reply.status(), out);
            return;
        }
        zap = reply;
        out.send(FrameEncoder.commandBody(PlainLayout.WELCOME, null));
        step = Step.SERVER_INITIATE;
    }

    /** A command other than the expected one, or the expected one malformed. */
    private static ProtocolException unexpected(byte[] body, String expected, int malformedCode) {
        if (Commands.is(body, expected)) {
            return new ProtocolException(malformedCode, "malformed PLAIN " + expected);
        }
        return new ProtocolException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, "PLAIN handshake expected " + expected);
    }
}
