// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

/**
 * Error codes carried by {@link ZmqException}, named and numbered after libzmq's errno values on
 * Linux (libzmq's own codes are {@code ZMQ_HAUSNUMERO + n}).
 */
public enum ErrorCode {
    /** No such file or directory: unbind/disconnect of an endpoint that is not bound/connected. */
    ENOENT(2, "No such file or directory"),
    /** A blocking call was interrupted ({@link Thread#interrupt()}). */
    EINTR(4, "Interrupted system call"),
    /** The operation would block, or its timeout expired. */
    EAGAIN(11, "Resource temporarily unavailable"),
    /** Bad address: {@code connectPeer} on a socket with {@code ZMQ_IMMEDIATE} set. */
    EFAULT(14, "Bad address"),
    /** No such device: unknown interface name on bind. */
    ENODEV(19, "No such device"),
    /** Invalid argument: bad endpoint syntax, option or value. */
    EINVAL(22, "Invalid argument"),
    /** Too many open files. */
    EMFILE(24, "Too many open files"),
    /** File name too long: an ipc path longer than the platform allows. */
    ENAMETOOLONG(36, "File name too long"),
    /** Socket operation on non-socket: the socket is closed. */
    ENOTSOCK(88, "Socket operation on non-socket"),
    /** Message too long. */
    EMSGSIZE(90, "Message too long"),
    /** Unknown transport protocol. */
    EPROTONOSUPPORT(93, "Protocol not supported"),
    /** Operation not supported by this socket type. */
    ENOTSUP(95, "Operation not supported"),
    /** Address already in use. */
    EADDRINUSE(98, "Address already in use"),
    /** Cannot assign requested address: the address is not local. */
    EADDRNOTAVAIL(99, "Cannot assign requested address"),
    /** Connection refused. */
    ECONNREFUSED(111, "Connection refused"),
    /** No route to host: unknown routing id. */
    EHOSTUNREACH(113, "No route to host"),
    /** Operation cannot be accomplished in the current state (REQ/REP out of sequence). */
    EFSM(156_384_763, "Operation cannot be accomplished in current state"),
    /** The protocol is not compatible with the socket type. */
    ENOCOMPATPROTO(156_384_764, "The protocol is not compatible with the socket type"),
    /** The context was terminated. */
    ETERM(156_384_765, "Context was terminated"),
    /** No thread available. */
    EMTHREAD(156_384_766, "No thread available");

    private final int number;
    private final String text;

    ErrorCode(int number, String text) {
        this.number = number;
        this.text = text;
    }

    /**
     * Returns libzmq's numeric value of this code on Linux.
     *
     * @return the errno value, e.g. 156384765 for {@link #ETERM}
     */
    public int number() {
        return number;
    }

    /**
     * Returns the strerror text libzmq prints for this code.
     *
     * @return a short human-readable description
     */
    public String text() {
        return text;
    }
}
