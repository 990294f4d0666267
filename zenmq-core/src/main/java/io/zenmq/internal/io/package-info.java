// SPDX-License-Identifier: MPL-2.0
/**
 * The I/O threads: {@link io.zenmq.internal.io.IoThread} runs one selector for all its channels,
 * a mailbox of tasks posted by other threads and {@code Timer}s; {@code IoObject}s (listeners,
 * sessions) and {@code IoHandler}s are what it drives, {@code Resolver} resolves host names off
 * the I/O threads, and {@code WrappingChannel} lets an adapter channel register as the channel it
 * wraps.
 *
 * <p>Owner thread: each I/O thread owns its selector, timers and registered objects; other threads
 * only post tasks. It depends on nothing internal but {@code queue}, so engines, transports and
 * the context may all build on it.
 */
package io.zenmq.internal.io;
