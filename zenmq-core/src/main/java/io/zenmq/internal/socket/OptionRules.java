// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import static io.zenmq.SocketType.DEALER;
import static io.zenmq.SocketType.PUB;
import static io.zenmq.SocketType.RADIO;
import static io.zenmq.SocketType.REP;
import static io.zenmq.SocketType.REQ;
import static io.zenmq.SocketType.ROUTER;
import static io.zenmq.SocketType.STREAM;
import static io.zenmq.SocketType.XPUB;

import io.zenmq.ErrorCode;
import io.zenmq.Option;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which socket types each type-specific option applies to: the one table behind the
 * {@code EINVAL} that libzmq 4.3 answers to {@code zmq_setsockopt} of an option that does not
 * apply to the socket's type. An option not in the table applies to every type. The types are
 * libzmq's, class by class: REP is a ROUTER inside, PUB an XPUB, so they take those options too.
 * Stateless.
 */
final class OptionRules {
    private static final Map<Option<?>, Set<SocketType>> ONLY_FOR = Map.ofEntries(
            Map.entry(SocketOptions.ROUTER_MANDATORY, EnumSet.of(ROUTER, REP)),
            Map.entry(SocketOptions.ROUTER_HANDOVER, EnumSet.of(ROUTER, REP)),
            Map.entry(SocketOptions.CONNECT_ROUTING_ID, EnumSet.of(ROUTER, REP, STREAM)),
            Map.entry(SocketOptions.PROBE_ROUTER, EnumSet.of(ROUTER, REP, DEALER, REQ)),
            Map.entry(SocketOptions.REQ_CORRELATE, EnumSet.of(REQ)),
            Map.entry(SocketOptions.REQ_RELAXED, EnumSet.of(REQ)),
            Map.entry(SocketOptions.XPUB_VERBOSE, EnumSet.of(XPUB, PUB)),
            Map.entry(SocketOptions.XPUB_VERBOSER, EnumSet.of(XPUB, PUB)),
            Map.entry(SocketOptions.XPUB_MANUAL, EnumSet.of(XPUB, PUB)),
            Map.entry(SocketOptions.XPUB_NODROP, EnumSet.of(XPUB, PUB, RADIO)),
            Map.entry(SocketOptions.XPUB_WELCOME_MSG, EnumSet.of(XPUB, PUB)),
            Map.entry(SocketOptions.STREAM_NOTIFY, EnumSet.of(STREAM)));

    private OptionRules() {
    }

    /**
     * Tells whether an option applies to a socket type.
     *
     * @param option the option
     * @param type the socket type
     * @return false if libzmq answers EINVAL for it on that type
     */
    static boolean appliesTo(Option<?> option, SocketType type) {
        Set<SocketType> types = ONLY_FOR.get(option);
        return types == null || types.contains(type);
    }

    /**
     * Refuses an option that does not apply to a socket type, for set and get alike.
     *
     * @param option the option
     * @param type the socket type
     * @throws ZmqException {@link ErrorCode#EINVAL} if it does not apply
     */
    static void require(Option<?> option, SocketType type) {
        if (!appliesTo(option, type)) {
            throw new ZmqException(ErrorCode.EINVAL, option.name() + " does not apply to " + type + " sockets");
        }
    }
}
