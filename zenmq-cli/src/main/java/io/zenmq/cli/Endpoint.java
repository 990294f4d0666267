// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.SocketType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One item of a {@code sock} endpoint list (cli.md, "Endpoints"): an address and whether the
 * socket binds or connects to it. {@link #parseList} checks the syntax completely, so a malformed
 * item is a usage error before any socket exists.
 */
record Endpoint(boolean bind, String address) {
    /** Types whose bare endpoints bind; every other type connects. */
    private static final Set<SocketType> BINDING_TYPES =
            EnumSet.of(SocketType.REP, SocketType.ROUTER, SocketType.PUB, SocketType.XPUB, SocketType.PULL);

    private static final String UDP = "udp://";

    /**
     * Parses a comma-separated list for a socket type, including the draft types' transport rules:
     * udp:// for RADIO, DISH and DGRAM only, DGRAM over udp:// only, a DISH binds and a RADIO
     * connects over udp.
     *
     * @param typeName lower-case type name, which tells the draft types apart
     * @throws CliException (usage) for an empty list, a malformed item or a transport the type
     *     does not take
     */
    static List<Endpoint> parseList(String list, SocketType type, String typeName) {
        DraftType draft = DraftType.byName(typeName);
        if (list.isEmpty()) {
            throw CliException.usage("empty endpoint list");
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (String item : list.split(",", -1)) {
            boolean udp = isUdp(item.startsWith("@") || item.startsWith(">") ? item.substring(1) : item);
            boolean bindByDefault = draft != null ? draft.bindsByDefault(udp) : type != null && BINDING_TYPES.contains(type);
            Endpoint endpoint = parseItem(item, bindByDefault);
            checkTransportFits(endpoint, draft, typeName, item);
            endpoints.add(endpoint);
        }
        return List.copyOf(endpoints);
    }

    static Endpoint parseItem(String item, boolean bindByDefault) {
        if (item.isEmpty()) {
            throw CliException.usage("empty endpoint in list");
        }
        boolean bind = bindByDefault;
        String address = item;
        if (item.charAt(0) == '@' || item.charAt(0) == '>') {
            bind = item.charAt(0) == '@';
            address = item.substring(1);
        }
        checkAddress(address, bind, item);
        return new Endpoint(bind, address);
    }

    /** True for a udp:// endpoint. */
    boolean isUdp() {
        return isUdp(address);
    }

    private static boolean isUdp(String address) {
        return address.regionMatches(true, 0, UDP, 0, UDP.length());
    }

    private static void checkTransportFits(Endpoint endpoint, DraftType draft, String typeName, String item) {
        if (!endpoint.isUdp()) {
            if (draft != null && draft.udpOnly()) {
                throw CliException.usage("endpoint '" + item + "': " + typeName + " works over udp:// only");
            }
            return;
        }
        if (draft == null || !draft.takesUdp()) {
            throw CliException.usage("endpoint '" + item + "': udp:// works with radio, dish and dgram only");
        }
        if (!draft.udpDirectionAllowed(endpoint.bind())) {
            throw CliException.usage("endpoint '" + item + "': " + typeName + " cannot "
                    + (endpoint.bind() ? "bind" : "connect") + " over udp:// (a dish binds, a radio connects)");
        }
    }

    private static void checkAddress(String address, boolean bind, String item) {
        int sep = address.indexOf("://");
        if (sep <= 0) {
            throw CliException.usage("malformed endpoint '" + item + "': expected TRANSPORT://ADDRESS");
        }
        String transport = address.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = address.substring(sep + 3);
        switch (transport) {
            case "tcp" -> checkTcp(rest, bind, item);
            case "ipc" -> {
                if (rest.isEmpty() || rest.equals("@")) {
                    throw CliException.usage("malformed endpoint '" + item + "': empty ipc path");
                }
            }
            case "inproc" -> throw CliException.usage(
                    "endpoint '" + item + "': inproc:// works within one process only");
            case "udp" -> checkUdp(rest, bind, item);
            case "pgm", "epgm" -> throw CliException.usage(
                    "endpoint '" + item + "': transport " + transport + " is not supported yet");
            default -> throw CliException.usage("endpoint '" + item + "': unknown transport " + transport);
        }
    }

    private static void checkTcp(String rest, boolean bind, String item) {
        int colon = rest.lastIndexOf(':');
        if (colon < 0 || rest.startsWith("[") && colon < rest.indexOf(']')) {
            throw CliException.usage("malformed endpoint '" + item + "': tcp needs HOST:PORT");
        }
        String host = rest.substring(0, colon);
        String port = rest.substring(colon + 1);
        checkHost(host, bind, item);
        if (port.equals("*") || port.equals("0")) {
            if (!bind) {
                throw CliException.usage("endpoint '" + item + "': cannot connect to port " + port);
            }
            return;
        }
        checkPort(port, item);
    }

    /**
     * {@code HOST:PORT}, {@code *:PORT} (bind) or {@code IFACE;GROUP:PORT}: the port explicit,
     * 1 to 65535, as udp has no ephemeral-port report.
     */
    private static void checkUdp(String rest, boolean bind, String item) {
        int semicolon = rest.indexOf(';');
        String address = rest;
        if (semicolon >= 0) {
            checkHost(rest.substring(0, semicolon), true, item);
            address = rest.substring(semicolon + 1);
        }
        int colon = address.lastIndexOf(':');
        if (colon < 0 || (address.startsWith("[") && colon < address.indexOf(']'))) {
            throw CliException.usage("malformed endpoint '" + item + "': udp needs HOST:PORT");
        }
        checkHost(address.substring(0, colon), bind, item);
        String port = address.substring(colon + 1);
        if (port.equals("*") || port.equals("0")) {
            throw CliException.usage("endpoint '" + item + "': udp needs an explicit port (1 to 65535)");
        }
        checkPort(port, item);
    }

    private static void checkPort(String port, String item) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(port) > 65535 || Integer.parseInt(port) == 0) {
            throw CliException.usage("malformed endpoint '" + item + "': bad port '" + port + "'");
        }
    }

    private static void checkHost(String host, boolean bind, String item) {
        if (host.isEmpty()) {
            throw CliException.usage("malformed endpoint '" + item + "': empty host");
        }
        if (host.equals("*")) {
            if (!bind) {
                throw CliException.usage("endpoint '" + item + "': cannot connect to host *");
            }
            return;
        }
        if (host.startsWith("[") || host.endsWith("]")) {
            if (host.length() < 3 || !host.startsWith("[") || !host.endsWith("]")
                    || !host.substring(1, host.length() - 1).chars().allMatch(Endpoint::isIpv6Char)) {
                throw CliException.usage("malformed endpoint '" + item + "': bad IPv6 host " + host);
            }
            return;
        }
        if (!host.chars().allMatch(Endpoint::isHostChar)) {
            throw CliException.usage("malformed endpoint '" + item + "': bad host '" + host + "'");
        }
    }

    private static boolean isIpv6Char(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ':' || c == '.'
                || c == '%';
    }

    private static boolean isHostChar(int c) {
        return c > 0x20 && c < 0x7f && c != '/' && c != '@' && c != '[' && c != ']' && c != '*' && c != '\\'
                || c >= 0x80;
    }
}
