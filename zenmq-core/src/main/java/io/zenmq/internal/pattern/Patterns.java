// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;

/**
 * Creates the {@link Pattern} of a socket type. The thread-safe draft types reuse the classic
 * routing: CHANNEL is a PAIR, SCATTER a PUSH, GATHER a PULL, CLIENT a DEALER, PEER a SERVER; the
 * socket adds their single-frame rule and their lock.
 */
public final class Patterns {
    private Patterns() {
    }

    /**
     * Creates the routing rules for a socket.
     *
     * @param type the socket type
     * @param host the socket the pattern serves
     * @param options the socket's routing options, kept current by the socket
     * @return a new pattern
     * @throws ZmqException {@link ErrorCode#ENOTSUP} if the type is not implemented
     */
    public static Pattern create(SocketType type, PatternHost host, PatternOptions options) {
        switch (type) {
            case PAIR:
            case CHANNEL:
                return new Pair(host);
            case PUSH:
            case SCATTER:
                return new Push(host);
            case PULL:
            case GATHER:
                return new Pull(host);
            case REQ:
                return new Req(host, options);
            case REP:
                return new Rep(host);
            case DEALER:
            case CLIENT:
                // PROBE_ROUTER does not apply to CLIENT, so it is a DEALER without envelopes
                return new Dealer(host, options);
            case SERVER:
            case PEER:
                return new Server(host);
            case ROUTER:
                return new Router(host, options);
            case PUB:
                return new Pub(host, options);
            case SUB:
                return new Sub(host, options);
            case XPUB:
                return new XPub(host, options);
            case XSUB:
                return new XSub(host);
            case STREAM:
                return new Stream(host);
            default:
                throw new ZmqException(ErrorCode.ENOTSUP, "socket type " + type + " is not supported yet");
        }
    }
}
