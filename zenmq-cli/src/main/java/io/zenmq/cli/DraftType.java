// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.SocketType;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The draft socket types as {@code sock} runs them (cli.md, "Draft socket types"): each one's
 * role, which way a bare endpoint goes, which transports it takes, and the leading field its
 * lines carry. The library's type of the same name does the messaging. Immutable.
 */
enum DraftType {
    SERVER(Role.TWO_WAY, LeadingField.Kind.ROUTING_ID, true, true),
    CLIENT(Role.TWO_WAY, null, false, true),
    RADIO(Role.SEND, LeadingField.Kind.GROUP, true, false),
    DISH(Role.RECEIVE, LeadingField.Kind.GROUP, false, false),
    SCATTER(Role.SEND, null, false, false),
    GATHER(Role.RECEIVE, null, true, false),
    PEER(Role.TWO_WAY, LeadingField.Kind.ROUTING_ID, false, true),
    CHANNEL(Role.TWO_WAY, null, false, true),
    DGRAM(Role.TWO_WAY, LeadingField.Kind.ADDRESS, true, false);

    private final Role role;
    private final LeadingField.Kind field;
    private final boolean bindsByDefault;
    private final boolean echoes;

    DraftType(Role role, LeadingField.Kind field, boolean bindsByDefault, boolean echoes) {
        this.role = role;
        this.field = field;
        this.bindsByDefault = bindsByDefault;
        this.echoes = echoes;
    }

    /** The library's type of this name; null while the library lacks it. */
    SocketType socketType() {
        for (SocketType type : SocketType.values()) {
            if (type.name().equals(name())) {
                return type;
            }
        }
        return null;
    }

    /** The draft type of a lower-case type name; null for any other name. */
    static DraftType byName(String lower) {
        for (DraftType type : values()) {
            if (type.lowerName().equals(lower)) {
                return type;
            }
        }
        return null;
    }

    String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role; {@code --echo} applies to SERVER, CLIENT, PEER and CHANNEL only. */
    Role role(boolean echo) {
        return echo && echoes ? Role.ECHO : role;
    }

    /** The field before the first delimiter of this type's lines; null for data-only lines. */
    LeadingField.Kind field() {
        return field;
    }

    /** Whether a bare endpoint binds: over udp DISH and DGRAM bind and RADIO connects. */
    boolean bindsByDefault(boolean udp) {
        return udp ? this != RADIO : bindsByDefault;
    }

    /** RADIO, DISH and DGRAM take udp:// endpoints. */
    boolean takesUdp() {
        return this == RADIO || this == DISH || this == DGRAM;
    }

    /** DGRAM takes udp:// endpoints only. */
    boolean udpOnly() {
        return this == DGRAM;
    }

    /**
     * Whether this type may bind ({@code bind} true) or connect over udp: a DISH only receives
     * datagrams, so it binds; a RADIO only sends them, so it connects; DGRAM does both.
     */
    boolean udpDirectionAllowed(boolean bind) {
        return this == DGRAM || bind == (this == DISH);
    }

    /**
     * The line shape of this type's messages.
     *
     * @param udp whether the socket has a udp:// endpoint (then a RADIO's messages must each fit
     *     one datagram)
     */
    LineShape shape(TextFormat format, PrintStream err, boolean udp) {
        if (field == null) {
            return new DataShape(format);
        }
        return switch (field) {
            case ADDRESS -> new AddressShape(format, err);
            case ROUTING_ID -> new RoutingIdShape(format, err);
            case GROUP -> new GroupShape(format, err, udp);
        };
    }
}
