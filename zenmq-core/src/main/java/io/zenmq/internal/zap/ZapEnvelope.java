// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zap;

import io.zenmq.Msg;
import io.zenmq.ZapDecision;
import io.zenmq.internal.zmtp.Metadata;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A ZAP message received on the handler's ROUTER socket, cut into its envelope (routing id and
 * empty delimiter) and its body ({@link ZapLayout}); makes the reply that goes back through
 * the same envelope. Immutable; the frames are not copied.
 */
final class ZapEnvelope {
    private final List<byte[]> envelope;
    private final List<byte[]> body;

    private ZapEnvelope(List<byte[]> envelope, List<byte[]> body) {
        this.envelope = envelope;
        this.body = body;
    }

    /**
     * Cuts a message after its delimiter, which must be the second frame: the ROUTER socket puts
     * the peer's routing id first, and the peer (a ZAP client, connected straight to the inproc
     * endpoint) sends the empty delimiter first.
     *
     * @param frames the received frames
     * @return the parts, or null if the second frame is not an empty delimiter, so there is no
     *     sure way to reply
     */
    static ZapEnvelope split(List<byte[]> frames) {
        if (frames.size() < ZapLayout.ENVELOPE_FRAMES || frames.get(ZapLayout.DELIMITER_INDEX).length != 0) {
            return null;
        }
        return new ZapEnvelope(frames.subList(0, ZapLayout.ENVELOPE_FRAMES),
                frames.subList(ZapLayout.ENVELOPE_FRAMES, frames.size()));
    }

    /** @return the frames after the delimiter, from the version on */
    List<byte[]> body() {
        return body;
    }

    /**
     * Makes the reply: the envelope, then version, request id, status code, status text, user id
     * and metadata.
     *
     * @param requestId the id of the request, echoed unchanged
     * @param decision the handler's decision
     * @return the message to send on the ROUTER socket
     */
    Msg reply(byte[] requestId, ZapDecision decision) {
        Msg reply = new Msg();
        envelope.forEach(reply::add);
        reply.add(ZapLayout.VERSION)
                .add(requestId)
                .add(Integer.toString(decision.status()))
                .add(decision.statusText())
                .add(decision.userId().getBytes(StandardCharsets.UTF_8))
                .add(Metadata.encode(decision.metadata()));
        assert reply.size() == envelope.size() + ZapLayout.REPLY_FRAMES;
        return reply;
    }
}
