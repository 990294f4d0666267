// SPDX-License-Identifier: MPL-2.0
/** Process faults: peers SIGKILLed, restarted, stopped and frozen (R6, R8). */
package io.zenmq.reliability.proc;
