// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zap;

import io.zenmq.ErrorCode;
import io.zenmq.Msg;
import io.zenmq.Option;
import io.zenmq.Socket;
import io.zenmq.SocketOptions;
import io.zenmq.ZapDecision;
import io.zenmq.ZapHandler;
import io.zenmq.ZmqException;
import io.zenmq.internal.ctx.ContextCore;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;

/**
 * Serves ZAP requests (RFC 27) from a {@link ZapHandler}: a ROUTER socket bound at
 * {@code inproc://zeromq.zap.01}, read by one daemon thread named {@code zenmq-zap}, which asks the
 * handler about each request in turn and replies through the request's envelope.
 *
 * <p>The thread owns the socket and closes it when it ends, which frees the endpoint for another
 * handler. It ends when {@link #stop()} interrupts it, or when the context closes: the context
 * runs {@link #requestStop()} and then joins it. Malformed requests are answered with status 400
 * if they carry a request id and dropped otherwise; a handler that throws gets 500 for that
 * request and the thread goes on.
 */
public final class ZapServer implements Runnable {
    /** The name of the serving thread. */
    public static final String THREAD_NAME = "zenmq-zap";
    private static final System.Logger LOG = System.getLogger(ZapServer.class.getName());

    private final Socket router;
    private final ZapHandler handler;
    private final Thread thread;
    private volatile boolean stopping;

    private ZapServer(Socket router, ZapHandler handler) {
        this.router = router;
        this.handler = handler;
        this.thread = new Thread(this, THREAD_NAME);
        thread.setDaemon(true);
    }

    /**
     * Binds a ROUTER socket at the ZAP endpoint and starts serving it. From then on the serving
     * thread owns the socket.
     *
     * @param router a new ROUTER socket of the context; closed here if the bind fails
     * @param handler the handler to ask
     * @param context the context, which stops and joins the thread when it closes
     * @return the running server
     * @throws ZmqException {@link ErrorCode#EADDRINUSE} if a handler is already bound in the context
     */
    public static ZapServer serve(Socket router, ZapHandler handler, ContextCore context) {
        Objects.requireNonNull(handler, "handler");
        try {
            router.set(SocketOptions.LINGER, Duration.ZERO);
            router.bind(ZapLayout.ENDPOINT);
        } catch (ZmqException e) {
            router.close();
            throw e;
        }
        ZapServer server = new ZapServer(router, handler);
        server.thread.start();
        context.addHelper(server.thread, server::requestStop);
        return server;
    }

    /** Asks the thread to end without waiting for it. Any thread. */
    public void requestStop() {
        stopping = true;
        thread.interrupt();
    }

    /**
     * Ends the thread and waits until it has closed the socket; returns at once when called from
     * the handler itself, and early (with the interrupt flag set) if the caller is interrupted.
     */
    public void stop() {
        requestStop();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return true until the thread has ended */
    public boolean isRunning() {
        return thread.isAlive();
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                Msg message = receive();
                if (message != null) {
                    answer(message);
                }
            }
        } catch (ZmqException e) {
            // ETERM: the context is closing
            LOG.log(Level.DEBUG, () -> "ZAP handler thread ends: " + e.getMessage());
        } finally {
            router.close();
        }
    }

    /** @return the next request, or null after an interrupt */
    private Msg receive() {
        try {
            return router.recvMsg(Option.INFINITE);
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.EINTR) {
                throw e;
            }
            // from stop(), which set stopping; a stray interrupt is cleared and ignored
            Thread.interrupted();
            return null;
        }
    }

    private void answer(Msg message) {
        ZapEnvelope envelope = ZapEnvelope.split(message.frames());
        if (envelope == null) {
            LOG.log(Level.WARNING, "dropped a ZAP request whose first frame is not an empty delimiter");
            return;
        }
        ZapRequestReader.Parsed parsed = ZapRequestReader.read(envelope.body());
        if (parsed.requestId() == null) {
            LOG.log(Level.WARNING, () -> "dropped a ZAP request: " + parsed.problem());
            return;
        }
        ZapDecision decision;
        if (parsed.request() == null) {
            LOG.log(Level.WARNING, () -> "refused a malformed ZAP request: " + parsed.problem());
            decision = ZapDecision.deny(parsed.problem());
        } else {
            decision = decide(parsed);
        }
        if (!router.trySend(envelope.reply(parsed.requestId(), decision))) {
            LOG.log(Level.DEBUG, "a ZAP reply found no room and was dropped");
        }
    }

    private ZapDecision decide(ZapRequestReader.Parsed parsed) {
        try {
            ZapDecision decision = handler.authenticate(parsed.request());
            if (decision != null) {
                return decision;
            }
            LOG.log(Level.ERROR, () -> "the ZAP handler returned no decision for " + parsed.request());
            return ZapDecision.internalError("the handler returned no decision");
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw (VirtualMachineError) e;
            }
            LOG.log(Level.ERROR, "the ZAP handler failed on " + parsed.request(), e);
            return ZapDecision.internalError("the handler failed: " + e.getClass().getName());
        }
    }
}
