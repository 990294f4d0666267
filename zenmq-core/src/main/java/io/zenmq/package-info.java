// SPDX-License-Identifier: MPL-2.0
/**
 * zenmq's public API: {@link io.zenmq.Context}, {@link io.zenmq.Socket}, {@link io.zenmq.Msg},
 * typed options in {@link io.zenmq.SocketOptions}, and {@link io.zenmq.ZmqException} with
 * libzmq's error codes. Everything else lives in {@code io.zenmq.internal.*} and is not exported.
 */
package io.zenmq;
