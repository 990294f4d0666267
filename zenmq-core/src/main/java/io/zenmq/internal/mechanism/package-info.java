// SPDX-License-Identifier: MPL-2.0
/**
 * The ZMTP security mechanisms (spec/security.md): state machines over command bodies behind the
 * {@link io.zenmq.internal.zmtp.Mechanism} SPI, plus their wire layouts ({@code CurveLayout}).
 *
 * <p>Pure code: no I/O, clock, threads or logging; randomness comes in as a {@code SecureRandom}.
 * A mechanism instance belongs to one connection and is used by that connection's I/O thread only.
 */
package io.zenmq.internal.mechanism;
