// SPDX-License-Identifier: MPL-2.0
/**
 * The routing rules of each socket type (libzmq's {@code xsend}/{@code xrecv}): one small
 * {@link io.zenmq.internal.pattern.Pattern} class per type (PAIR, PUB, SUB, XPUB, XSUB, REQ, REP,
 * DEALER, ROUTER, PUSH, PULL, STREAM), made by {@link io.zenmq.internal.pattern.Patterns}, plus the
 * helpers only those types use (ROUTER's ids and probe, the publisher and subscriber halves).
 * Each pattern composes the mechanisms of {@code io.zenmq.internal.routing} and keeps its own
 * typed per-peer state; the options it reads per message come captured in
 * {@link io.zenmq.internal.pattern.PatternOptions}.
 *
 * <p>Threading: a pattern and everything it holds are owned by its socket's thread, like the
 * socket-side pipe ends it sees; nothing here is thread-safe. Dependencies: {@code internal.routing},
 * {@code internal.pipe} and the public vocabulary ({@code ErrorCode}, {@code ZmqException},
 * {@code SocketOptions}); never transports, engines, I/O or the wire's classes.
 */
package io.zenmq.internal.pattern;
