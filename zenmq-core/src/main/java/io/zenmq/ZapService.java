// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import io.zenmq.internal.zap.ZapServer;

/**
 * A {@link ZapHandler} being served in a context, as returned by
 * {@link Context#zapHandler(ZapHandler)}; closing it uninstalls the handler.
 *
 * <pre>{@code
 * try (ZapService zap = ctx.zapHandler(new Authenticator().allow("127.0.0.1"))) {
 *     // sockets of ctx authenticate their peers through the handler
 * }
 * // the endpoint is free: another handler may be installed
 * }</pre>
 *
 * <p>Thread-safe. The service also ends, without being closed, when its context closes.
 */
public final class ZapService implements AutoCloseable {
    private final ZapServer server;

    ZapService(ZapServer server) {
        this.server = server;
    }

    /**
     * Tells whether the handler is still being served.
     *
     * @return false once {@link #close()} returned or the context closed
     */
    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * Stops serving and unbinds {@code inproc://zeromq.zap.01}; returns once the {@code zenmq-zap}
     * thread has ended. The thread is interrupted, so a handler call in progress should return
     * soon; close waits for it. Requests not answered by then get no answer, and their handshakes
     * end with the server's handshake timeout; later connections are treated as having no handler
     * (see {@link Context#zapHandler(ZapHandler)}). Idempotent. Called from within the handler, it
     * returns at once and the thread ends after that call.
     */
    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "ZapService[" + (isRunning() ? "running" : "stopped") + "]";
    }
}
