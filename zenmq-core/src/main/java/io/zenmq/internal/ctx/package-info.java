// SPDX-License-Identifier: MPL-2.0
/**
 * The state of one context: its I/O threads and resolver, the sockets to wake when it terminates,
 * the helper threads to join, and its inproc names ({@code InprocRegistry}, which joins two
 * sockets by a pipe with no I/O thread between them).
 *
 * <p>Thread-safe: any thread may open sockets in a context, bind and connect inproc names, or
 * terminate it; a lock guards the inproc names and the lazily started abstract-ipc thread. It may
 * depend on {@code io}, {@code transport} and {@code pipe}, never on {@code socket}: it sees a
 * socket only through the two interfaces it owns, {@code ContextMember} (wake on termination) and
 * {@code InprocPeer} (what an inproc pipe needs of a socket), which the socket layer implements.
 */
package io.zenmq.internal.ctx;
