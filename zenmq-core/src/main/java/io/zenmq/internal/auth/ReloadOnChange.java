// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * A value read from the file system and read again whenever its files change, the way zauth
 * picks up edits to its password file and certificate directory. A change is noticed through a
 * stamp (sizes and modification times) taken at each {@link #get()}. When the files cannot be
 * read any more, the value becomes the given fallback, so that nothing from them is trusted.
 *
 * <p>Thread-safe: each caller sees one whole snapshot; after a change, two callers may both read
 * the files, with the same result.
 *
 * @param <T> the value read
 */
final class ReloadOnChange<T> {
    private static final System.Logger LOG = System.getLogger(ReloadOnChange.class.getName());

    /**
     * Reads something from the file system.
     *
     * @param <V> what it reads
     */
    @FunctionalInterface
    interface Source<V> {
        V read() throws IOException;
    }

    private record Snapshot<V>(Object stamp, V value) {
    }

    private final String what;
    private final Source<?> stamp;
    private final Source<T> reader;
    private final T unreadable;
    private volatile Snapshot<T> snapshot;

    /**
     * Reads the value now.
     *
     * @param what a description for logs, e.g. {@code password file /etc/app/passwords}
     * @param stamp reads what tells a change apart (compared with {@code equals})
     * @param reader reads the value
     * @param unreadable the value while the files cannot be read
     * @throws UncheckedIOException if the value cannot be read now
     */
    ReloadOnChange(String what, Source<?> stamp, Source<T> reader, T unreadable) {
        this.what = what;
        this.stamp = stamp;
        this.reader = reader;
        this.unreadable = unreadable;
        try {
            this.snapshot = new Snapshot<>(stamp.read(), reader.read());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the value, reading the files again first if they changed.
     *
     * @return the current value
     */
    T get() {
        Snapshot<T> current = snapshot;
        Object now = stampOrFailure();
        if (Objects.equals(now, current.stamp())) {
            return current.value();
        }
        T value;
        if (now instanceof Failure) {
            LOG.log(Level.WARNING, () -> "cannot read " + what + " any more, nothing from it is accepted: "
                    + ((Failure) now).reason());
            value = unreadable;
        } else {
            value = readOrFallback();
        }
        snapshot = new Snapshot<>(now, value);
        return value;
    }

    /** The stamp of files that cannot be read: equal for the same reason, so it is logged once. */
    private record Failure(String reason) {
    }

    private Object stampOrFailure() {
        try {
            return stamp.read();
        } catch (IOException e) {
            return new Failure(e.toString());
        }
    }

    private T readOrFallback() {
        try {
            T value = reader.read();
            LOG.log(Level.DEBUG, () -> "read " + what + " again after a change");
            return value;
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> "cannot read " + what + " after a change, nothing from it is accepted: " + e);
            return unreadable;
        }
    }
}
