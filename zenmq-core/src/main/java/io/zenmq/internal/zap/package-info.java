// SPDX-License-Identifier: MPL-2.0
/**
 * The handler side of ZAP (RFC 27; spec/security.md section 4): the ROUTER socket bound at
 * {@code inproc://zeromq.zap.01}, the thread that serves it, and the request and reply frames.
 *
 * <p>Threading: a {@link io.zenmq.internal.zap.ZapServer} owns its socket and runs on one daemon
 * thread, {@code zenmq-zap}, registered with the context, which stops and joins it on close. Any
 * thread may ask it to stop. The frame readers and writers are stateless.
 *
 * <p>It depends on {@code zmtp} and the public vocabulary only. The socket it serves is a
 * {@link io.zenmq.internal.zap.ZapSocket}, an interface owned here and implemented by the socket
 * layer above, which binds the socket and registers the thread with the context.
 */
package io.zenmq.internal.zap;
