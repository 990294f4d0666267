// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.SocketType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parsed command line of {@code proxy FRONT_TYPE FRONT_ENDPOINTS BACK_TYPE BACK_ENDPOINTS
 * [--capture TYPE ENDPOINTS]} (cli.md, "proxy"): everything checked before any socket exists, each
 * problem a usage error (exit 2).
 *
 * @param frontend the frontend socket
 * @param backend the backend socket
 * @param capture the capture socket, or null
 */
record ProxyArgs(Side frontend, Side backend, Side capture) {
    /** The command's own usage, quoted in its usage errors. */
    static final String USAGE =
            "usage: zenmq proxy FRONT_TYPE FRONT_ENDPOINTS BACK_TYPE BACK_ENDPOINTS [--capture TYPE ENDPOINTS]";

    private static final String CAPTURE = "--capture";

    /**
     * One socket of the proxy: its type and where it binds and connects.
     *
     * @param type the socket type
     * @param endpoints the parsed endpoint list, bare items following the type's default
     */
    record Side(SocketType type, List<Endpoint> endpoints) {
    }

    /** Parses the arguments after {@code proxy}. */
    static ProxyArgs parse(List<String> args) {
        List<String> positional = new ArrayList<>();
        String[] capture = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                positional.add(arg);
            } else if (arg.equals(CAPTURE) || arg.startsWith(CAPTURE + "=")) {
                String type;
                if (arg.length() > CAPTURE.length()) {
                    type = arg.substring(CAPTURE.length() + 1);
                } else if (i + 1 < args.size()) {
                    type = args.get(++i);
                } else {
                    throw CliException.usage("option --capture needs a socket type and endpoints; " + USAGE);
                }
                if (i + 1 >= args.size()) {
                    throw CliException.usage("option --capture needs endpoints after the type; " + USAGE);
                }
                capture = new String[] {type, args.get(++i)};  // repeated: the last one wins
            } else {
                int eq = arg.indexOf('=');
                throw CliException.usage("unknown option " + (eq > 0 ? arg.substring(0, eq) : arg) + "; " + USAGE);
            }
        }
        if (positional.size() != 4) {
            throw CliException.usage((positional.size() < 4 ? "proxy: missing arguments; "
                    : "proxy: unexpected argument '" + positional.get(4) + "'; ") + USAGE);
        }
        Side front = side(positional.get(0), positional.get(1));
        Side back = side(positional.get(2), positional.get(3));
        return new ProxyArgs(front, back, capture == null ? null : side(capture[0], capture[1]));
    }

    private static Side side(String typeName, String endpoints) {
        String lower = typeName.toLowerCase(Locale.ROOT);
        SocketType type = SockArgsParser.resolveType(lower, typeName);
        if (type == null) {
            throw CliException.usage("socket type " + lower + " is not supported yet");
        }
        return new Side(type, Endpoint.parseList(endpoints, type, lower));
    }
}
