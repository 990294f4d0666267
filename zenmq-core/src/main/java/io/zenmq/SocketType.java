// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

/**
 * ZeroMQ socket types, with libzmq's numeric values ({@code ZMQ_PAIR} = 0, ...).
 *
 * <p>The wire name sent in the ZMTP {@code Socket-Type} property is the constant's name.
 * {@link #isSupported()} tells which types this release implements; creating an unsupported type
 * throws {@link ZmqException} with {@link ErrorCode#ENOTSUP}.
 */
public enum SocketType {
    /** Exclusive pair ({@code ZMQ_PAIR}). */
    PAIR(0, true),
    /** Publisher ({@code ZMQ_PUB}). */
    PUB(1, true),
    /** Subscriber ({@code ZMQ_SUB}). */
    SUB(2, true),
    /** Requester ({@code ZMQ_REQ}). */
    REQ(3, true),
    /** Replier ({@code ZMQ_REP}). */
    REP(4, true),
    /** Asynchronous requester ({@code ZMQ_DEALER}). */
    DEALER(5, true),
    /** Asynchronous replier ({@code ZMQ_ROUTER}). */
    ROUTER(6, true),
    /** Pipeline receiver ({@code ZMQ_PULL}). */
    PULL(7, true),
    /** Pipeline sender ({@code ZMQ_PUSH}). */
    PUSH(8, true),
    /** Extended publisher ({@code ZMQ_XPUB}). */
    XPUB(9, true),
    /** Extended subscriber ({@code ZMQ_XSUB}). */
    XSUB(10, true),
    /** Raw TCP ({@code ZMQ_STREAM}). */
    STREAM(11, true);

    private final int value;
    private final boolean supported;

    SocketType(int value, boolean supported) {
        this.value = value;
        this.supported = supported;
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
     * Tells whether this release implements the type.
     *
     * @return true if {@link Context#socket(SocketType)} can create it
     */
    public boolean isSupported() {
        return supported;
    }
}
