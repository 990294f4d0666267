// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
 *
 * <p>Receiving without allocating: keep one {@code Msg} and pass it to
 * {@link Socket#recvMsg(Msg, java.time.Duration)} again and again. Each such receive replaces its
 * frames, and the arrays of the frames it held go back to the connection they came from, to be
 * filled with later messages. So do not keep a reference to a frame of a reused message past the
 * next receive into it: copy the bytes, or take the frames out of the message first
 * ({@link #pop()}, {@link #clear()}, {@link #duplicate()} or sending it all hand them over and
 * they are then never recycled).
 */
public final class Msg {
    /** The empty delimiter frame {@link #wrap} inserts; empty, so sharing it is safe. */
    private static final byte[] EMPTY = new byte[0];
    /** {@link #dump()} shows at most this many bytes of a frame... */
    private static final int DUMP_BYTES = 64;
    /** ...and at most this many frames. */
    private static final int DUMP_FRAMES = 16;
    /** Longest RADIO/DISH group in bytes ({@code ZMQ_GROUP_MAX_LENGTH} of libzmq 4.3.3 and later). */
    private static final int MAX_GROUP = 255;

    private final List<byte[]> frames;
    /** The properties of the connection a received message came from; empty otherwise. */
    private Map<String, byte[]> properties = Map.of();
    /** libzmq's uint32 routing id (SERVER, PEER), bit for bit; 0 = none. */
    private int routingId;
    /** RADIO/DISH group as UTF-8 bytes (1 to 255), or null for none. */
    private byte[] group;
    /** {@link #group} decoded, made on first ask. */
    private String groupText;
    /**
     * Bit {@code i}: frame {@code i} came straight from a connection into this message by
     * {@link Socket#recvMsg(Msg)}, so the next such receive may give it back for recycling.
     * Every change to the frames clears it.
     */
    private long recyclable;

    /** Creates an empty message. */
    public Msg() {
        this.frames = new ArrayList<>(4);
    }

    /** Wraps a list of frames without copying it; the list must be mutable if the message is changed. */
    Msg(List<byte[]> frames) {
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
        recyclable = 0;
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

    /**
     * Inserts a frame before the first one (not copied), as CZMQ's {@code zmsg_pushmem}: how a
     * broker puts an address in front of a message.
     *
     * @param frame the frame's bytes
     * @return this message
     */
    public Msg push(byte[] frame) {
        frames.add(0, java.util.Objects.requireNonNull(frame, "frame"));
        recyclable = 0;
        return this;
    }

    /**
     * Inserts a UTF-8 encoded string frame before the first one.
     *
     * @param frame the frame's text
     * @return this message
     */
    public Msg push(String frame) {
        return push(frame.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Removes and returns the first frame, as CZMQ's {@code zmsg_pop}.
     *
     * @return the first frame, or null if the message is empty
     */
    public byte[] pop() {
        recyclable = 0;
        return frames.isEmpty() ? null : frames.remove(0);
    }

    /**
     * Removes the first frame and decodes it as UTF-8.
     *
     * @return the first frame's text, or null if the message is empty
     */
    public String popString() {
        byte[] frame = pop();
        return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
    }

    /**
     * Puts an address and an empty delimiter frame in front of the message, so that
     * {@code [body...]} becomes {@code [address][][body...]}: the envelope a ROUTER uses to send
     * to a REQ peer (or through a REP).
     *
     * @param address the address frame, e.g. a routing id a ROUTER received (not copied)
     * @return this message
     */
    public Msg wrap(byte[] address) {
        java.util.Objects.requireNonNull(address, "address");
        recyclable = 0;
        frames.add(0, EMPTY);
        frames.add(0, address);
        return this;
    }

    /**
     * Takes the address off the front of the message, and the empty delimiter frame after it if
     * there is one: the reverse of {@link #wrap(byte[])}.
     *
     * @return the address frame, or null if the message is empty
     */
    public byte[] unwrap() {
        byte[] address = pop();
        if (address != null && !frames.isEmpty() && frames.get(0).length == 0) {
            frames.remove(0);
        }
        return address;
    }

    /**
     * Returns the first frame (not copied).
     *
     * @return the first frame, or null if the message is empty
     */
    public byte[] first() {
        return frames.isEmpty() ? null : frames.get(0);
    }

    /**
     * Returns the last frame (not copied): the body of a message behind an envelope.
     *
     * @return the last frame, or null if the message is empty
     */
    public byte[] last() {
        return frames.isEmpty() ? null : frames.get(frames.size() - 1);
    }

    /**
     * Returns a new message with the same frames (the arrays are shared, not copied), for
     * sending the same message more than once: {@link Socket#send(Msg)} empties the message it
     * sends. The routing id is copied; connection properties are not.
     *
     * @return the copy
     */
    public Msg duplicate() {
        Msg copy = new Msg(new ArrayList<>(frames)).routingId(routingId);
        copy.group = group;
        // the frames are shared now: neither message may give them back for recycling
        recyclable = 0;
        copy.groupText = groupText;
        return copy;
    }

    /**
     * Describes the frames for a log line, one line per frame: {@code [size] content}, the
     * content as text when it is printable UTF-8 and as {@code 0x} plus hex otherwise, each cut
     * after 64 bytes (marked {@code ...}), and at most 16 frames (then a line saying how many
     * more there are), so a huge message cannot flood a log.
     *
     * <pre>{@code
     * [005] hello
     * [000]
     * [004] 0x0001feff
     * }</pre>
     *
     * @return the description, without a trailing line break
     */
    public String dump() {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(frames.size(), DUMP_FRAMES);
        for (int i = 0; i < shown; i++) {
            byte[] frame = frames.get(i);
            if (i > 0) {
                sb.append('\n');
            }
            sb.append('[').append(String.format(Locale.ROOT, "%03d", frame.length)).append(']');
            if (frame.length > 0) {
                sb.append(' ');
                appendContent(sb, frame);
            }
        }
        if (frames.size() > shown) {
            sb.append("\n... ").append(frames.size() - shown).append(" more frames");
        }
        return sb.toString();
    }

    /** Appends the first {@link #DUMP_BYTES} bytes of a frame as text, or as hex if not printable. */
    private static void appendContent(StringBuilder sb, byte[] frame) {
        int length = Math.min(frame.length, DUMP_BYTES);
        String text = printable(frame, length);
        if (text != null) {
            sb.append(text);
        } else {
            sb.append("0x").append(HexFormat.of().formatHex(frame, 0, length));
        }
        if (length < frame.length) {
            sb.append("...");
        }
    }

    /** The first {@code length} bytes as text if they are valid UTF-8 without control characters; else null. */
    private static String printable(byte[] frame, int length) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(frame, 0, length)).toString();
        } catch (CharacterCodingException e) {
            // a cut inside a multi-byte character also lands here: hex is fine for a log
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return null;
            }
        }
        return text;
    }

    /**
     * Returns the RADIO/DISH group of this message: the group a DISH received it in, or the group
     * a RADIO will send it to.
     *
     * @return the group, or null if none was set
     */
    public String group() {
        if (groupText == null && group != null) {
            groupText = new String(group, StandardCharsets.UTF_8);
        }
        return groupText;
    }

    /**
     * Sets the group a RADIO sends this message to ({@code zmq_msg_set_group}). The group stays
     * with the message until changed, also after a send emptied it, so one {@code Msg} can carry
     * message after message to the same group.
     *
     * <pre>{@code
     * radio.send(new Msg().group("weather").add("sunny"));
     * }</pre>
     *
     * @param group 1 to 255 bytes of UTF-8, or null for none
     * @return this message
     * @throws ZmqException {@link ErrorCode#EINVAL} for an empty group or one longer than 255 bytes
     */
    public Msg group(String group) {
        if (group == null) {
            this.group = null;
            this.groupText = null;
            return this;
        }
        byte[] bytes = group.getBytes(StandardCharsets.UTF_8);
        checkGroup(bytes);
        this.group = bytes;
        this.groupText = group;
        return this;
    }

    /**
     * Checks a group's length, as {@code zmq_msg_set_group} and {@code zmq_join} do.
     *
     * @param group the group's bytes
     * @throws ZmqException {@link ErrorCode#EINVAL} unless 1 to 255 bytes
     */
    static void checkGroup(byte[] group) {
        if (group.length == 0 || group.length > MAX_GROUP) {
            throw new ZmqException(ErrorCode.EINVAL, "a group has 1 to " + MAX_GROUP + " bytes, not " + group.length);
        }
    }

    /** The group's bytes (not copied), for {@link Socket#send(Msg)}; null for none. */
    byte[] groupBytes() {
        return group;
    }

    /** Sets the group a message was received in (the bytes as they came, not checked). */
    void setReceivedGroup(byte[] received) {
        this.group = received;
        this.groupText = null;
    }

    /**
     * Returns the routing id of the peer a message came from (received on a SERVER or PEER) or
     * goes to (sent from one): libzmq's {@code zmq_msg_routing_id}, a uint32 carried bit for bit
     * in an {@code int} (print it with {@link Integer#toUnsignedLong(int)}).
     *
     * @return the routing id, 0 if none
     */
    public int routingId() {
        return routingId;
    }

    /**
     * Sets the routing id a SERVER or PEER sends this message to ({@code zmq_msg_set_routing_id});
     * other socket types ignore it. A send leaves it in place, so one {@code Msg} can be reused
     * for many messages to the same peer.
     *
     * <pre>{@code
     * Msg request = server.recvMsg();
     * server.send(Msg.of("reply").routingId(request.routingId()));
     * }</pre>
     *
     * @param id the peer's routing id, 0 for none
     * @return this message
     */
    public Msg routingId(int id) {
        this.routingId = id;
        return this;
    }

    /** Removes every frame (the routing id stays). */
    public void clear() {
        frames.clear();
        recyclable = 0;
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

    /** The frames a reusing receive may give back, see {@link #recyclable}. */
    long recyclable() {
        return recyclable;
    }

    /** Records what a reusing receive put in: which frames may be recycled, and where they came from. */
    void refilled(long recyclableFrames, Map<String, byte[]> connectionProperties, int id, byte[] receivedGroup) {
        this.recyclable = recyclableFrames;
        setProperties(connectionProperties);
        this.routingId = id;
        setReceivedGroup(receivedGroup);
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
