// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.pipe.Pipe;

/**
 * The routing rules of one socket type, over the socket's pipes (libzmq's {@code xsend}/{@code xrecv}).
 *
 * <p>Owned by the socket's thread, like its pipes' socket-side ends. Implementations never see
 * transports, only pipes and frames.
 */
public interface Pattern {
    /**
     * A new peer pipe joined the socket.
     *
     * @param pipe the socket's end
     */
    void attach(Pipe pipe);

    /**
     * A pipe is gone (its peer ended it, or the socket is removing it); forget it.
     *
     * @param pipe the socket's end
     */
    void terminated(Pipe pipe);

    /**
     * A pipe the pattern found empty has a message (or its end marker) now.
     *
     * @param pipe the socket's end
     */
    void pipeReadable(Pipe pipe);

    /**
     * A pipe the pattern found full has room now.
     *
     * @param pipe the socket's end
     */
    void pipeWritable(Pipe pipe);

    /**
     * A connecting pipe got a live connection (also after each reconnect); the peer's
     * handshake properties are now on the pipe. Accepted pipes arrive through {@link #attach}
     * already connected.
     *
     * @param pipe the socket's end
     */
    default void pipeConnected(Pipe pipe) {
    }

    /**
     * Applies {@code ZMQ_SUBSCRIBE}.
     *
     * @param topic the prefix
     * @throws ZmqException {@link ErrorCode#EINVAL} for types without subscriptions
     */
    default void subscribe(byte[] topic) {
        throw new ZmqException(ErrorCode.EINVAL, "this socket type has no subscriptions");
    }

    /**
     * Applies {@code ZMQ_UNSUBSCRIBE}.
     *
     * @param topic the prefix
     * @throws ZmqException {@link ErrorCode#EINVAL} for types without subscriptions
     */
    default void unsubscribe(byte[] topic) {
        throw new ZmqException(ErrorCode.EINVAL, "this socket type has no subscriptions");
    }

    /**
     * Sends one frame.
     *
     * @param frame the bytes, owned by the pattern from now on if accepted
     * @param more whether more frames of the message follow
     * @return false if the socket must wait before this frame can go (nothing was taken)
     * @throws ZmqException {@link ErrorCode#ENOTSUP} or {@link ErrorCode#EFSM}
     */
    default boolean xsend(byte[] frame, boolean more) {
        throw new ZmqException(ErrorCode.ENOTSUP, "this socket type cannot send");
    }

    /**
     * Sends a single-frame message with a routing id, the way every thread-safe type sends: SERVER
     * and PEER route by the id, the others ignore it as libzmq does.
     *
     * @param frame the bytes, owned by the pattern from now on if accepted
     * @param routingId the peer's uint32 routing id, 0 for none
     * @return false if the socket must wait before the message can go (nothing was taken)
     * @throws ZmqException {@link ErrorCode#EHOSTUNREACH} for a routing id no peer holds (SERVER,
     *     PEER), or as {@link #xsend}
     */
    default boolean xsendRouted(byte[] frame, int routingId) {
        return xsend(frame, false);
    }

    /**
     * Returns the routing id of the peer the last frame came from (SERVER, PEER).
     *
     * @return the uint32 id, 0 for types without ids
     */
    default int lastRoutingId() {
        return 0;
    }

    /**
     * Returns the routing id a pipe was given (PEER's {@code connectPeer}).
     *
     * @param pipe the socket's end of a pipe in routing
     * @return the uint32 id
     * @throws ZmqException {@link ErrorCode#ENOTSUP} for types without ids
     */
    default int routingIdOf(Pipe pipe) {
        throw new ZmqException(ErrorCode.ENOTSUP, "this socket type has no routing ids");
    }

    /**
     * Receives one frame; {@link #xrecvMore()} then tells whether more follow.
     *
     * @return the frame, or null if nothing is ready
     * @throws ZmqException {@link ErrorCode#ENOTSUP} or {@link ErrorCode#EFSM}
     */
    default byte[] xrecv() {
        throw new ZmqException(ErrorCode.ENOTSUP, "this socket type cannot receive");
    }

    /**
     * Returns the pipe the last frame received came from, for its connection's properties.
     *
     * @return the pipe, or null if unknown
     */
    default Pipe lastIn() {
        return null;
    }

    /**
     * Tells whether the frame last received has more frames after it.
     *
     * @return the MORE flag of the last frame returned by {@link #xrecv()}
     */
    default boolean xrecvMore() {
        return false;
    }

    /**
     * Tells whether a whole send can be started without waiting, in the current state.
     *
     * @return true if {@link #xsend} would accept a first frame
     */
    default boolean hasOut() {
        return false;
    }

    /**
     * Tells whether a receive would return a frame now.
     *
     * @return true if {@link #xrecv()} would return a frame
     */
    default boolean hasIn() {
        return false;
    }
}
