// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.support;

import java.nio.file.Path;
import java.util.Locale;

/** The transports an end-to-end benchmark runs over, named as in endpoints ({@code tcp}, ...). */
public enum Transport {
    /** Both sockets in one context, no I/O thread on the data path. */
    INPROC,
    /** Loopback TCP, each end in its own context (its own I/O thread), as two processes would be. */
    TCP,
    /** A Unix domain socket in a fresh temporary directory, each end in its own context. */
    IPC;

    /**
     * Parses a JMH parameter value.
     *
     * @param name {@code inproc}, {@code tcp} or {@code ipc}, in any case
     * @return the transport
     */
    public static Transport of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /**
     * Tells whether the two ends share one context.
     *
     * @return true for inproc, which only works within one context
     */
    public boolean sharesContext() {
        return this == INPROC;
    }

    /**
     * Returns the endpoint the binding end binds to. TCP uses port 0 ({@code *}); the bind call
     * returns the real endpoint.
     *
     * @param scratch a fresh directory that is deleted after the run (used by ipc)
     * @param unique distinguishes pairs opened in the same JVM (used by inproc)
     * @return the endpoint to bind
     */
    String bindEndpoint(Path scratch, int unique) {
        switch (this) {
            case INPROC:
                return "inproc://zenmq-jmh-" + unique;
            case TCP:
                return "tcp://127.0.0.1:*";
            case IPC:
                return "ipc://" + scratch.resolve("bench.ipc");
            default:
                throw new IllegalStateException("unknown transport " + this);
        }
    }
}
