// SPDX-License-Identifier: MPL-2.0
package io.zenmq.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A ZMTP 2.0 or 1.0 peer over a blocking {@link java.net.Socket}, written from the bytes of
 * spec/zmtp.md section 3 (not from zenmq's codec), as libzmq 3.x and 2.x would speak: it sends its
 * whole greeting and identity frame at once, then reads and writes frames in its own framing.
 */
public final class OldZmtpPeer implements AutoCloseable {
    /** The protocol the peer speaks. */
    public enum Version {
        /** RFC 15: 12-byte greeting (revision 1), frames {@code flags size body}. */
        ZMTP_2_0,
        /** RFC 13: no greeting, frames {@code length(+1) flags body}. */
        ZMTP_1_0
    }

    /**
     * One frame as received.
     *
     * @param body the bytes
     * @param more whether the MORE flag was set
     */
    public record Frame(byte[] body, boolean more) {
        /**
         * Returns the body as ASCII text.
         *
         * @return the text
         */
        public String text() {
            return new String(body, StandardCharsets.US_ASCII);
        }
    }

    private static final int TIMEOUT_MILLIS = 10_000;

    private final Version version;
    private final java.net.Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] greeting;
    private final byte[] peerIdentity;

    private OldZmtpPeer(Version version, java.net.Socket socket, int socketType, String identity)
            throws IOException {
        this.version = version;
        this.socket = socket;
        socket.setSoTimeout(TIMEOUT_MILLIS);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        if (version == Version.ZMTP_2_0) {
            hello.writeBytes(new byte[] {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 1, (byte) socketType});
        }
        hello.writeBytes(frame(identity.getBytes(StandardCharsets.US_ASCII), false));
        out.write(hello.toByteArray());
        if (version == Version.ZMTP_2_0) {
            this.greeting = in.readNBytes(12);
        } else {
            // zenmq's signature is, to us, the header of its identity frame
            this.greeting = null;
        }
        this.peerIdentity = readFrame().body();
    }

    /**
     * Connects to a zenmq tcp endpoint, sends greeting and identity, and reads zenmq's.
     *
     * @param endpoint {@code tcp://127.0.0.1:port}
     * @param version the protocol to speak
     * @param socketType libzmq's number of the type we pretend to be (2.0 sends it)
     * @param identity our identity, empty for anonymous
     * @return the handshaken peer
     * @throws IOException if the connection fails or zenmq closes it
     */
    public static OldZmtpPeer connect(String endpoint, Version version, int socketType, String identity)
            throws IOException {
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        java.net.Socket socket = new java.net.Socket("127.0.0.1", port);
        try {
            return new OldZmtpPeer(version, socket, socketType, identity);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Accepts one connection from a zenmq socket that connects to {@code server}, then handshakes.
     *
     * @param server a listening socket
     * @param version the protocol to speak
     * @param socketType libzmq's number of the type we pretend to be
     * @param identity our identity, empty for anonymous
     * @return the handshaken peer
     * @throws IOException if nothing connects in time or the handshake fails
     */
    public static OldZmtpPeer accept(ServerSocket server, Version version, int socketType, String identity)
            throws IOException {
        server.setSoTimeout(TIMEOUT_MILLIS);
        java.net.Socket socket = server.accept();
        try {
            return new OldZmtpPeer(version, socket, socketType, identity);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Connects, sends greeting and identity as {@link #connect} does, and reads until zenmq closes the
     * connection (for peers zenmq must refuse).
     *
     * @param endpoint {@code tcp://127.0.0.1:port}
     * @param version the protocol to speak
     * @param socketType libzmq's number of the type we pretend to be
     * @return every byte zenmq sent before closing
     * @throws IOException if the connection fails or zenmq keeps it open past the timeout
     */
    public static byte[] refusedBy(String endpoint, Version version, int socketType) throws IOException {
        int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            if (version == Version.ZMTP_2_0) {
                out.write(new byte[] {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 0, 1, 0x7F, 1, (byte) socketType, 0, 0});
            } else {
                out.write(new byte[] {1, 0});
            }
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(rest);
            } catch (SocketException e) {
                // a reset ends the stream too
            }
            return rest.toByteArray();
        }
    }

    /**
     * Returns the 12-byte greeting zenmq sent a 2.0 peer.
     *
     * @return the bytes, or null for a 1.0 peer (which gets none)
     */
    public byte[] greeting() {
        return greeting == null ? null : greeting.clone();
    }

    /**
     * Returns the identity frame zenmq sent.
     *
     * @return its body
     */
    public byte[] peerIdentity() {
        return peerIdentity.clone();
    }

    /**
     * Encodes one frame in our framing.
     *
     * @param body the body
     * @param more the MORE flag
     * @return header and body
     */
    public byte[] frame(byte[] body, boolean more) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int flags = more ? 1 : 0;
        if (version == Version.ZMTP_2_0) {
            if (body.length > 255) {
                b.write(flags | 2);
                writeLong(b, body.length);
            } else {
                b.write(flags);
                b.write(body.length);
            }
        } else {
            long length = body.length + 1L;
            if (length < 255) {
                b.write((int) length);
            } else {
                b.write(0xFF);
                writeLong(b, length);
            }
            b.write(flags);
        }
        b.writeBytes(body);
        return b.toByteArray();
    }

    private static void writeLong(ByteArrayOutputStream b, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            b.write((int) (value >>> shift) & 0xFF);
        }
    }

    /**
     * Sends one message of text frames.
     *
     * @param frames the frames, in order
     * @throws IOException if the write fails
     */
    public void send(String... frames) throws IOException {
        byte[][] bodies = new byte[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            bodies[i] = frames[i].getBytes(StandardCharsets.US_ASCII);
        }
        send(bodies);
    }

    /**
     * Sends one message.
     *
     * @param frames the frame bodies, in order
     * @throws IOException if the write fails
     */
    public void send(byte[]... frames) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < frames.length; i++) {
            b.writeBytes(frame(frames[i], i < frames.length - 1));
        }
        out.write(b.toByteArray());
    }

    /**
     * Reads one frame in our framing.
     *
     * @return the frame
     * @throws IOException on EOF, timeout or a malformed header
     */
    public Frame readFrame() throws IOException {
        return readFrame(in.readUnsignedByte());
    }

    /**
     * Waits a short while for a frame (for probing a publisher): null if none starts in time.
     *
     * @param millis how long to wait for the frame's first byte
     * @return the frame, or null
     * @throws IOException on EOF or a malformed header
     */
    public Frame pollFrame(int millis) throws IOException {
        socket.setSoTimeout(millis);
        int first;
        try {
            first = in.readUnsignedByte();
        } catch (java.net.SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(TIMEOUT_MILLIS);
        }
        return readFrame(first);
    }

    /**
     * Reads exactly {@code n} raw bytes.
     *
     * @param n how many
     * @return the bytes
     * @throws IOException on EOF or timeout
     */
    public byte[] readBytes(int n) throws IOException {
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    private Frame readFrame(int first) throws IOException {
        long size;
        int flags;
        if (version == Version.ZMTP_2_0) {
            flags = first;
            size = (flags & 2) != 0 ? in.readLong() : in.readUnsignedByte();
        } else {
            long length = first == 0xFF ? in.readLong() : first;
            if (length < 1) {
                throw new IOException("ZMTP/1.0 frame of length " + length);
            }
            flags = in.readUnsignedByte();
            size = length - 1;
        }
        if (size > 1 << 24) {
            throw new IOException("implausible frame size " + size);
        }
        byte[] body = new byte[(int) size];
        in.readFully(body);
        return new Frame(body, (flags & 1) != 0);
    }

    /**
     * Reads frames up to and including one without MORE.
     *
     * @return the message's frames
     * @throws IOException on EOF or timeout
     */
    public List<Frame> readMessage() throws IOException {
        List<Frame> frames = new ArrayList<>();
        Frame frame;
        do {
            frame = readFrame();
            frames.add(frame);
        } while (frame.more());
        return frames;
    }

    /**
     * Reads one message and returns its frames as text.
     *
     * @return the frames
     * @throws IOException on EOF or timeout
     */
    public List<String> readTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Frame frame : readMessage()) {
            texts.add(frame.text());
        }
        return texts;
    }

    /**
     * Reads whatever comes until the other side closes the connection.
     *
     * @return the bytes read before the end of stream (or a reset)
     * @throws IOException if nothing ends the stream in time
     */
    public byte[] readToEnd() throws IOException {
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                rest.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // a reset ends the stream too
        }
        return rest.toByteArray();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
