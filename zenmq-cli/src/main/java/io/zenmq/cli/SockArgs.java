// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.SocketType;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of {@code sock}: every option of cli.md's table, already range-checked.
 * Built by {@link SockArgsParser}; read-only afterwards by convention.
 */
final class SockArgs {
    /** Option value meaning "not given". */
    static final long UNSET = Long.MIN_VALUE;

    String typeName;
    /** The library's type; null for a draft type the library has no constant for yet. */
    SocketType type;
    /** The draft type's CLI rules; null for the classic types. */
    DraftType draft;
    List<Endpoint> endpoints = List.of();

    String delim = "\t";
    boolean hexFormat;
    long count = UNSET;
    boolean quiet;
    boolean echo;
    long timeoutMs = UNSET;
    long delayMs;
    long intervalMs;
    final List<String> subscribe = new ArrayList<>();
    /** The {@code --subscribe} prefixes decoded like one input frame of the selected format. */
    final List<byte[]> subscribeBytes = new ArrayList<>();
    final List<String> join = new ArrayList<>();
    String identity;
    byte[] identityBytes;
    long sndhwm = UNSET;
    long rcvhwm = UNSET;
    long lingerMs = 2000;
    long reconnectIvlMs = UNSET;
    long heartbeatIvlMs = UNSET;
    long heartbeatTimeoutMs = UNSET;
    long maxMsgSize = UNSET;
    boolean conflate;
    boolean routerMandatory;
    boolean xpubVerbose;
    boolean monitor;

    boolean plainServer;
    final List<String> auth = new ArrayList<>();
    String plainUser;
    String plainPassword;
    boolean curveServer;
    String curveSecret;
    final List<String> authCurve = new ArrayList<>();
    String curveServerKey;
    String curvePublic;

    /** {@code --option NAME=VALUE} as given, and parsed once the format is known. */
    final List<String> options = new ArrayList<>();
    final List<SocketOptionArg> socketOptions = new ArrayList<>();

    /** Options in the order given, by canonical long name, for "not supported yet" reports. */
    final List<String> given = new ArrayList<>();

    TextFormat textFormat() {
        return new TextFormat(hexFormat, delim.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    boolean hasCount() {
        return count != UNSET;
    }

    /** True if any endpoint is udp:// (RADIO then checks that each message fits a datagram). */
    boolean hasUdpEndpoint() {
        return endpoints.stream().anyMatch(Endpoint::isUdp);
    }

    boolean hasTimeout() {
        return timeoutMs != UNSET;
    }
}
