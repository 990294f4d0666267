// SPDX-License-Identifier: MPL-2.0
/**
 * Pipes: the lock-free, single-producer single-consumer queues of frames that carry every message
 * between a socket and one peer (a connection's session over tcp/ipc, or another socket over
 * inproc). A {@link io.zenmq.internal.pipe.Pipe} end pairs an outbound and an inbound
 * {@link io.zenmq.internal.pipe.PipeQueue}; a queue publishes whole messages only, bounds them by the
 * high-water mark ({@link io.zenmq.internal.pipe.FrameQueue}) or keeps only the newest
 * ({@link io.zenmq.internal.pipe.ConflateQueue}), and recycles its chunks so a steady stream
 * allocates nothing.
 *
 * <p>Owner threads: each end belongs to one thread (the socket's user thread on one side, the I/O
 * thread or the peer socket's thread on the other); a queue has exactly one writer and one reader.
 * A side that finds nothing to do marks itself asleep and is woken by the other through its
 * {@link io.zenmq.internal.pipe.PipeListener}, which only posts to its owner's mailbox.
 *
 * <p>Dependencies: pure code, only {@code java.util} and its atomics; no channel, clock, lock,
 * thread or logger, so the queues are tested with plain threads and no I/O.
 */
package io.zenmq.internal.pipe;
