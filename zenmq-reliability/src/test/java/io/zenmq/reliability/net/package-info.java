// SPDX-License-Identifier: MPL-2.0
/** Network faults between two namespaces (R1-R5, R7, R9). */
package io.zenmq.reliability.net;
