// SPDX-License-Identifier: MPL-2.0
/**
 * What waiting on many sockets costs: the {@code Poller} with one busy socket among many idle
 * ones, and registering a socket.
 */
package io.zenmq.jmh.poll;
