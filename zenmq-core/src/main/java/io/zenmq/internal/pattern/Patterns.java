// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pattern;

import io.zenmq.ErrorCode;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;

/** Creates the {@link Pattern} of a socket type. */
public final class Patterns {
    private Patterns() {
    }

    /**
     * Creates the routing rules for a socket.
     *
     * @param type the socket type
     * @param host the socket the pattern serves
     * @return a new pattern
     * @throws ZmqException {@link ErrorCode#ENOTSUP} if the type is not implemented
     */
    public static Pattern create(SocketType type, PatternHost host) {
        switch (type) {
            case PAIR:
                return new Pair(host);
            case PUSH:
                return new Push(host);
            case PULL:
                return new Pull(host);
            case REQ:
                return new Req(host);
            case REP:
                return new Rep(host);
            case DEALER:
                return new Dealer(host);
            case ROUTER:
                return new Router(host);
            case PUB:
                return new Pub(host);
            case SUB:
                return new Sub(host);
            case XPUB:
                return new XPub(host);
            case XSUB:
                return new XSub(host);
            case STREAM:
                return new Stream(host);
            default:
                throw new ZmqException(ErrorCode.ENOTSUP, "socket type " + type + " is not supported yet");
        }
    }
}
