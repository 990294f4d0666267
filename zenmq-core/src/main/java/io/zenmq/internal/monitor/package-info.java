// SPDX-License-Identifier: MPL-2.0
/**
 * Socket monitor plumbing: the queue events go through from the I/O threads to the application
 * or to an inproc monitor socket.
 */
package io.zenmq.internal.monitor;
