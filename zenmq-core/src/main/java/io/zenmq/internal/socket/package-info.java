// SPDX-License-Identifier: MPL-2.0
/**
 * The socket layer under the public {@code Socket}: {@link io.zenmq.internal.socket.SocketCore}
 * (options, send and receive, routing delegated to a pattern), the pipe ends and mailbox it
 * drains ({@code SocketPipes}, {@code Mailbox}), its waits ({@code Waiter}), its bound and
 * connected endpoints ({@code EndpointRegistry}), its monitor hook, which options apply to which
 * socket type ({@code OptionRules}), the face it shows other threads ({@code SocketInbox}) and
 * the helper sockets of a context ({@code ServiceSockets}: the ZAP handler, monitor publishers),
 * and {@code SocketWatcher}, through which a poller follows a socket's wake-ups and calls.
 *
 * <p>Owner thread: the application thread using the socket; other threads only call the inbox.
 * Top of the internal layering: it may depend on {@code ctx}, {@code zap}, {@code monitor},
 * {@code pattern}, {@code engine}, {@code transport}, {@code io}, {@code pipe}, {@code queue} and
 * the pure packages, and only {@code internal.poll} depends on it. The lower packages reach a socket through
 * interfaces they own ({@code ctx.InprocPeer}, {@code ctx.ContextMember}, {@code zap.ZapSocket},
 * {@code monitor.EventSocket}, {@code engine.SocketLink}, {@code pattern.PatternHost}), which is
 * how the package cycles were broken.
 */
package io.zenmq.internal.socket;
