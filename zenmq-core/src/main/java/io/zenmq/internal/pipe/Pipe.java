// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.pipe;

import io.zenmq.internal.queue.MpscWakeQueue;

/**
 * One end of a bidirectional pipe: the pair of {@link FrameQueue}s between a socket and one peer
 * (a connection's session, or another socket over inproc).
 *
 * <p>Each end is owned by one thread: it writes {@link #out} and reads {@link #in}. The end's
 * {@link PipeListener} is woken on its own end's behalf by the other thread. A pipe carries no
 * per-peer state of its owner: a pattern keeps its own typed state next to the pipe.
 */
public final class Pipe {
    /** The name of the handshake property that holds the peer's routing id. */
    public static final String IDENTITY_PROPERTY = "Identity";

    private final PipeQueue in;
    private final PipeQueue out;
    private final PipeListener listener;
    private Pipe peer;
    private boolean inEnded;
    private volatile java.util.Map<String, byte[]> peerProperties;
    private byte[] connectRoutingId;
    private boolean takesAllGroups;
    private final Wake readWake = new Wake(this, true);
    private final Wake writeWake = new Wake(this, false);

    /**
     * A reusable "this end became readable/writable" wake-up, for a listener that queues it in
     * an {@link MpscWakeQueue} instead of allocating a command per wake-up.
     */
    public static final class Wake extends MpscWakeQueue.Node {
        private final Pipe pipe;
        private final boolean read;

        private Wake(Pipe pipe, boolean read) {
            this.pipe = pipe;
            this.read = read;
        }

        /**
         * Returns the end that was woken.
         *
         * @return the pipe end
         */
        public Pipe pipe() {
            return pipe;
        }

        /**
         * Tells which wake-up this is.
         *
         * @return true if the end became readable, false if it became writable
         */
        public boolean readable() {
            return read;
        }
    }

    private Pipe(PipeQueue in, PipeQueue out, PipeListener listener) {
        this.in = in;
        this.out = out;
        this.listener = listener;
    }

    /**
     * Returns this end's reusable read wake-up.
     *
     * @return the node, the same every time
     */
    public Wake readWake() {
        return readWake;
    }

    /**
     * Returns this end's reusable write wake-up.
     *
     * @return the node, the same every time
     */
    public Wake writeWake() {
        return writeWake;
    }

    /**
     * Creates a connected pair of ends.
     *
     * @param a the listener of the first end
     * @param hwmAtoB the high-water mark of messages from the first end to the second
     * @param b the listener of the second end
     * @param hwmBtoA the high-water mark of messages from the second end to the first
     * @return the two ends, first then second
     */
    public static Pipe[] pair(PipeListener a, long hwmAtoB, PipeListener b, long hwmBtoA) {
        return pair(a, hwmAtoB, b, hwmBtoA, false);
    }

    /**
     * Creates a connected pair of ends, optionally conflating ({@code ZMQ_CONFLATE}): then each
     * direction holds only its newest whole message, never blocks its writer, and ignores the
     * high-water marks.
     *
     * @param a the listener of the first end
     * @param hwmAtoB the high-water mark of messages from the first end to the second
     * @param b the listener of the second end
     * @param hwmBtoA the high-water mark of messages from the second end to the first
     * @param conflate true for {@link ConflateQueue}s in both directions
     * @return the two ends, first then second
     */
    public static Pipe[] pair(PipeListener a, long hwmAtoB, PipeListener b, long hwmBtoA, boolean conflate) {
        PipeQueue aToB = conflate ? new ConflateQueue() : new FrameQueue(hwmAtoB);
        PipeQueue bToA = conflate ? new ConflateQueue() : new FrameQueue(hwmBtoA);
        Pipe first = new Pipe(bToA, aToB, a);
        Pipe second = new Pipe(aToB, bToA, b);
        first.peer = second;
        second.peer = first;
        // each queue wakes the end that reads it when a message arrives, and the end that writes
        // it when room is freed; each end's listener is told about its own end
        aToB.setWakers(second::announceReadable, first::announceWritable);
        bToA.setWakers(first::announceReadable, second::announceWritable);
        return new Pipe[] {first, second};
    }

    /** Called by the inbound queue's writer: this end has a message (or the end marker) to read. */
    private void announceReadable() {
        listener.pipeReadable(this);
    }

    /** Called by the outbound queue's reader: this end may write again. */
    private void announceWritable() {
        listener.pipeWritable(this);
    }

    /**
     * Tells whether a new outbound message fits; if not, this end is woken when it does.
     *
     * @return true if a message may be started
     */
    public boolean checkWritable() {
        return !out.isEndWritten() && out.checkWritable();
    }

    /**
     * Appends an outbound frame (visible to the peer at the next {@link #flush()}).
     *
     * @param frame the bytes, now owned by the pipe
     * @param more whether more frames of the message follow
     */
    public void write(byte[] frame, boolean more) {
        out.write(frame, more);
    }

    /**
     * Appends an outbound frame with flags ({@link FrameQueue#FLAG_MORE},
     * {@link FrameQueue#FLAGS_SUBSCRIPTION}).
     *
     * @param frame the bytes, now owned by the pipe
     * @param flags the frame's flags
     */
    public void write(byte[] frame, int flags) {
        out.write(frame, flags);
    }

    /**
     * Returns the flags of the last inbound frame read.
     *
     * @return {@link FrameQueue#FLAG_MORE} and {@link FrameQueue#FLAGS_SUBSCRIPTION} bits
     */
    public int lastFlags() {
        return in.lastFlags();
    }

    /**
     * Records the properties the peer announced in its handshake (READY metadata). Called by
     * the session before it tells the socket about the connection.
     *
     * @param properties the peer's properties, by exact name
     */
    public void setPeerProperties(java.util.Map<String, byte[]> properties) {
        this.peerProperties = java.util.Map.copyOf(properties);
    }

    /**
     * Tells whether the peer's handshake properties are known: true for accepted and inproc
     * pipes, and for a connecting pipe once its first connection is handshaken.
     *
     * @return true once {@link #setPeerProperties} was called
     */
    public boolean hasPeerProperties() {
        return peerProperties != null;
    }

    /**
     * Returns everything the peer announced (plus what authentication added).
     *
     * @return the unmodifiable properties, or null if not connected yet
     */
    public java.util.Map<String, byte[]> peerProperties() {
        return peerProperties;
    }

    /**
     * Returns a property the peer announced, looked up case-insensitively.
     *
     * @param name e.g. {@code Identity}
     * @return the value, or null if absent (or not connected yet)
     */
    public byte[] peerProperty(String name) {
        java.util.Map<String, byte[]> properties = peerProperties;
        if (properties == null) {
            return null;
        }
        for (java.util.Map.Entry<String, byte[]> e : properties.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * Returns the routing id the peer announced in its handshake: the {@value #IDENTITY_PROPERTY}
     * property of its READY metadata (or of the identity frame of an older peer).
     *
     * @return the id, possibly empty, or null if absent (or not connected yet)
     */
    public byte[] peerIdentity() {
        return peerProperty(IDENTITY_PROPERTY);
    }

    /**
     * Records the {@code ZMQ_CONNECT_ROUTING_ID} in force when this pipe was connected; the
     * socket's owner thread sets it before the pattern sees the pipe.
     *
     * @param routingId the id a ROUTER gives this peer, or null for none
     */
    public void setConnectRoutingId(byte[] routingId) {
        this.connectRoutingId = routingId;
    }

    /**
     * Returns the {@code ZMQ_CONNECT_ROUTING_ID} this pipe was connected with.
     *
     * @return the id, or null if none was set (or the pipe was accepted)
     */
    public byte[] connectRoutingId() {
        return connectRoutingId;
    }

    /**
     * Marks this end as leading to a receiver that filters groups itself (a udp RADIO's
     * datagrams go out whatever the group). Set by the socket's thread before the pattern sees
     * the pipe.
     */
    public void setTakesAllGroups() {
        this.takesAllGroups = true;
    }

    /**
     * Tells whether a RADIO sends every message down this pipe, joined or not.
     *
     * @return true for a udp sender's pipe
     */
    public boolean takesAllGroups() {
        return takesAllGroups;
    }

    /** Publishes the outbound frames written so far. */
    public void flush() {
        out.flush();
    }

    /** Drops an outbound message cut short. */
    public void rollback() {
        out.rollback();
    }

    /**
     * Tells whether an outbound message is half written.
     *
     * @return true between the first and the last frame of a message
     */
    public boolean isMidMessage() {
        return out.hasUnflushed();
    }

    /**
     * Takes the next inbound frame; null if none (this end is then woken on the next arrival).
     * After the end marker has been read, {@link #isInEnded()} is true and null is returned.
     *
     * @return the frame, or null
     */
    public byte[] read() {
        if (inEnded) {
            return null;
        }
        byte[] frame = in.read();
        if (frame != null && FrameQueue.isEnd(frame)) {
            inEnded = true;
            return null;
        }
        return frame;
    }

    /**
     * Returns an array for an outbound frame of exactly {@code length} bytes that the caller fills
     * entirely: one the peer end's reader gave back, or a new one. For a writer that makes its
     * frames (a connection's decoder), so that a stream received into the caller's buffers
     * allocates nothing. This end's thread only.
     *
     * @param length the frame's length, above 0
     * @return an array of that length, owned by the caller
     */
    public byte[] takeRecycled(int length) {
        return out.takeRecycled(length);
    }

    /**
     * Drops the arrays the peer end's reader gave back and the writer has not taken yet, so that
     * the collector may have them (for a decoder that found no heap for a frame). This end's
     * thread only.
     *
     * @return true if any was waiting
     */
    public boolean dropRecycled() {
        return out.dropRecycled();
    }

    /**
     * Tells whether {@code frame} is the array the last {@link #read()} returned, claiming it
     * (once) for {@link #recycle}. This end's thread only.
     *
     * @param frame a frame the socket received
     * @return true if it came straight from this pipe and may be recycled when done with
     */
    public boolean claimLastRead(byte[] frame) {
        return in.claimLastRead(frame);
    }

    /**
     * Gives an inbound array back to the writer of this end's inbound queue, to be refilled
     * (dropped unless that writer recycles, as a connection does). The caller must keep no
     * reference to it. This end's thread only.
     *
     * @param frame an array claimed with {@link #claimLastRead} from any pipe of this socket
     */
    public void recycle(byte[] frame) {
        in.recycle(frame);
    }

    /**
     * Tells whether a whole inbound message (or the end marker) is waiting.
     *
     * @return true if {@link #read()} would make progress
     */
    public boolean hasReadable() {
        return !inEnded && in.hasReadable();
    }

    /**
     * As {@link #hasReadable()}, but when nothing is waiting the reader is left asleep, so the
     * socket is woken by the next message (what {@code ZMQ_EVENTS} and a poller rely on).
     *
     * @return true if {@link #read()} would make progress
     */
    public boolean checkReadable() {
        return !inEnded && in.checkReadable();
    }

    /**
     * Tells whether the other end has read every whole message written here. Writer thread only.
     *
     * @return true if nothing written here is left unread
     */
    public boolean writtenAllRead() {
        return out.writtenAllRead();
    }

    /**
     * Tells whether the other end looked for more after its last read and found nothing, so that
     * it no longer needs what it read (see {@link PipeQueue#readerLookedForMore}). Writer thread only.
     *
     * @return true if the other end is waiting for the next message
     */
    public boolean readerLookedForMore() {
        return out.readerLookedForMore();
    }

    /**
     * Tells whether a whole inbound message (not just the end marker) is waiting.
     *
     * @return true if a message is queued
     */
    public boolean hasQueuedMessage() {
        return !inEnded && in.hasReadable() && !in.peekIsEnd();
    }

    /**
     * Tells whether the last inbound frame read has more frames after it.
     *
     * @return the MORE flag
     */
    public boolean lastMore() {
        return in.lastMore();
    }

    /**
     * Tells whether the peer ended its side: no inbound frame will ever come again.
     *
     * @return true once the end marker was read
     */
    public boolean isInEnded() {
        return inEnded;
    }

    /** Ends the outbound direction: the peer reads what was flushed, then the end marker. */
    public void terminate() {
        out.writeEnd();
    }

    /**
     * Tells whether this end already ended its outbound direction.
     *
     * @return true after {@link #terminate()}
     */
    public boolean isTerminated() {
        return out.isEndWritten();
    }

    /**
     * Returns this end's listener.
     *
     * @return the listener given at creation
     */
    public PipeListener listener() {
        return listener;
    }

    /**
     * Returns the other end.
     *
     * @return the peer end
     */
    public Pipe peer() {
        return peer;
    }
}
