// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

/**
 * ZeroMQ socket types, with libzmq's numeric values ({@code ZMQ_PAIR} = 0, ...).
 *
 * <p>The wire name sent in the ZMTP {@code Socket-Type} property is the constant's name.
 * Every constant is implemented by this release. The types libzmq 4.3 offers as draft API
 * (SERVER, CLIENT, GATHER, SCATTER, PEER, CHANNEL) are {@linkplain #threadSafe() thread-safe}
 * and carry single-frame messages only.
 */
public enum SocketType {
    /** Exclusive pair ({@code ZMQ_PAIR}). */
    PAIR(0),
    /** Publisher ({@code ZMQ_PUB}). */
    PUB(1),
    /** Subscriber ({@code ZMQ_SUB}). */
    SUB(2),
    /** Requester ({@code ZMQ_REQ}). */
    REQ(3),
    /** Replier ({@code ZMQ_REP}). */
    REP(4),
    /** Asynchronous requester ({@code ZMQ_DEALER}). */
    DEALER(5),
    /** Asynchronous replier ({@code ZMQ_ROUTER}). */
    ROUTER(6),
    /** Pipeline receiver ({@code ZMQ_PULL}). */
    PULL(7),
    /** Pipeline sender ({@code ZMQ_PUSH}). */
    PUSH(8),
    /** Extended publisher ({@code ZMQ_XPUB}). */
    XPUB(9),
    /** Extended subscriber ({@code ZMQ_XSUB}). */
    XSUB(10),
    /** Raw TCP ({@code ZMQ_STREAM}). */
    STREAM(11),
    /** Replies to CLIENTs by the routing id on each message ({@code ZMQ_SERVER}, draft). */
    SERVER(12, true),
    /** Load-balances to SERVERs, fair-queues their replies ({@code ZMQ_CLIENT}, draft). */
    CLIENT(13, true),
    /** Pipeline receiver for SCATTER ({@code ZMQ_GATHER}, draft). */
    GATHER(16, true),
    /** Pipeline sender to GATHERs ({@code ZMQ_SCATTER}, draft). */
    SCATTER(17, true),
    /** Talks to other PEERs by routing id, and connects with {@code connectPeer} ({@code ZMQ_PEER}, draft). */
    PEER(19, true),
    /** Thread-safe exclusive pair ({@code ZMQ_CHANNEL}, draft). */
    CHANNEL(20, true);

    private final int value;
    private final boolean threadSafe;

    SocketType(int value) {
        this(value, false);
    }

    SocketType(int value, boolean threadSafe) {
        this.value = value;
        this.threadSafe = threadSafe;
    }

    /**
     * Returns libzmq's numeric value of this type (also the ZMTP 2.0 greeting byte).
     *
     * @return the {@code ZMQ_*} constant
     */
    public int value() {
        return value;
    }

    /**
     * Tells whether sockets of this type may be used from many threads at once without external
     * locking (send, receive, poll, options and close), as libzmq's draft types are. These types
     * carry single-frame messages only: a multipart send fails with {@link ErrorCode#EINVAL}.
     *
     * @return true for the thread-safe types
     */
    public boolean threadSafe() {
        return threadSafe;
    }
}
