// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.socket;

import io.zenmq.EventType;
import io.zenmq.SocketOptions;
import io.zenmq.SocketType;
import io.zenmq.internal.ctx.ContextMember;
import io.zenmq.internal.ctx.InprocPeer;
import io.zenmq.internal.ctx.InprocRegistry;
import io.zenmq.internal.engine.SocketLink;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A socket as other threads see it: I/O threads and inproc peers hand it pipes and wake-ups,
 * report events and read its linger; the context wakes it when it terminates. Every pipe end of
 * the socket has this as its listener. Posts go through the {@link Waiter} to the socket's
 * mailbox, so nothing here touches the socket's own state.
 *
 * <p>Owner: the socket's application thread creates it; any thread calls it, except where a
 * method says "socket thread".
 */
final class SocketInbox implements SocketLink, InprocPeer, ContextMember {
    private final SocketCore socket;
    private final SocketType type;
    private final InprocRegistry inprocNames;
    private final Waiter waiter;
    private final MonitorHook monitor;
    private final SocketPipes pipes;
    private volatile long lingerNanos = -1;
    /** ROUTING_ID as seen by inproc peers, which read it from their own threads. */
    private volatile byte[] inprocIdentity = new byte[0];

    SocketInbox(SocketCore socket, InprocRegistry inprocNames, Waiter waiter, MonitorHook monitor, SocketPipes pipes) {
        this.socket = socket;
        this.type = socket.type();
        this.inprocNames = inprocNames;
        this.waiter = waiter;
        this.monitor = monitor;
        this.pipes = pipes;
    }

    /** Publishes a new LINGER, in nanoseconds (-1 for infinite). Socket thread. */
    void lingerChanged(long nanos) {
        lingerNanos = nanos;
    }

    /** Publishes a new ROUTING_ID for inproc peers. Socket thread. */
    void identityChanged(byte[] routingId) {
        inprocIdentity = routingId;
    }

    @Override
    public long lingerNanos() {
        return lingerNanos;
    }

    @Override
    public boolean attachPipe(Pipe socketEnd) {
        return waiter.post(new Mailbox.Command(Mailbox.Kind.ATTACH, socketEnd));
    }

    @Override
    public void pipeConnected(Pipe socketEnd) {
        waiter.post(new Mailbox.Command(Mailbox.Kind.CONNECTED, socketEnd));
    }

    @Override
    public void pipeReadable(Pipe pipe) {
        waiter.post(pipe.readWake());
    }

    @Override
    public void pipeWritable(Pipe pipe) {
        waiter.post(pipe.writeWake());
    }

    @Override
    public void event(EventType eventType, String endpoint, long value) {
        monitor.event(eventType, endpoint, value);
    }

    @Override
    public Pipe connectZap(PipeListener client) {
        return ZapConnector.connect(inprocNames, client);
    }

    @Override
    public void wakeForTermination() {
        monitor.stop();
        waiter.wake();
    }

    /** {@inheritDoc} Its type and, as libzmq sends it over inproc whatever the type, its Identity. */
    @Override
    public Map<String, byte[]> inprocProperties() {
        return Map.of("Socket-Type", type.name().getBytes(StandardCharsets.US_ASCII), "Identity", inprocIdentity);
    }

    @Override
    public int sendHwm() {
        return socket.option(SocketOptions.SNDHWM);
    }

    @Override
    public int receiveHwm() {
        return socket.option(SocketOptions.RCVHWM);
    }

    /** {@inheritDoc} ({@code ZMQ_CONFLATE} set on a type it applies to.) Socket thread. */
    @Override
    public boolean conflates() {
        return socket.conflates();
    }

    /** {@inheritDoc} Socket thread. */
    @Override
    public void adoptInproc(Pipe socketEnd) {
        pipes.adopt(socketEnd);
    }
}
