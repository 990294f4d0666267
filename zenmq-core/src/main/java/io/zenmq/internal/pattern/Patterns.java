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
     * @param options the socket's routing options, kept current by the socket
     * @return a new pattern
     * @throws ZmqException {@link ErrorCode#ENOTSUP} if the type is not implemented
     */
    public static Pattern create(SocketType type, PatternHost host, PatternOptions options) {
        switch (type) {
            case PAIR:
                return new Pair(host);
            case PUSH:
                return new Push(host);
            case PULL:
                return new Pull(host);
            case REQ:
                return new Req(host, options);
            case REP:
                return new Rep(host);
            case DEALER:
                return new Dealer(host, options);
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
            case RADIO:
                return new Radio(host, options);
            case DISH:
                return new Dish(host);
            case DGRAM:
                return new Dgram(host);
            default:
                throw new ZmqException(ErrorCode.ENOTSUP, "socket type " + type + " is not supported yet");
        }
    }
}
