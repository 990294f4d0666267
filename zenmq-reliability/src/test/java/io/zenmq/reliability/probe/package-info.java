// SPDX-License-Identifier: MPL-2.0
/** Resource probes: descriptors, threads, heap after collection, direct memory. */
package io.zenmq.reliability.probe;
