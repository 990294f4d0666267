// SPDX-License-Identifier: MPL-2.0
/**
 * Reusable routing mechanisms over pipes, shared by the socket types of
 * {@code io.zenmq.internal.pattern}: round-robin out ({@link io.zenmq.internal.routing.LoadBalancer}),
 * fair-queued in ({@link io.zenmq.internal.routing.FairQueue}), fan-out
 * ({@link io.zenmq.internal.routing.Distributor}), peers by routing id
 * ({@link io.zenmq.internal.routing.RoutingTable}) and the subscription tries
 * ({@link io.zenmq.internal.routing.SubscriptionTrie}, {@link io.zenmq.internal.routing.TopicFilter}).
 * A helper knows nothing of socket types or options: a pattern composes helpers and decides.
 *
 * <p>Threading: every helper is owned by the thread of the socket it serves, like the socket-side
 * pipe ends it reads and writes; none is thread-safe. Per-peer state is typed: a helper that
 * hands a peer back extends or takes a {@link io.zenmq.internal.routing.Peer}. Dependencies:
 * {@code io.zenmq.internal.pipe} and {@code java.util} only; never {@code internal.pattern},
 * the wire ({@code internal.zmtp}) or I/O.
 */
package io.zenmq.internal.routing;
