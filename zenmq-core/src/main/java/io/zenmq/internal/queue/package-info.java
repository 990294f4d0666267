// SPDX-License-Identifier: MPL-2.0
/**
 * Lock-free queues the other layers build their mailboxes on: {@link
 * io.zenmq.internal.queue.MpscWakeQueue}, a multi-producer single-consumer queue of reusable
 * intrusive nodes that allocates nothing per post. Pure: it depends on nothing but {@code java.*}
 * (no channels, threads, clocks or logging), so {@code pipe}, {@code io} and {@code socket} may all
 * use it. Owner thread: any thread offers, one consumer thread (the queue's owner) drains.
 */
package io.zenmq.internal.queue;
