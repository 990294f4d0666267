// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.routing;

/**
 * A pipe end's listener that only reads the frames it takes off the pipe, to encode them onto a
 * wire, and never changes them or hands them on: a {@link Distributor} gives every recipient
 * whose reader is one the very same array, where other readers (an inproc socket hands its user
 * the array it received) each need a copy. The I/O side of a connection (the engine's session)
 * is one. A marker; implementations are owned by their own thread, as any pipe listener.
 */
public interface SharedFrameReader {
}
