// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ZapHandler}'s answer about one connection: the ZAP reply's status code, status text,
 * user id and metadata (RFC 27). Immutable and thread-safe.
 *
 * <pre>{@code
 * ZapDecision.allow("alice");                                  // 200: admitted as User-Id "alice"
 * ZapDecision.allow("alice", Map.of("X-Role", "admin".getBytes(StandardCharsets.UTF_8)));
 * ZapDecision.deny("unknown user");                            // 400
 * ZapDecision.temporaryFailure("directory unavailable");      // 300
 * ZapDecision.internalError("database down");                 // 500
 * }</pre>
 *
 * <p>What the server socket does with it (libzmq 4.3): on 200 the handshake goes on, the user id
 * becomes the {@code User-Id} property of the connection's messages and the metadata are added to
 * their properties. On 400 and 500 the peer gets an ERROR with the code and the connection fails
 * with {@link EventType#HANDSHAKE_FAILED_AUTH}; on 300 the server just stops answering (the NULL
 * mechanism closes). The status text never goes on the wire; it is for logs.
 */
public final class ZapDecision {
    private static final int MAX_NAME_LENGTH = 255;

    private final int status;
    private final String statusText;
    private final String userId;
    private final Map<String, byte[]> metadata;

    private ZapDecision(int status, String statusText, String userId, Map<String, byte[]> metadata) {
        this.status = status;
        this.statusText = Objects.requireNonNull(statusText, "statusText");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.metadata = metadata;
    }

    /**
     * Admits the peer (status 200, text {@code OK}).
     *
     * @param userId the {@code User-Id} the connection's messages will carry; may be empty
     * @return the decision
     */
    public static ZapDecision allow(String userId) {
        return new ZapDecision(200, "OK", userId, Map.of());
    }

    /**
     * Admits the peer (status 200) and attaches metadata to its messages.
     *
     * @param userId the {@code User-Id} the connection's messages will carry; may be empty
     * @param metadata property names (1 to 255 characters from {@code A-Z a-z 0-9 - _ . +}) to
     *     values; copied, order kept. Use an {@code X-} prefix for application properties.
     * @return the decision
     * @throws IllegalArgumentException for a name outside those rules
     */
    public static ZapDecision allow(String userId, Map<String, byte[]> metadata) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> property : metadata.entrySet()) {
            copy.put(checkName(property.getKey()), property.getValue().clone());
        }
        return new ZapDecision(200, "OK", userId, Collections.unmodifiableMap(copy));
    }

    /**
     * Refuses the peer (status 400, authentication failure).
     *
     * @param reason why, for logs
     * @return the decision
     */
    public static ZapDecision deny(String reason) {
        return new ZapDecision(400, reason, "", Map.of());
    }

    /**
     * Reports a temporary failure (status 300): the peer is not admitted now and may try again.
     *
     * @param reason why, for logs
     * @return the decision
     */
    public static ZapDecision temporaryFailure(String reason) {
        return new ZapDecision(300, reason, "", Map.of());
    }

    /**
     * Reports that the handler could not decide (status 500, internal error); the peer is not
     * admitted.
     *
     * @param reason why, for logs
     * @return the decision
     */
    public static ZapDecision internalError(String reason) {
        return new ZapDecision(500, reason, "", Map.of());
    }

    /**
     * Returns the ZAP status code.
     *
     * @return 200, 300, 400 or 500
     */
    public int status() {
        return status;
    }

    /**
     * Returns the status text.
     *
     * @return {@code OK} for 200, else the reason given
     */
    public String statusText() {
        return statusText;
    }

    /**
     * Returns the user id.
     *
     * @return the {@code User-Id} for 200, empty otherwise
     */
    public String userId() {
        return userId;
    }

    /**
     * Returns the metadata.
     *
     * @return an unmodifiable map, in the order given, of copies of the values; empty unless 200
     */
    public Map<String, byte[]> metadata() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        metadata.forEach((name, value) -> copy.put(name, value.clone()));
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Tells whether the peer is admitted.
     *
     * @return true for status 200
     */
    public boolean isAllowed() {
        return status == 200;
    }

    private static String checkName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a metadata name has 1 to 255 characters: '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean valid = c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'
                    || c == '+');
            if (!valid) {
                throw new IllegalArgumentException("a metadata name has only A-Z a-z 0-9 - _ . +: '" + name + "'");
            }
        }
        return name;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ZapDecision)) {
            return false;
        }
        ZapDecision that = (ZapDecision) other;
        if (status != that.status || !statusText.equals(that.statusText) || !userId.equals(that.userId)
                || !metadata.keySet().equals(that.metadata.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> property : metadata.entrySet()) {
            if (!Arrays.equals(property.getValue(), that.metadata.get(property.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, statusText, userId, metadata.keySet());
    }

    @Override
    public String toString() {
        return "ZapDecision[" + status + " " + statusText + (userId.isEmpty() ? "" : " user=" + userId)
                + (metadata.isEmpty() ? "" : " metadata=" + metadata.keySet()) + "]";
    }
}
