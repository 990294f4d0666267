// SPDX-License-Identifier: MPL-2.0
/** The action at the high-water mark per socket type, against libzmq (W1, W2). */
package io.zenmq.reliability.hwm;
