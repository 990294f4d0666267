// SPDX-License-Identifier: MPL-2.0
package io.zenmq.cli;

import io.zenmq.ErrorCode;
import io.zenmq.Option;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.ZmqException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code sock --option NAME=VALUE}: a socket option by its libzmq name ({@code tcp_keepalive},
 * also {@code ZMQ_TCP_KEEPALIVE}), its value parsed for the option's type and validated by the
 * library's own rule. Every writable option of {@link SocketOptions} has a name, so nothing needs
 * a dedicated flag to be reachable. Immutable.
 *
 * @param option the option
 * @param value its value, of the option's type
 */
record SocketOptionArg(Option<?> option, Object value) {
    /** Writable options by lower-case libzmq name without {@code zmq_}. */
    private static final Map<String, Option<?>> BY_NAME = writableOptions();

    /**
     * Parses {@code NAME=VALUE}: integers decimal, booleans {@code 1}/{@code 0} (or true/false),
     * times in milliseconds ({@code -1} = infinite), byte options like one frame of the message
     * text format ({@code 0x} + hex for bytes), text as is.
     *
     * @throws CliException status 2 for an unknown or read-only name or a bad value
     */
    static SocketOptionArg parse(String text, TextFormat format) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw CliException.usage("option --option: expected NAME=VALUE, got '" + text + "'");
        }
        String name = text.substring(0, eq).toLowerCase(Locale.ROOT);
        String key = name.startsWith("zmq_") ? name.substring(4) : name;
        Option<?> option = BY_NAME.get(key);
        if (option == null) {
            throw CliException.usage("option --option: unknown socket option '" + text.substring(0, eq) + "'");
        }
        return new SocketOptionArg(option, checked(option, text.substring(eq + 1), format));
    }

    /** The names {@code --option} accepts, sorted. */
    static Iterable<String> names() {
        return BY_NAME.keySet();
    }

    /**
     * Sets the option on a socket.
     *
     * @throws CliException status 2 if the option does not apply to the socket's type
     */
    void applyTo(Socket socket) {
        try {
            set(socket, option, value);
        } catch (ZmqException e) {
            throw CliException.usage("option --option: " + libzmqName(option) + " cannot be set on "
                    + socket.type() + ": " + e.getMessage());
        }
    }

    private static <T> void set(Socket socket, Option<T> option, Object value) {
        socket.set(option, option.type().cast(value));
    }

    private static <T> T checked(Option<T> option, String v, TextFormat format) {
        T value = option.type().cast(convert(option, v, format));
        try {
            return option.validate(value);
        } catch (ZmqException e) {
            throw bad(option, v, e.code() == ErrorCode.EINVAL && e.getMessage() != null ? e.getMessage() : "invalid");
        }
    }

    private static Object convert(Option<?> option, String v, TextFormat format) {
        Class<?> type = option.type();
        if (type == Integer.class) {
            return (int) SockArgsParser.number(label(option), v, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == Long.class) {
            return SockArgsParser.number(label(option), v, Long.MIN_VALUE + 1, Long.MAX_VALUE);
        }
        if (type == Duration.class) {
            long ms = SockArgsParser.number(label(option), v, -1, Integer.MAX_VALUE);
            return ms < 0 ? Option.INFINITE : Duration.ofMillis(ms);
        }
        if (type == Boolean.class) {
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "1", "true" -> Boolean.TRUE;
                case "0", "false" -> Boolean.FALSE;
                default -> throw bad(option, v, "expected 1 or 0");
            };
        }
        if (type == byte[].class) {
            byte[] raw = v.getBytes(StandardCharsets.UTF_8);
            try {
                return format.parseFrame(raw, 0, raw.length);
            } catch (IllegalArgumentException e) {
                throw bad(option, v, e.getMessage());
            }
        }
        if (type == String.class) {
            return v;
        }
        throw bad(option, v, "cannot be given on the command line");
    }

    private static CliException bad(Option<?> option, String v, String why) {
        return CliException.usage(label(option) + ": bad value '" + v + "': " + why);
    }

    private static String label(Option<?> option) {
        return "option --option " + libzmqName(option);
    }

    private static String libzmqName(Option<?> option) {
        String name = option.name().toLowerCase(Locale.ROOT);
        return name.startsWith("zmq_") ? name.substring(4) : name;
    }

    private static Map<String, Option<?>> writableOptions() {
        Map<String, Option<?>> byName = new TreeMap<>();
        for (Field field : SocketOptions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Option.class) {
                try {
                    Option<?> option = (Option<?>) field.get(null);
                    if (!option.isReadOnly()) {
                        byName.put(libzmqName(option), option);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
