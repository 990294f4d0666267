// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A scripted raw peer over a blocking loopback {@link java.net.Socket}: it writes whatever bytes a
 * test gives it, when the test says so, with helpers for the ZMTP 3.1 bytes a hostile test starts
 * from (written from spec/zmtp.md, not from zenmq's codec). Owner: the test thread.
 */
public final class RawZmtpPeer implements AutoCloseable {
    private final java.net.Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawZmtpPeer(java.net.Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to a zenmq tcp endpoint on loopback.
     *
     * @param endpoint e.g. {@code tcp://127.0.0.1:40123}
     * @return the connected peer, which has sent nothing yet
     * @throws IOException if the connection fails
     */
    public static RawZmtpPeer connect(String endpoint) throws IOException {
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        return new RawZmtpPeer(socket);
    }

    /**
     * Connects and sends a NULL greeting and a READY as the given socket type.
     *
     * @param endpoint the zenmq endpoint
     * @param socketType e.g. {@code PUSH}
     * @return the peer, handshake sent (zenmq's greeting and READY are not read)
     * @throws IOException if the connection fails
     */
    public static RawZmtpPeer handshaken(String endpoint, String socketType) throws IOException {
        RawZmtpPeer peer = connect(endpoint);
        peer.send(greeting("NULL", false));
        peer.send(ready(socketType));
        return peer;
    }

    /**
     * Writes bytes now.
     *
     * @param bytes what to write
     * @return this peer
     * @throws IOException if the write fails (the other side closed, say)
     */
    public RawZmtpPeer send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /**
     * Writes bytes a hostile test expects the other side to refuse: a close (even a reset) that
     * comes while they are written is not an error.
     *
     * @param bytes what to write
     * @return this peer
     */
    public RawZmtpPeer sendUnlessClosed(byte[] bytes) {
        try {
            return send(bytes);
        } catch (IOException closedMeanwhile) {
            return this;
        }
    }

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param n how many
     * @return the bytes; shorter if the other side closed first
     * @throws IOException if reading fails or times out
     */
    public byte[] read(int n) throws IOException {
        return in.readNBytes(n);
    }

    /**
     * Reads and drops everything until the other side closes the connection.
     *
     * @param timeout the longest wait for the close
     * @return true if it closed (end of stream or reset) in time
     * @throws IOException if reading fails otherwise
     */
    public boolean closedByPeerWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[65536];
        try {
            for (;;) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            // a reset is a close too
            return true;
        }
    }

    /**
     * Returns the underlying socket, for tests that need its options.
     *
     * @return the socket
     */
    public java.net.Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * A ZMTP 3.1 greeting.
     *
     * @param mechanism NULL, PLAIN or CURVE
     * @param asServer the as-server flag
     * @return the 64 bytes
     */
    public static byte[] greeting(String mechanism, boolean asServer) {
        byte[] g = new byte[64];
        g[0] = (byte) 0xFF;
        g[8] = 1;
        g[9] = 0x7F;
        g[10] = 3;
        g[11] = 1;
        byte[] name = mechanism.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, g, 12, name.length);
        g[32] = (byte) (asServer ? 1 : 0);
        return g;
    }

    /**
     * A READY command with a Socket-Type property.
     *
     * @param socketType the type's name
     * @return the command frame
     */
    public static byte[] ready(String socketType) {
        return command("READY", property("Socket-Type", socketType.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * One metadata property as it appears in READY or INITIATE.
     *
     * @param name the name (at most 255 bytes)
     * @param value the value
     * @return the encoded property
     */
    public static byte[] property(String name, byte[] value) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(1 + n.length + 4 + value.length)
                .put((byte) n.length).put(n).putInt(value.length).put(value).array();
    }

    /**
     * A command frame: name length, name, then the body, in a short or long frame as its size needs.
     *
     * @param name the command name
     * @param body the command data
     * @return the frame
     */
    public static byte[] command(String name, byte[] body) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] payload = ByteBuffer.allocate(1 + n.length + body.length).put((byte) n.length).put(n).put(body).array();
        return frame(0x04, payload);
    }

    /**
     * A frame with the given flags (LONG is added when the body needs it).
     *
     * @param flags 0x01 MORE, 0x04 COMMAND
     * @param body the body
     * @return the frame
     */
    public static byte[] frame(int flags, byte[] body) {
        if (body.length <= 255) {
            return ByteBuffer.allocate(2 + body.length).put((byte) flags).put((byte) body.length).put(body).array();
        }
        return ByteBuffer.allocate(9 + body.length).put((byte) (flags | 0x02)).putLong(body.length).put(body).array();
    }

    /**
     * A long frame header announcing any 64-bit size, with no body.
     *
     * @param flags the flags (LONG is added)
     * @param size the announced size, any value
     * @return the 9 header bytes
     */
    public static byte[] longHeader(int flags, long size) {
        return ByteBuffer.allocate(9).put((byte) (flags | 0x02)).putLong(size).array();
    }
}
