// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

/**
 * Decides whether a connecting peer may talk to a socket: the application side of ZAP, the ZeroMQ
 * Authentication Protocol (RFC 27).
 *
 * <p>Install a handler with {@link Context#zapHandler(ZapHandler)}. From then on, every PLAIN or
 * CURVE server socket of that context, and every NULL socket with a {@link SocketOptions#ZAP_DOMAIN},
 * asks it about each new connection before the handshake completes. Use the ready-made
 * {@link Authenticator}, or a lambda:
 *
 * <pre>{@code
 * try (Context ctx = Context.create();
 *      ZapService zap = ctx.zapHandler(request ->
 *              request.mechanism() == ZapRequest.Mechanism.PLAIN && request.username().equals("admin")
 *                      ? ZapDecision.allow("admin")
 *                      : ZapDecision.deny("unknown user"))) {
 *     Socket server = ctx.socket(SocketType.REP).set(SocketOptions.PLAIN_SERVER, true);
 *     // ...
 * }
 * }</pre>
 *
 * <p>Threading: the context calls the handler on its single {@code zenmq-zap} thread, one request
 * at a time, so a handler installed once needs no locking of its own; a slow handler delays every
 * handshake that waits for a decision. A handler used by several contexts is called from each of
 * their threads. An exception (or a null result) becomes status 500, "internal error", is logged,
 * and the thread goes on serving. When the service stops, the thread is interrupted; a handler that
 * blocks should return when it is.
 */
@FunctionalInterface
public interface ZapHandler {
    /**
     * Decides about one connection.
     *
     * @param request the peer's address, mechanism and credentials
     * @return the decision: {@link ZapDecision#allow(String)}, {@link ZapDecision#deny(String)},
     *     {@link ZapDecision#temporaryFailure(String)} or {@link ZapDecision#internalError(String)}
     */
    ZapDecision authenticate(ZapRequest request);
}
