// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.SocketType;

/**
 * What {@code sock} does with stdin and received messages (cli.md, the roles table of "sock").
 * Chosen once from the type and {@code --echo}; {@link SockSession} runs one role.
 */
enum Role {
    /** Each stdin line is sent; nothing is received (PUB, PUSH, RADIO, SCATTER). */
    SEND,
    /** Each received message is printed; stdin is not read (SUB, PULL, DISH, GATHER). */
    RECEIVE,
    /** Lines go out and messages are printed, neither waiting for the other. */
    TWO_WAY,
    /** REQ: a line, then its reply. */
    REQUEST,
    /** REP: a request, then the next line as its reply. */
    REPLY,
    /** {@code --echo}: each received message goes back to its sender; stdin is not read. */
    ECHO;

    /** The role of a classic type (the draft types have theirs in {@link DraftType}). */
    static Role of(SocketType type, boolean echo) {
        return switch (type) {
            case PUB, PUSH -> SEND;
            case SUB, PULL -> RECEIVE;
            case REQ -> REQUEST;
            case REP -> echo ? ECHO : REPLY;
            case PAIR, DEALER, ROUTER, STREAM -> echo ? ECHO : TWO_WAY;
            case XPUB, XSUB -> TWO_WAY;
            default -> throw new IllegalArgumentException("not a classic type: " + type);
        };
    }

    /** The role of the parsed command line's type. */
    static Role of(SockArgs args) {
        return args.draft != null ? args.draft.role(args.echo) : of(args.type, args.echo);
    }

    /** True for the roles that read stdin. */
    boolean readsStdin() {
        return this != RECEIVE && this != ECHO;
    }
}
