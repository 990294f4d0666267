// SPDX-License-Identifier: MPL-2.0
/**
 * The engine behind the public {@code Poller}: {@link io.zenmq.internal.poll.PollerCore} waits
 * on many sockets (of any contexts) and JDK channels at once. A registered socket tells the
 * poller of its wake-ups through {@link io.zenmq.internal.socket.SocketWatcher}; those arrive on
 * a multi-producer queue, so a poll looks only at the sockets that got mail, were used, or were
 * ready last time, never at every registered one. An idle poller parks (or, with channels,
 * blocks in its own {@code Selector}) and uses no CPU.
 *
 * <p>Owner thread: the thread that polls, which must also own every registered socket;
 * {@code wakeup} and the sockets' wake-ups come from any thread. Layer: above {@code socket},
 * the top of the internal packages; nothing internal depends on it.
 */
package io.zenmq.internal.poll;
