// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A typed socket option key with libzmq's name and number, its default and a validator.
 *
 * <p>Constants live in {@link SocketOptions}. Time values are {@link Duration}s, with
 * {@link #INFINITE} standing for libzmq's {@code -1}. Binary values are {@code byte[]} and are
 * copied on the way in and out.
 *
 * @param <T> the value type
 */
public final class Option<T> {
    /** libzmq's {@code -1} for time options: wait forever, linger forever, or never. */
    public static final Duration INFINITE = Duration.ofMillis(-1);

    private final String name;
    private final int number;
    private final Class<T> type;
    private final T defaultValue;
    private final Predicate<T> validator;
    private final String rule;
    private final boolean readOnly;
    private final UnaryOperator<T> normalizer;

    Option(String name, int number, Class<T> type, T defaultValue, Predicate<T> validator, String rule,
           boolean readOnly) {
        this(name, number, type, defaultValue, validator, rule, readOnly, UnaryOperator.identity());
    }

    /** An option whose accepted values are rewritten into one stored form (e.g. Z85 keys to raw). */
    Option(String name, int number, Class<T> type, T defaultValue, Predicate<T> validator, String rule,
           boolean readOnly, UnaryOperator<T> normalizer) {
        this.normalizer = normalizer;
        this.name = name;
        this.number = number;
        this.type = type;
        this.defaultValue = defaultValue;
        this.validator = validator;
        this.rule = rule;
        this.readOnly = readOnly;
    }

    /**
     * Returns libzmq's name of the option, e.g. {@code ZMQ_SNDHWM}.
     *
     * @return the option's libzmq name
     */
    public String name() {
        return name;
    }

    /**
     * Returns libzmq's number of the option, e.g. 23 for {@code ZMQ_SNDHWM}.
     *
     * @return the option number
     */
    public int number() {
        return number;
    }

    /**
     * Returns the Java type of the option's value.
     *
     * @return the value class
     */
    public Class<T> type() {
        return type;
    }

    /**
     * Returns the value a new socket has.
     *
     * @return the default (a copy for binary options)
     */
    public T defaultValue() {
        return copy(defaultValue);
    }

    /**
     * Tells whether the option can only be read.
     *
     * @return true for read-only options such as {@code ZMQ_LAST_ENDPOINT}
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Checks a value and returns the copy to store.
     *
     * @param value the value to check
     * @return the value (a copy for binary options)
     * @throws ZmqException {@link ErrorCode#EINVAL} if the value is out of range or the option is
     *     read-only
     */
    public T validate(T value) {
        if (readOnly) {
            throw new ZmqException(ErrorCode.EINVAL, name + " is read-only");
        }
        Objects.requireNonNull(value, name);
        if (!type.isInstance(value) || !validator.test(value)) {
            throw new ZmqException(ErrorCode.EINVAL, "invalid value for " + name + ": " + describe(value)
                    + " (" + rule + ")");
        }
        try {
            return copy(normalizer.apply(value));
        } catch (ZmqException e) {
            throw new ZmqException(e.code(), "invalid value for " + name + ": " + e.getMessage());
        }
    }

    /**
     * Returns a defensive copy of a value of this option (binary values are copied).
     *
     * @param value a value of this option
     * @return the copy, or the value itself if immutable
     */
    public T copy(T value) {
        if (value instanceof byte[]) {
            return type.cast(((byte[]) value).clone());
        }
        return value;
    }

    private static String describe(Object value) {
        return value instanceof byte[] ? ((byte[]) value).length + " bytes" : String.valueOf(value);
    }

    @Override
    public String toString() {
        return name;
    }
}
