// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

/**
 * ZeroMQ socket types, with libzmq's numeric values ({@code ZMQ_PAIR} = 0, ...).
 *
 * <p>The wire name sent in the ZMTP {@code Socket-Type} property is the constant's name.
 * Every constant is implemented by this release.
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
    /** Group publisher ({@code ZMQ_RADIO}, draft): sends each message to the DISHes that joined its group. */
    RADIO(14),
    /** Group subscriber ({@code ZMQ_DISH}, draft): receives the messages of the groups it joined. */
    DISH(15),
    /** Raw UDP datagrams ({@code ZMQ_DGRAM}, draft, udp only): messages are {@code [ip:port][body]}. */
    DGRAM(18);

    private final int value;

    SocketType(int value) {
        this.value = value;
    }

    /**
     * Returns libzmq's numeric value of this type (also the ZMTP 2.0 greeting byte).
     *
     * @return the {@code ZMQ_*} constant
     */
    public int value() {
        return value;
    }
}
