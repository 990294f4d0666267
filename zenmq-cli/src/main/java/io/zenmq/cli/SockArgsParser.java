// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.SocketType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code sock TYPE ENDPOINTS [OPTIONS]} (cli.md, "sock" and "Options"). Everything is
 * checked here, before any socket exists; each problem is a {@link CliException} with status 2.
 */
final class SockArgsParser {
    private static final long MAX_MS = Integer.MAX_VALUE;

    private static final Map<String, String> ALIASES = Map.of("-n", "--count", "-q", "--quiet", "-s", "--subscribe");

    private static final Set<String> FLAGS = Set.of("--quiet", "--echo", "--conflate", "--router-mandatory",
            "--xpub-verbose", "--monitor", "--plain-server", "--curve-server");

    private static final Set<String> VALUED = Set.of("--delim", "--format", "--count", "--timeout", "--delay",
            "--interval", "--subscribe", "--join", "--identity", "--sndhwm", "--rcvhwm", "--linger",
            "--reconnect-ivl", "--heartbeat-ivl", "--heartbeat-timeout", "--maxmsgsize", "--auth", "--plain-user",
            "--plain-password", "--curve-secret", "--auth-curve", "--curve-serverkey", "--curve-public", "--option");

    /** Options the library cannot honour yet. */
    private static final Set<String> NOT_YET = Set.of();

    private SockArgsParser() {
    }

    /** Parses the arguments after {@code sock}. */
    static SockArgs parse(List<String> args) {
        SockArgs a = new SockArgs();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            String canon = ALIASES.getOrDefault(name, name);
            if (FLAGS.contains(canon)) {
                if (eq > 0) {
                    throw CliException.usage("option " + name + " takes no value");
                }
                applyFlag(a, canon);
            } else if (VALUED.contains(canon)) {
                String value;
                if (eq > 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw CliException.usage("option " + name + " needs a value");
                }
                applyValue(a, canon, value);
            } else {
                throw CliException.usage("unknown option " + name);
            }
            if (!a.given.contains(canon)) {
                a.given.add(canon);
            }
        }
        applyPositional(a, positional);
        checkValues(a);
        checkJoin(a);
        SecurityArgs.check(a);
        checkSupported(a);
        return a;
    }

    private static void applyFlag(SockArgs a, String canon) {
        switch (canon) {
            case "--quiet" -> a.quiet = true;
            case "--echo" -> a.echo = true;
            case "--conflate" -> a.conflate = true;
            case "--router-mandatory" -> a.routerMandatory = true;
            case "--xpub-verbose" -> a.xpubVerbose = true;
            case "--monitor" -> a.monitor = true;
            case "--plain-server" -> a.plainServer = true;
            case "--curve-server" -> a.curveServer = true;
            default -> throw new IllegalStateException(canon);
        }
    }

    private static void applyValue(SockArgs a, String canon, String v) {
        switch (canon) {
            case "--delim" -> {
                if (v.isEmpty()) {
                    throw CliException.usage("option --delim: the delimiter must not be empty");
                }
                if (!TextFormat.isUsableDelimiter(v.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                    throw CliException.usage("option --delim: the delimiter needs a character other than"
                            + " 0-9, a-f, A-F and x, or printed hex frames could not be read back");
                }
                a.delim = v;
            }
            case "--format" -> a.hexFormat = parseFormat(v);
            case "--count" -> a.count = number(canon, v, 1, Integer.MAX_VALUE);
            case "--timeout" -> a.timeoutMs = number(canon, v, 1, MAX_MS);
            case "--delay" -> a.delayMs = number(canon, v, 0, MAX_MS);
            case "--interval" -> a.intervalMs = number(canon, v, 0, MAX_MS);
            case "--subscribe" -> a.subscribe.add(v);
            case "--join" -> a.join.add(v);
            case "--identity" -> a.identity = v;
            case "--sndhwm" -> a.sndhwm = number(canon, v, 0, Integer.MAX_VALUE);
            case "--rcvhwm" -> a.rcvhwm = number(canon, v, 0, Integer.MAX_VALUE);
            case "--linger" -> a.lingerMs = number(canon, v, -1, MAX_MS);
            case "--reconnect-ivl" -> a.reconnectIvlMs = number(canon, v, -1, MAX_MS);
            case "--heartbeat-ivl" -> a.heartbeatIvlMs = number(canon, v, 0, MAX_MS);
            case "--heartbeat-timeout" -> a.heartbeatTimeoutMs = number(canon, v, 0, MAX_MS);
            case "--maxmsgsize" -> a.maxMsgSize = number(canon, v, -1, Long.MAX_VALUE);
            case "--auth" -> a.auth.add(v);
            case "--plain-user" -> a.plainUser = v;
            case "--plain-password" -> a.plainPassword = v;
            case "--curve-secret" -> a.curveSecret = v;
            case "--auth-curve" -> a.authCurve.add(v);
            case "--curve-serverkey" -> a.curveServerKey = v;
            case "--curve-public" -> a.curvePublic = v;
            case "--option" -> a.options.add(v);
            default -> throw new IllegalStateException(canon);
        }
    }

    private static boolean parseFormat(String v) {
        return switch (v) {
            case "text" -> false;
            case "hex" -> true;
            default -> throw CliException.usage("option --format: expected text or hex, got '" + v + "'");
        };
    }

    /** Parses a decimal integer in [min, max]; a sign is allowed only as a leading minus. */
    static long number(String option, String v, long min, long max) {
        String digits = v.startsWith("-") ? v.substring(1) : v;
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw CliException.usage("option " + option + ": '" + v + "' is not a decimal integer");
        }
        long value;
        try {
            value = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw CliException.usage("option " + option + ": '" + v + "' is out of range " + min + " to " + max);
        }
        if (value < min || value > max) {
            throw CliException.usage("option " + option + ": " + v + " is out of range " + min + " to " + max);
        }
        return value;
    }

    private static void applyPositional(SockArgs a, List<String> positional) {
        if (positional.isEmpty()) {
            throw CliException.usage("sock: missing socket type (see zenmq help)");
        }
        if (positional.size() < 2) {
            throw CliException.usage("sock: missing endpoints (see zenmq help)");
        }
        if (positional.size() > 2) {
            throw CliException.usage("sock: unexpected argument '" + positional.get(2) + "'");
        }
        a.typeName = positional.get(0).toLowerCase(Locale.ROOT);
        a.draft = DraftType.byName(a.typeName);
        a.type = a.draft != null ? a.draft.socketType() : resolveType(a.typeName, positional.get(0));
        a.endpoints = Endpoint.parseList(positional.get(1), a.type, a.typeName);
    }

    /**
     * The library's type of a classic type name (the proxy takes classic types only).
     *
     * @return null for a draft type name
     * @throws CliException (usage) for an unknown name
     */
    static SocketType resolveType(String lower, String given) {
        if (DraftType.byName(lower) != null) {
            return null;
        }
        for (SocketType t : SocketType.values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return t;
            }
        }
        throw CliException.usage("unknown socket type '" + given + "'");
    }

    private static void checkValues(SockArgs a) {
        for (String prefix : a.subscribe) {
            a.subscribeBytes.add(frameValue(a, "--subscribe", prefix));
        }
        if (a.identity != null) {
            a.identityBytes = frameValue(a, "--identity", a.identity);
            if (a.identityBytes.length < 1 || a.identityBytes.length > 255) {
                throw CliException.usage("option --identity: must be 1 to 255 bytes, got " + a.identityBytes.length);
            }
            if (a.identityBytes[0] == 0) {
                throw CliException.usage("option --identity: must not start with a zero byte (reserved)");
            }
        }
        for (String option : a.options) {
            a.socketOptions.add(SocketOptionArg.parse(option, a.textFormat()));
        }
    }

    /** DISH needs at least one group to join, each 1 to 255 bytes; other types ignore --join. */
    private static void checkJoin(SockArgs a) {
        if (a.draft != DraftType.DISH) {
            return;
        }
        if (a.join.isEmpty()) {
            throw CliException.usage("dish needs at least one --join GROUP");
        }
        for (String group : a.join) {
            try {
                LeadingField.checkGroup(group);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("option --join: " + e.getMessage());
            }
        }
    }

    /** Decodes an option value written like one input frame of the selected format. */
    private static byte[] frameValue(SockArgs a, String option, String value) {
        byte[] raw = value.getBytes(StandardCharsets.UTF_8);
        try {
            return a.textFormat().parseFrame(raw, 0, raw.length);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("option " + option + ": " + e.getMessage());
        }
    }

    /** Refuses what this build cannot run: a socket type the library lacks, an option not honoured yet. */
    private static void checkSupported(SockArgs a) {
        if (a.type == null) {
            throw CliException.usage("socket type " + a.typeName + " is not supported yet");
        }
        for (String option : a.given) {
            if (!isSupported(option)) {
                throw CliException.usage("option " + option + " is not supported yet");
            }
        }
    }

    /**
     * False for an option this release cannot honour yet. Every such option applies to every
     * classic type, so the type does not matter; options that do not apply to it (--join on
     * anything but DISH, --subscribe on PUSH...) are accepted and ignored.
     */
    private static boolean isSupported(String option) {
        return !NOT_YET.contains(option);
    }
}
