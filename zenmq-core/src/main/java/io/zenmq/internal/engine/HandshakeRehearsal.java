// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.EventType;
import io.zenmq.SocketType;
import io.zenmq.internal.mechanism.Mechanisms;
import io.zenmq.internal.mechanism.SecurityConfig;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import io.zenmq.internal.zmtp.ConnectionSettings;
import io.zenmq.internal.zmtp.ZmtpConnection;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Once per JVM, on the thread of the first {@code bind} or {@code connect} of a stream endpoint:
 * initializes the engine's classes, then runs a NULL handshake and a short and a long message each
 * way between two {@link ZmtpConnection}s in memory, their frames going through a pipe. Otherwise
 * the first real connection loads, links and runs for the first time the engine, greeting,
 * handshake, framing and pipe classes on its I/O thread, in the middle of the application's first
 * round trip (tens of milliseconds in a fresh JVM); the rehearsal moves that work to the call that
 * set the connection up. It is far too short to make the JIT compile anything.
 *
 * <p>Owner: the calling thread; the rehearsal shares nothing but its once-only flag.
 */
final class HandshakeRehearsal {
    private static final System.Logger LOG = System.getLogger(HandshakeRehearsal.class.getName());
    private static final AtomicBoolean DONE = new AtomicBoolean();
    /** Output room per side: the greeting, READY and both messages fit at once. */
    private static final int BUFFER_SIZE = 4096;
    /** A body above 255 bytes takes the long frame header. */
    private static final int LONG_BODY = 300;
    private static final int SHORT_BODY = 16;
    /** Rounds of writing and reading both ways; three finish the handshake and the messages. */
    private static final int MAX_ROUNDS = 8;

    private HandshakeRehearsal() {
    }

    /** Runs the rehearsal if no thread has yet; never fails (it only saves time later). */
    static void once() {
        if (DONE.get() || !DONE.compareAndSet(false, true)) {
            return;
        }
        try {
            // the engine's own classes too, for the first connection a listener accepts
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            lookup.ensureInitialized(ZmtpEngine.class);
            lookup.ensureInitialized(ChannelSetup.class);
            lookup.ensureInitialized(BufferPool.class);
            if (!rehearse()) {
                LOG.log(System.Logger.Level.DEBUG, "handshake rehearsal did not finish");
            }
        } catch (IllegalAccessException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "handshake rehearsal failed", e);
        }
    }

    /**
     * Runs one rehearsal.
     *
     * @return true if both sides went active and received both messages
     */
    static boolean rehearse() {
        Side client = new Side(SocketType.DEALER);
        Side server = new Side(SocketType.ROUTER);
        ByteBuffer toServer = ByteBuffer.allocateDirect(BUFFER_SIZE);
        ByteBuffer toClient = ByteBuffer.allocateDirect(BUFFER_SIZE);
        client.connection.start(0);
        server.connection.start(0);
        for (int round = 0; round < MAX_ROUNDS && !(client.received == 2 && server.received == 2); round++) {
            deliver(client.connection, toServer, server);
            deliver(server.connection, toClient, client);
        }
        return client.connection.isActive() && server.connection.isActive()
                && client.received == 2 && server.received == 2;
    }

    /** Everything one side has to write, read at once by the other side. */
    private static void deliver(ZmtpConnection from, ByteBuffer wire, Side to) {
        from.takeWriteRequest();
        from.fill(wire);
        wire.flip();
        to.connection.received(wire, 0);
        to.arrived.flush();
        while (to.socketEnd.read() != null) {
            to.received++;
        }
        wire.compact();
    }

    /**
     * One end of the rehearsal: the connection, with a pipe between it and a stand-in socket that
     * has queued a short and a long message to send.
     */
    private static final class Side implements ZmtpConnection.Inbound, ZmtpConnection.Outbound,
            ZmtpConnection.Events, PipeListener {
        final ZmtpConnection connection;
        /** The connection's end of the pipe: frames it received go in, frames to send come out. */
        final Pipe arrived;
        /** The stand-in socket's end. */
        final Pipe socketEnd;
        int received;

        Side(SocketType type) {
            Pipe[] ends = Pipe.pair(this, 0, this, 0);
            socketEnd = ends[0];
            arrived = ends[1];
            socketEnd.write(new byte[SHORT_BODY], false);
            socketEnd.write(new byte[LONG_BODY], false);
            socketEnd.flush();
            ConnectionSettings settings = new ConnectionSettings(type, new byte[0], false, -1, 0, 0, 0, 0);
            connection = new ZmtpConnection(settings, Mechanisms.create(SecurityConfig.NULL, type.name(), null, null),
                    this, this, this);
        }

        @Override
        public boolean frame(byte[] body, int flags) {
            arrived.write(body, flags);
            return true;
        }

        @Override
        public byte[] next() {
            return arrived.read();
        }

        @Override
        public int lastFlags() {
            return arrived.lastFlags();
        }

        @Override
        public boolean handshakeSucceeded(Map<String, byte[]> peerProperties) {
            return true;
        }

        @Override
        public void handshakeFailed(EventType type, int value) {
            // a rehearsal that fails only saves less
        }

        @Override
        public void zapRequest(String mechanism, byte[][] credentials) {
            // NULL without a ZAP domain asks nobody
        }

        @Override
        public void pipeReadable(Pipe pipe) {
            // both ends are read right after each delivery
        }

        @Override
        public void pipeWritable(Pipe pipe) {
            // no high-water mark
        }
    }
}
