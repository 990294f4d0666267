// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A multipart message: an ordered list of frames, each a {@code byte[]}.
 *
 * <p>Messages are delivered whole or not at all. {@link Socket#send(Msg)} takes ownership of the
 * frames (it does not copy them); the caller must not change them afterwards. A received
 * {@code Msg} belongs to the caller. Not thread-safe.
 *
 * <p>Sending without copying or allocating: keep one {@code Msg}, add the frames and send it (a
 * successful send leaves it empty, ready for the next message). An array that is never changed
 * may be sent any number of times this way.
 *
 * <pre>{@code
 * byte[] payload = ...;          // never changed after this
 * Msg msg = new Msg();
 * for (int i = 0; i < n; i++) {
 *     socket.send(msg.add(payload));
 * }
 * }</pre>
 */
public final class Msg {
    private final List<byte[]> frames;
    /** The properties of the connection a received message came from; empty otherwise. */
    private Map<String, byte[]> properties = Map.of();

    /** Creates an empty message. */
    public Msg() {
        this.frames = new ArrayList<>(4);
    }

    private Msg(List<byte[]> frames) {
        this.frames = frames;
    }

    /**
     * Creates a message of the given frames (not copied).
     *
     * @param frames the frames, in order
     * @return the message
     */
    public static Msg of(byte[]... frames) {
        List<byte[]> list = new ArrayList<>(frames.length);
        for (byte[] frame : frames) {
            list.add(java.util.Objects.requireNonNull(frame, "frame"));
        }
        return new Msg(list);
    }

    /**
     * Creates a message of UTF-8 encoded string frames.
     *
     * @param frames the frames, in order
     * @return the message
     */
    public static Msg of(String... frames) {
        List<byte[]> list = new ArrayList<>(frames.length);
        for (String frame : frames) {
            list.add(frame.getBytes(StandardCharsets.UTF_8));
        }
        return new Msg(list);
    }

    /**
     * Appends a frame (not copied).
     *
     * @param frame the frame's bytes
     * @return this message
     */
    public Msg add(byte[] frame) {
        frames.add(java.util.Objects.requireNonNull(frame, "frame"));
        return this;
    }

    /**
     * Appends a UTF-8 encoded string frame.
     *
     * @param frame the frame's text
     * @return this message
     */
    public Msg add(String frame) {
        return add(frame.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the number of frames.
     *
     * @return the frame count
     */
    public int size() {
        return frames.size();
    }

    /**
     * Tells whether the message has no frames.
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return frames.isEmpty();
    }

    /**
     * Returns one frame (not copied).
     *
     * @param index the frame's position, from 0
     * @return the frame's bytes
     */
    public byte[] frame(int index) {
        return frames.get(index);
    }

    /**
     * Returns one frame decoded as UTF-8.
     *
     * @param index the frame's position, from 0
     * @return the frame's text
     */
    public String string(int index) {
        return new String(frames.get(index), StandardCharsets.UTF_8);
    }

    /**
     * Returns an unmodifiable view of the frames.
     *
     * @return the frames in order
     */
    public List<byte[]> frames() {
        return Collections.unmodifiableList(frames);
    }

    /** The frames themselves, for {@link Socket#send(Msg)}: no read-only view per message. */
    List<byte[]> frameList() {
        return frames;
    }

    /** Removes every frame. */
    public void clear() {
        frames.clear();
    }

    /**
     * Returns a property of the connection this message was received from, as libzmq's
     * {@code zmq_msg_gets}: {@code Socket-Type}, {@code Identity} (also as {@code Routing-Id}),
     * {@code Peer-Address} (tcp), {@code User-Id} and metadata a ZAP handler added, and any other
     * property the peer announced in its handshake. Names are case-insensitive.
     *
     * <pre>{@code
     * Msg msg = server.recvMsg();
     * String user = msg.property("User-Id");
     * }</pre>
     *
     * @param name the property name
     * @return the value as UTF-8 text, or null if the connection has no such property (or the
     *     message was not received from a connection)
     */
    public String property(String name) {
        byte[] value = propertyBytes(name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /**
     * Returns a connection property's raw bytes (see {@link #property(String)}).
     *
     * @param name the property name, case-insensitive
     * @return a copy of the value, or null if absent
     */
    public byte[] propertyBytes(String name) {
        byte[] value = find(name);
        if (value == null && name.equalsIgnoreCase("Routing-Id")) {
            value = find("Identity");
        }
        return value == null ? null : value.clone();
    }

    private byte[] find(String name) {
        for (Map.Entry<String, byte[]> e : properties.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Attaches the receiving connection's properties (shared, never modified). */
    void setProperties(Map<String, byte[]> connectionProperties) {
        this.properties = connectionProperties == null ? Map.of() : connectionProperties;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Msg[");
        for (int i = 0; i < frames.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(frames.get(i).length).append('B');
        }
        return sb.append(']').toString();
    }
}
