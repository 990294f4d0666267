// SPDX-License-Identifier: MPL-2.0
/**
 * Socket monitor plumbing: the queue events go through from the I/O threads to the application
 * or to an inproc monitor socket.
 *
 * <p>Owner threads: I/O threads and the socket's thread report events into a
 * {@code MonitorSink} (thread-safe); one reader takes them out, the application or a
 * {@code MonitorPublisher} thread that owns its socket. It depends on the public vocabulary only;
 * the publisher writes to an {@link io.zenmq.internal.monitor.EventSocket}, an interface owned
 * here and implemented by the socket layer above.
 */
package io.zenmq.internal.monitor;
