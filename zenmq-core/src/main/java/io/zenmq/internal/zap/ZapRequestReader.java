// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zap;

import static io.zenmq.internal.zap.ZapLayout.ADDRESS_INDEX;
import static io.zenmq.internal.zap.ZapLayout.CREDENTIALS_INDEX;
import static io.zenmq.internal.zap.ZapLayout.DOMAIN_INDEX;
import static io.zenmq.internal.zap.ZapLayout.IDENTITY_INDEX;
import static io.zenmq.internal.zap.ZapLayout.MECHANISM_INDEX;
import static io.zenmq.internal.zap.ZapLayout.MIN_REQUEST_FRAMES;
import static io.zenmq.internal.zap.ZapLayout.REQUEST_ID_INDEX;
import static io.zenmq.internal.zap.ZapLayout.VERSION;
import static io.zenmq.internal.zap.ZapLayout.VERSION_INDEX;

import io.zenmq.ZapRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the body of a ZAP request (the frames after the envelope, {@link ZapLayout}) into a
 * {@link ZapRequest}, or says why it cannot. Stateless.
 */
final class ZapRequestReader {
    /** How much of an unknown mechanism name a problem report quotes. */
    private static final int QUOTE_LIMIT = 32;

    /**
     * What a request body said.
     *
     * @param requestId the id a reply must echo; null if the body has none (it cannot be answered)
     * @param request the request, or null if the body is malformed
     * @param problem what is wrong with a malformed body, else null
     */
    record Parsed(byte[] requestId, ZapRequest request, String problem) {
    }

    private ZapRequestReader() {
    }

    /**
     * Reads a request body.
     *
     * @param body the frames from the version on (not copied; the request gets copies)
     * @return the request, or the problem and, when there is one, the id to answer it with
     */
    static Parsed read(List<byte[]> body) {
        if (body.size() <= REQUEST_ID_INDEX) {
            return new Parsed(null, null, "no request id (" + body.size() + " frames after the delimiter)");
        }
        byte[] requestId = body.get(REQUEST_ID_INDEX);
        String version = quote(body.get(VERSION_INDEX));
        if (!VERSION.equals(version)) {
            return new Parsed(requestId, null, "unsupported ZAP version '" + version + "'");
        }
        if (body.size() < MIN_REQUEST_FRAMES) {
            return new Parsed(requestId, null, "a request has at least " + MIN_REQUEST_FRAMES
                    + " frames after the delimiter, not " + body.size());
        }
        ZapRequest.Mechanism mechanism = mechanism(body.get(MECHANISM_INDEX));
        if (mechanism == null) {
            return new Parsed(requestId, null, "unsupported mechanism '" + quote(body.get(MECHANISM_INDEX)) + "'");
        }
        List<byte[]> credentials = body.subList(CREDENTIALS_INDEX, body.size());
        try {
            ZapRequest request = ZapRequest.builder()
                    .requestId(requestId)
                    .domain(utf8(body.get(DOMAIN_INDEX)))
                    .address(utf8(body.get(ADDRESS_INDEX)))
                    .identity(body.get(IDENTITY_INDEX))
                    .mechanism(mechanism, credentials.toArray(new byte[0][]))
                    .build();
            return new Parsed(requestId, request, null);
        } catch (IllegalArgumentException e) {
            return new Parsed(requestId, null, e.getMessage());
        }
    }

    private static ZapRequest.Mechanism mechanism(byte[] name) {
        String text = new String(name, StandardCharsets.ISO_8859_1);
        for (ZapRequest.Mechanism mechanism : ZapRequest.Mechanism.values()) {
            if (mechanism.name().equals(text)) {
                return mechanism;
            }
        }
        return null;
    }

    private static String utf8(byte[] frame) {
        return new String(frame, StandardCharsets.UTF_8);
    }

    /** A short printable rendering of a frame for a problem report. */
    private static String quote(byte[] frame) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(frame.length, QUOTE_LIMIT); i++) {
            int c = frame[i] & 0xFF;
            text.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
        }
        return frame.length > QUOTE_LIMIT ? text.append("...").toString() : text.toString();
    }
}
