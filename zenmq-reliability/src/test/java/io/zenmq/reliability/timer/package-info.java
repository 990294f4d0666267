// SPDX-License-Identifier: MPL-2.0
/** Heartbeat and reconnect timers against scripted loopback peers, read from monitor events (T1). */
package io.zenmq.reliability.timer;
