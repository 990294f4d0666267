// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zap;

import io.zenmq.ErrorCode;
import io.zenmq.ZapDecision;
import io.zenmq.ZapHandler;
import io.zenmq.ZmqException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

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

    private final ZapSocket router;
    private final ZapHandler handler;
    private final Thread thread;
    private volatile boolean stopping;

    private ZapServer(ZapSocket router, ZapHandler handler) {
        this.router = router;
        this.handler = handler;
        this.thread = new Thread(this, THREAD_NAME);
        thread.setDaemon(true);
    }

    /**
     * Starts serving a ROUTER socket already bound at the ZAP endpoint. From then on the serving
     * thread owns the socket.
     *
     * @param router the bound socket
     * @param handler the handler to ask
     * @param helpers where the thread and the action that asks it to stop are registered, so that
     *     the context stops and joins the thread when it closes
     * @return the running server
     */
    public static ZapServer serve(ZapSocket router, ZapHandler handler, BiConsumer<Thread, Runnable> helpers) {
        Objects.requireNonNull(handler, "handler");
        ZapServer server = new ZapServer(router, handler);
        server.thread.start();
        helpers.accept(server.thread, server::requestStop);
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
                List<byte[]> message = receive();
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
    private List<byte[]> receive() {
        try {
            return router.recvMsg(-1);
        } catch (ZmqException e) {
            if (e.code() != ErrorCode.EINTR) {
                throw e;
            }
            // from stop(), which set stopping; a stray interrupt is cleared and ignored
            Thread.interrupted();
            return null;
        }
    }

    private void answer(List<byte[]> message) {
        ZapEnvelope envelope = ZapEnvelope.split(message);
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
        if (!router.sendMsg(envelope.reply(parsed.requestId(), decision).frames(), 0)) {
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
