// SPDX-License-Identifier: MPL-2.0
/**
 * Linux abstract-namespace Unix-domain sockets for {@code ipc://@name}, through junixsocket.
 *
 * <p>The JDK's Unix-domain channels take only path names, so abstract names get junixsocket's
 * channels, which are ordinary {@link java.nio.channels.SocketChannel}s and
 * {@link java.nio.channels.ServerSocketChannel}s and so run the same engines. They register only
 * with a selector from junixsocket's own provider: the context serves them on one dedicated I/O
 * thread. Only {@code JunixsocketChannels} names junixsocket types; the rest of zenmq sees JDK
 * types and {@link io.zenmq.internal.transport.ipc.AbstractNamespace}, which reports a missing
 * library as {@code EPROTONOSUPPORT}. Stateless apart from a probe made once; thread-safe.
 */
package io.zenmq.internal.transport.ipc;
