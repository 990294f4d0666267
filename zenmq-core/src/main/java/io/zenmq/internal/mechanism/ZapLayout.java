// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

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
 * ZAP messages (RFC 27) as libzmq 4.3 exchanges them with the handler at
 * {@code inproc://zeromq.zap.01}.
 *
 * <pre>
 * request: "" | "1.0" | request id | domain | address | identity | mechanism | credentials...
 * reply:   "" | "1.0" | request id | status (3 chars) | status text | user id | metadata
 * </pre>
 */
public final class ZapLayout {
    /** Where the ZAP handler is bound. */
    public static final String ENDPOINT = "zeromq.zap.01";
    static final String VERSION = "1.0";
    /** libzmq always uses request id "1": one request per pipe at a time. */
    static final String REQUEST_ID = "1";
    static final int REPLY_FRAMES = 7;

    private ZapLayout() {
    }

    /**
     * Builds a request.
     *
     * @param domain the socket's ZAP domain
     * @param address the peer's address as text (IP without port)
     * @param identity the local socket's routing id (libzmq sends its own, not the peer's)
     * @param mechanism {@code NULL}, {@code PLAIN} or {@code CURVE}
     * @param credentials the mechanism's credential frames
     * @return the frames in order
     */
    public static List<byte[]> request(String domain, String address, byte[] identity, String mechanism,
                                       byte[]... credentials) {
        List<byte[]> frames = new ArrayList<>(7 + credentials.length);
        frames.add(new byte[0]);
        frames.add(ascii(VERSION));
        frames.add(ascii(REQUEST_ID));
        frames.add(domain.getBytes(StandardCharsets.UTF_8));
        frames.add(address.getBytes(StandardCharsets.UTF_8));
        frames.add(identity);
        frames.add(ascii(mechanism));
        frames.addAll(Arrays.asList(credentials));
        return frames;
    }

    /**
     * Reads a reply with libzmq's checks.
     *
     * @param frames the reply's frames
     * @return the decision
     * @throws ProtocolException with a {@code ZAP_*} code if the reply is malformed
     */
    public static ZapReply parseReply(List<byte[]> frames) throws ProtocolException {
        if (frames.size() != REPLY_FRAMES || frames.get(0).length != 0) {
            throw new ProtocolException(ProtocolErrors.ZAP_MALFORMED_REPLY,
                    "ZAP reply must be 7 frames after an empty delimiter, got " + frames.size());
        }
        if (!Arrays.equals(frames.get(1), ascii(VERSION))) {
            throw new ProtocolException(ProtocolErrors.ZAP_BAD_VERSION, "ZAP reply version is not 1.0");
        }
        if (!Arrays.equals(frames.get(2), ascii(REQUEST_ID))) {
            throw new ProtocolException(ProtocolErrors.ZAP_BAD_REQUEST_ID, "ZAP reply has another request id");
        }
        String status = new String(frames.get(3), StandardCharsets.US_ASCII);
        if (!status.equals("200") && !status.equals("300") && !status.equals("400") && !status.equals("500")) {
            throw new ProtocolException(ProtocolErrors.ZAP_INVALID_STATUS_CODE, "ZAP status " + status);
        }
        Map<String, byte[]> metadata;
        try {
            metadata = Metadata.decode(frames.get(6), 0, frames.get(6).length);
        } catch (ProtocolException e) {
            throw new ProtocolException(ProtocolErrors.ZAP_INVALID_METADATA, "ZAP reply metadata: " + e.getMessage());
        }
        return new ZapReply(Integer.parseInt(status), new String(frames.get(4), StandardCharsets.UTF_8),
                frames.get(5), metadata);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
