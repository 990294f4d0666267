// SPDX-License-Identifier: MPL-2.0
/**
 * What one thread hand-off costs on this JVM and machine, without zenmq: the wake-up primitives a
 * zenmq round trip is made of, each timed alone ({@link io.zenmq.jmh.handoff.HandoffBenchmark}).
 * {@code bench/handoff/handoff.c} times libzmq's primitives the same way.
 */
package io.zenmq.jmh.handoff;
