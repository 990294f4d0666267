// SPDX-License-Identifier: MPL-2.0
/**
 * Pure ZMTP protocol code: the staged greeting that tells ZMTP 3.x, 2.0 and 1.0 peers apart, the
 * frame codec (3.x/2.0 and 1.0 layouts), command bodies, metadata and socket-type compatibility
 * (spec/zmtp.md sections 2 to 6, 9 and 10). Every wire offset and flag lives in
 * {@link io.zenmq.internal.zmtp.ZmtpLayout} (3.x) or {@link io.zenmq.internal.zmtp.LegacyLayout}
 * (2.0, 1.0).
 *
 * <p>Threading and purity: this package takes bytes and returns bytes, frames or a
 * {@link io.zenmq.internal.zmtp.ProtocolException}. It never does IO and never touches a channel,
 * thread, clock or logger. The stateless helpers are safe from any thread. A stateful decoder
 * ({@link io.zenmq.internal.zmtp.FrameDecoder}, {@link io.zenmq.internal.zmtp.Greeting.Decoder},
 * {@link io.zenmq.internal.zmtp.GreetingExchange}) is
 * owned by the IO thread of its connection and is not thread-safe.
 *
 * <p>Buffer ownership: decoded bodies are new arrays handed to the
 * {@link io.zenmq.internal.zmtp.FrameSink}; builders return new arrays owned by the caller.
 */
package io.zenmq.internal.zmtp;
