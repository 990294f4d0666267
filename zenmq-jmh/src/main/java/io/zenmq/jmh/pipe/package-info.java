// SPDX-License-Identifier: MPL-2.0
/** Benchmarks of the single-producer single-consumer pipes between two threads. */
package io.zenmq.jmh.pipe;
