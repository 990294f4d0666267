// SPDX-License-Identifier: MPL-2.0
/**
 * Application timers as a pure data structure: {@link io.zenmq.internal.timer.TimerQueue}, an
 * indexed heap of deadlines behind the public {@code Timers} and {@code Reactor}. Pure: the time
 * comes in as an argument ({@code nowNanos}), so it holds no clock, thread, channel or logger.
 * Owner thread: the one thread that uses the {@code Timers} (or runs the {@code Reactor}) it
 * belongs to.
 */
package io.zenmq.internal.timer;
