// SPDX-License-Identifier: MPL-2.0
/** Leaks and bounded shutdown: connect/close cycles, reconnecting to nowhere, mass close, interrupts, context close (L1-L4). */
package io.zenmq.reliability.leak;
