// SPDX-License-Identifier: MPL-2.0
/**
 * Socket-type routing rules, one small class per type ({@code Pair}, {@code Push}, {@code Pull},
 * {@code Req}, {@code Rep}, {@code Dealer}, {@code Router}, {@code Pub}, {@code Sub}, {@code XPub},
 * {@code XSub}, {@code Stream}) behind {@link io.zenmq.internal.pattern.Pattern}, created by
 * {@link io.zenmq.internal.pattern.Patterns}: which pipe a message goes to, which pipe the next one
 * is read from, and what a socket type adds to a message (envelopes, routing ids, subscriptions).
 *
 * <p>Owner thread: a pattern and everything it holds belongs to its socket's thread, the same thread
 * that owns the socket-side ends of its pipes; it asks the socket for anything else through
 * {@link io.zenmq.internal.pattern.PatternHost}.
 *
 * <p>Dependencies: pipes, the routing helpers and the public vocabulary types (options, errors,
 * socket types) only. A pattern never reaches a transport, an engine, the I/O thread or the wire
 * format (the architecture tests enforce this), so each one is tested over fake or real pipes.
 */
package io.zenmq.internal.pattern;
