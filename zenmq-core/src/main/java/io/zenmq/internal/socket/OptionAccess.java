// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.Option;
import io.zenmq.SocketOptions;
import io.zenmq.internal.engine.ConnectionOptions;
import io.zenmq.internal.pattern.PatternOptions;

/**
 * Getting and setting one socket's options with their special cases: each option checked against
 * the socket type ({@link OptionRules}); a value set is copied to the options its pattern reads per
 * message ({@link PatternOptions}), and LINGER and ROUTING_ID to the {@link SocketInbox} that other
 * threads read; the read-only options (LAST_ENDPOINT, TYPE, RCVMORE, MECHANISM, EVENTS) are
 * answered from the socket's state. Also makes the options snapshot new connections start with.
 *
 * <p>Owner: the application thread using the socket (through its {@link SocketCore}).
 */
final class OptionAccess {
    private final SocketCore socket;
    private final OptionValues values;
    private final PatternOptions patternOptions;
    private final SocketInbox inbox;
    private String lastEndpoint = "";

    OptionAccess(SocketCore socket, OptionValues values, PatternOptions patternOptions, SocketInbox inbox) {
        this.socket = socket;
        this.values = values;
        this.patternOptions = patternOptions;
        this.inbox = inbox;
    }

    /** Validates and sets an option. See {@link SocketCore#setOption}. */
    <T> void set(Option<T> option, T value) {
        OptionRules.require(option, socket.type());
        values.set(option, value);
        patternOptions.update(option, values.get(option));
        if (option == SocketOptions.LINGER) {
            inbox.lingerChanged(values.nanos(SocketOptions.LINGER));
        } else if (option == SocketOptions.ROUTING_ID) {
            inbox.identityChanged(values.get(SocketOptions.ROUTING_ID));
        }
    }

    /** Reads an option. See {@link SocketCore#getOption}. */
    <T> T get(Option<T> option) {
        if (option == SocketOptions.LAST_ENDPOINT) {
            return option.type().cast(lastEndpoint);
        }
        if (option == SocketOptions.TYPE) {
            return option.type().cast(socket.type());
        }
        if (option == SocketOptions.RCVMORE) {
            return option.type().cast(socket.rcvMore());
        }
        if (option == SocketOptions.MECHANISM) {
            return option.type().cast(values.mechanism());
        }
        if (option == SocketOptions.EVENTS) {
            return option.type().cast(socket.readiness());
        }
        OptionRules.require(option, socket.type());
        return values.get(option);
    }

    /** Remembers the endpoint last bound, for LAST_ENDPOINT. */
    void endpointBound(String endpoint) {
        lastEndpoint = endpoint;
    }

    /** What a new connection or listener of this socket is made with. */
    ConnectionOptions connectionOptions() {
        return values.snapshot(socket.type());
    }
}
