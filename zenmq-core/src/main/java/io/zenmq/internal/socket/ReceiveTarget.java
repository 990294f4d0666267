// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import java.util.List;
import java.util.Map;

/**
 * A message reused for receiving ({@code Socket.recvMsg(Msg)}): its frames are replaced by the next
 * message's, and those of its old frames that came straight from a pipe are given back for
 * recycling first.
 *
 * <p>Owner: the receiving thread, for the length of one receive.
 */
public interface ReceiveTarget {
    /**
     * Returns the frames to replace, as a mutable list the receive clears and fills.
     *
     * @return the message's own frame list
     */
    List<byte[]> frames();

    /**
     * Tells which of the current frames may be recycled: those the last receive into this
     * target claimed from their pipe, and only while the message was not changed since.
     *
     * @return bit {@code i} set if frame {@code i} may be recycled
     */
    long recyclable();

    /**
     * Records what came with the frames just put in the list.
     *
     * @param recyclable bit {@code i} set if frame {@code i} came straight from its pipe
     * @param properties the connection's properties, or null
     * @param routingId the peer's uint32 routing id (SERVER, PEER), else 0
     * @param group the group (DISH), else null
     */
    void received(long recyclable, Map<String, byte[]> properties, int routingId, byte[] group);
}
