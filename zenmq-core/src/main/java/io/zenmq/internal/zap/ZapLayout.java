// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zap;

/**
 * ZAP request and reply frames (RFC 27; spec/security.md sections 4.2 and 4.3), as a handler that
 * binds a ROUTER socket sees them.
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
final class ZapLayout {
    /** Where the handler binds, in the context it serves. */
    static final String ENDPOINT = "inproc://zeromq.zap.01";
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

    /** The status code when the request itself is malformed (wrong version, frames, credentials). */
    static final int STATUS_BAD_REQUEST = 400;

    private ZapLayout() {
    }
}
