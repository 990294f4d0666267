// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zap;

import io.zenmq.internal.zmtp.Metadata;
import io.zenmq.internal.zmtp.ProtocolErrors;
import io.zenmq.internal.zmtp.ProtocolException;
import io.zenmq.internal.zmtp.ZapReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ZAP request and reply frames (RFC 27; spec/security.md sections 4.2 and 4.3): the one place for
 * their layout, used by the handler side (a ROUTER at the endpoint) and by each connection's ZAP
 * client in the engine (which sends and receives the body after an empty delimiter).
 *
 * <pre>
 *   request: [routing id] [""] ["1.0"] [request id] [domain] [address] [identity] [mechanism] [credential]*
 *   reply:   [routing id] [""] ["1.0"] [request id] [status code] [status text] [user id] [metadata]
 *            \__ envelope ___/ \________ body: the indexes below count from "1.0" _________/
 * </pre>
 *
 * <p>The routing id is the one the ROUTER socket gave the requesting peer. RFC 27 lets a terminal
 * handler take several routing ids before the delimiter, for proxies in between; none can be,
 * since ZAP clients connect straight to the inproc endpoint, so the delimiter must be the second
 * frame, and a message without it cannot be answered.
 */
public final class ZapLayout {
    /** The inproc name of the handler, in the context it serves. */
    public static final String INPROC_NAME = "zeromq.zap.01";
    /** Where the handler binds. */
    public static final String ENDPOINT = "inproc://" + INPROC_NAME;
    /** libzmq's ZAP clients always use request id "1": one request per pipe at a time. */
    static final String CLIENT_REQUEST_ID = "1";
    /** Frames before the body: the routing id and the delimiter. */
    static final int ENVELOPE_FRAMES = 2;
    /** Where the empty delimiter is, counting from the routing id. */
    static final int DELIMITER_INDEX = 1;

    /** The only version (request and reply frame {@link #VERSION_INDEX}). */
    static final String VERSION = "1.0";

    static final int VERSION_INDEX = 0;
    static final int REQUEST_ID_INDEX = 1;
    static final int DOMAIN_INDEX = 2;
    static final int ADDRESS_INDEX = 3;
    static final int IDENTITY_INDEX = 4;
    static final int MECHANISM_INDEX = 5;
    /** The first credential frame; the rest of the request is credentials. */
    static final int CREDENTIALS_INDEX = 6;
    /** Frames of a request body with no credentials. */
    static final int MIN_REQUEST_FRAMES = CREDENTIALS_INDEX;

    /** Frames of a reply body: version, request id, status code, status text, user id, metadata. */
    static final int REPLY_FRAMES = 6;
    static final int STATUS_INDEX = 2;
    static final int STATUS_TEXT_INDEX = 3;
    static final int USER_ID_INDEX = 4;
    static final int METADATA_INDEX = 5;

    /** The status code when the request itself is malformed (wrong version, frames, credentials). */
    static final int STATUS_BAD_REQUEST = 400;

    private ZapLayout() {
    }

    /**
     * Builds a request as a connection sends it (libzmq 4.3's ZAP client).
     *
     * @param domain the socket's ZAP domain
     * @param address the peer's address as text (IP without port)
     * @param identity the local socket's routing id (libzmq sends its own, not the peer's)
     * @param mechanism {@code NULL}, {@code PLAIN} or {@code CURVE}
     * @param credentials the mechanism's credential frames
     * @return the frames in order, the empty delimiter first
     */
    public static List<byte[]> request(String domain, String address, byte[] identity, String mechanism,
                                       byte[]... credentials) {
        List<byte[]> frames = new ArrayList<>(1 + CREDENTIALS_INDEX + credentials.length);
        frames.add(new byte[0]);
        frames.add(ascii(VERSION));
        frames.add(ascii(CLIENT_REQUEST_ID));
        frames.add(domain.getBytes(StandardCharsets.UTF_8));
        frames.add(address.getBytes(StandardCharsets.UTF_8));
        frames.add(identity);
        frames.add(ascii(mechanism));
        frames.addAll(Arrays.asList(credentials));
        return frames;
    }

    /**
     * Reads a reply as a connection receives it, with libzmq's checks.
     *
     * @param frames the reply's frames, the empty delimiter first
     * @return the decision
     * @throws ProtocolException with a {@code ZAP_*} code if the reply is malformed
     */
    public static ZapReply parseReply(List<byte[]> frames) throws ProtocolException {
        if (frames.size() != 1 + REPLY_FRAMES || frames.get(0).length != 0) {
            throw new ProtocolException(ProtocolErrors.ZAP_MALFORMED_REPLY,
                    "ZAP reply must be 7 frames after an empty delimiter, got " + frames.size());
        }
        List<byte[]> body = frames.subList(1, frames.size());
        if (!Arrays.equals(body.get(VERSION_INDEX), ascii(VERSION))) {
            throw new ProtocolException(ProtocolErrors.ZAP_BAD_VERSION, "ZAP reply version is not 1.0");
        }
        if (!Arrays.equals(body.get(REQUEST_ID_INDEX), ascii(CLIENT_REQUEST_ID))) {
            throw new ProtocolException(ProtocolErrors.ZAP_BAD_REQUEST_ID, "ZAP reply has another request id");
        }
        String status = new String(body.get(STATUS_INDEX), StandardCharsets.US_ASCII);
        if (!status.equals("200") && !status.equals("300") && !status.equals("400") && !status.equals("500")) {
            throw new ProtocolException(ProtocolErrors.ZAP_INVALID_STATUS_CODE, "ZAP status " + status);
        }
        byte[] metadataFrame = body.get(METADATA_INDEX);
        Map<String, byte[]> metadata;
        try {
            metadata = Metadata.decode(metadataFrame, 0, metadataFrame.length);
        } catch (ProtocolException e) {
            throw new ProtocolException(ProtocolErrors.ZAP_INVALID_METADATA, "ZAP reply metadata: " + e.getMessage());
        }
        return new ZapReply(Integer.parseInt(status), new String(body.get(STATUS_TEXT_INDEX), StandardCharsets.UTF_8),
                body.get(USER_ID_INDEX), metadata);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
