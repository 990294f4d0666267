// SPDX-License-Identifier: MPL-2.0
/** Benchmarks of the pure ZMTP frame codec, without sockets or threads. */
package io.zenmq.jmh.codec;
