// SPDX-License-Identifier: MPL-2.0
/**
 * What the end-to-end benchmarks share: a bound and connected socket pair on a chosen transport
 * ({@link io.zenmq.jmh.support.SocketPair}), the background thread that drives its far end
 * ({@link io.zenmq.jmh.support.Background}), and allocation per message split by side
 * ({@link io.zenmq.jmh.support.ThreadRoles}, {@link io.zenmq.jmh.support.SideAllocProfiler}).
 */
package io.zenmq.jmh.support;
