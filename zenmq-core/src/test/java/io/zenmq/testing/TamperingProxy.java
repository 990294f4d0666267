// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of a ZMTP 3.x endpoint that reads the client-to-server stream frame by
 * frame (after the 64-byte greeting) and lets a {@link Tamper} rewrite the frames of the first
 * connection: flip a bit, send a frame twice, swap two frames. Later connections pass untouched, so
 * a client's reconnect shows the server is still serving. Server-to-client bytes pass as they are.
 * Owner: its own threads (one acceptor, two pumps per connection); {@link #close()} ends them all.
 */
public final class TamperingProxy implements AutoCloseable {
    /** What happens to the client's frames on the first connection. */
    public interface Tamper {
        /**
         * Rewrites one frame.
         *
         * @param index the frame's number after the greeting (0: the first command, HELLO for CURVE)
         * @param frame the whole frame, header included; may be changed in place
         * @return the frames to send instead (none, the frame, the frame twice...)
         */
        List<byte[]> frame(int index, byte[] frame);
    }

    private final ServerSocket server;
    private final int targetPort;
    private final Tamper tamper;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<java.net.Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    /**
     * Starts a proxy to a tcp endpoint on loopback.
     *
     * @param targetEndpoint e.g. {@code tcp://127.0.0.1:40123}
     * @param tamper what to do to the first connection's client frames
     * @throws IOException if the proxy cannot listen
     */
    public TamperingProxy(String targetEndpoint, Tamper tamper) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.targetPort = Integer.parseInt(targetEndpoint.substring(targetEndpoint.lastIndexOf(':') + 1));
        this.tamper = tamper;
        this.acceptor = new Thread(this::accept, "tampering-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Returns the endpoint clients connect to.
     *
     * @return {@code tcp://127.0.0.1:port}
     */
    public String endpoint() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                java.net.Socket client = server.accept();
                java.net.Socket upstream = new java.net.Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                boolean first = connections.getAndIncrement() == 0;
                start(() -> frames(client, upstream, first ? tamper : (i, f) -> List.of(f)));
                start(() -> raw(upstream, client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void start(Runnable pump) {
        Thread t = new Thread(pump, "tampering-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void frames(java.net.Socket from, java.net.Socket to, Tamper tamper) {
        try (from; to) {
            DataInputStream in = new DataInputStream(from.getInputStream());
            OutputStream out = to.getOutputStream();
            // the greeting goes through as it comes: both sides send it in stages, waiting for each other
            byte[] greeting = new byte[64];
            for (int got = 0; got < greeting.length; ) {
                int n = in.read(greeting, got, greeting.length - got);
                if (n < 0) {
                    return;
                }
                out.write(greeting, got, n);
                out.flush();
                got += n;
            }
            for (int index = 0; ; index++) {
                int flags = in.readUnsignedByte();
                boolean large = (flags & 0x02) != 0;
                long size = large ? in.readLong() : in.readUnsignedByte();
                if (size < 0 || size > (64 << 20)) {
                    return;
                }
                ByteBuffer frame = ByteBuffer.allocate((large ? 9 : 2) + (int) size).put((byte) flags);
                if (large) {
                    frame.putLong(size);
                } else {
                    frame.put((byte) size);
                }
                in.readFully(frame.array(), frame.position(), (int) size);
                for (byte[] rewritten : tamper.frame(index, frame.array())) {
                    out.write(rewritten);
                }
                out.flush();
            }
        } catch (EOFException e) {
            // the client went
        } catch (IOException e) {
            // either side closed
        }
    }

    private static void raw(java.net.Socket from, java.net.Socket to) {
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (java.net.Socket s : sockets) {
            s.close();
        }
    }
}
