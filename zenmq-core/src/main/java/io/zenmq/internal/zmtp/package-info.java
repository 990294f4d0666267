// SPDX-License-Identifier: MPL-2.0
/**
 * Pure ZMTP: one connection's protocol ({@link io.zenmq.internal.zmtp.ZmtpConnection}: the staged
 * greeting and version fallback to 3.0, 2.0 and 1.0, the mechanism handshake through
 * {@link io.zenmq.internal.zmtp.Mechanism}, READY metadata and the socket-type check, legacy
 * identity frames, PING/PONG/TTL and heartbeat deadlines, ERROR, CURVE wrapping, subscription
 * translation and frame limits) and the pieces it is built from: the frame codec (3.x/2.0 and 1.0
 * layouts), command bodies, metadata and socket-type compatibility (spec/zmtp.md sections 2 to 10).
 * Every wire offset, flag and command name lives in {@link io.zenmq.internal.zmtp.ZmtpLayout}
 * (3.x) or {@link io.zenmq.internal.zmtp.LegacyLayout} (2.0, 1.0).
 *
 * <p>Purity and ownership: this package takes bytes and the time as values and returns bytes,
 * frames, events and deadlines; it never touches a channel, thread, clock or logger, and knows no
 * engine, pipe or socket. The stateless helpers are safe from any thread; a stateful object
 * (a connection and its decoder, greeting and heartbeats) is owned by the I/O thread of its
 * connection and is not thread-safe. Buffer ownership: decoded bodies are new arrays handed over
 * to the receiver; builders return new arrays owned by the caller.
 */
package io.zenmq.internal.zmtp;
