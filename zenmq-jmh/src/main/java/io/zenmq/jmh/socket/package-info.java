// SPDX-License-Identifier: MPL-2.0
/**
 * End-to-end benchmarks through the public API ({@code Context}, {@code Socket}) over inproc, tcp
 * and ipc: PUSH to PULL throughput (also by receive call, allocating or into the caller's memory) and REQ/REP
 * round trips. Each benchmark measures one end on the
 * JMH thread while a {@link io.zenmq.jmh.support.Background} thread drives the other.
 */
package io.zenmq.jmh.socket;
