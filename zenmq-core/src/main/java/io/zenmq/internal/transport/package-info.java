// SPDX-License-Identifier: MPL-2.0
/**
 * Endpoints and transports: {@link io.zenmq.internal.transport.Endpoint} parses
 * {@code tcp://}, {@code ipc://} and {@code inproc://} strings (the only place that knows their
 * syntax), and {@code transport.ipc} adds abstract-namespace Unix sockets through junixsocket.
 *
 * <p>Values and stateless helpers, usable from any thread. It may depend on {@code io} (through
 * {@code transport.ipc}) and the public vocabulary ({@code ErrorCode}, {@code ZmqException}), never
 * on the socket, context or engine layers above it.
 */
package io.zenmq.internal.transport;
