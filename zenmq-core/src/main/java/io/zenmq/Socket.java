// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import io.zenmq.internal.monitor.MonitorSink;
import io.zenmq.internal.socket.ServiceSockets;
import io.zenmq.internal.socket.SocketCore;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.zenmq.internal.socket.ReceiveTarget;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A ZeroMQ socket: bind or connect it to endpoints, then send and receive messages with the
 * semantics of its {@link SocketType}.
 *
 * <p>Call shapes follow {@link java.util.concurrent.BlockingQueue}: {@code send}/{@code recv}
 * block up to {@code SNDTIMEO}/{@code RCVTIMEO} and then throw {@link ErrorCode#EAGAIN};
 * {@code send(x, Duration)}/{@code recv(Duration)} return {@code false}/{@code null} on timeout;
 * {@code trySend}/{@code tryRecv} never block. {@code sendMore} sends a frame with more to come
 * (libzmq's {@code ZMQ_SNDMORE}); a multipart message is delivered whole or not at all.
 *
 * <p>Not thread-safe, except the types whose {@link SocketType#threadSafe()} is true (SERVER,
 * CLIENT, SCATTER, GATHER, PEER, CHANNEL): use a classic socket from one thread at a time, handing
 * it over with a happens-before edge. A thread-safe socket may be used by many threads at once
 * (send, receive, poll, options, close) and sends and receives single-frame messages only
 * ({@code sendMore} and multipart {@link Msg}s fail with {@link ErrorCode#EINVAL}). A thread
 * blocked in a call can be interrupted: the call throws {@link ErrorCode#EINTR}, the interrupt
 * flag stays set, and the socket stays usable.
 *
 * <p>Routing ids: a SERVER or PEER sets {@link Msg#routingId()} on every message it receives and
 * sends each message to the peer its routing id names ({@link ErrorCode#EHOSTUNREACH} if no peer
 * has it, which includes 0 and so every {@code send(byte[])}).
 *
 * <p>Buffer ownership: {@code send(byte[])} copies the bytes; {@link #send(Msg)} takes the
 * message's frames without copying. Every array returned by {@link #recv()} and every frame of a
 * message returned by {@link #recvMsg()} belongs to the caller, for good.
 *
 * <p>Receiving without allocating: {@link #recv(byte[], int, int)} and {@link #recv(ByteBuffer)}
 * copy the next frame into the caller's memory ({@code zmq_recv}: a longer frame is cut, its full
 * length returned); {@link #recvMsg(Msg)} refills one reused {@link Msg}. The arrays those
 * receives are done with go back to the tcp or ipc connection that filled them and are filled
 * again with later frames of the same length, so a steady stream allocates nothing on the
 * receiving side (over inproc, the sender's arrays arrive and nothing is allocated either).
 *
 * <p>Errors: {@link ErrorCode#ETERM} once the context is closed, {@link ErrorCode#ENOTSUP} for an
 * operation the type does not have (receiving on PUSH), {@link ErrorCode#EFSM} for REQ/REP out of
 * sequence, {@link ErrorCode#EINTR} when interrupted.
 */
public final class Socket implements AutoCloseable {
    private final SocketCore core;
    /** The target of {@link #recvMsg(Msg)} on a classic socket, made on first use. */
    private MsgRefill refill;

    Socket(SocketCore core) {
        this.core = core;
    }

    /**
     * Returns the socket's type.
     *
     * @return the type it was created with
     */
    public SocketType type() {
        return core.type();
    }

    /**
     * Binds to a local endpoint and starts accepting connections ({@code zmq_bind}).
     * {@code tcp://HOST:PORT} takes an IPv4 or {@code [IPv6]} literal, {@code *} for every
     * interface, and port {@code *} or {@code 0} for an ephemeral port. {@code ipc://PATH} is a
     * Unix-domain socket file; {@code ipc://@NAME} is a name in Linux's abstract namespace (no
     * file; it needs junixsocket, a dependency of zenmq that may be left out, and is then
     * {@link ErrorCode#EPROTONOSUPPORT}).
     *
     * @param endpoint e.g. {@code tcp://127.0.0.1:*}
     * @return the endpoint actually bound, with its port (also {@link SocketOptions#LAST_ENDPOINT})
     * @throws ZmqException {@link ErrorCode#EINVAL} for a malformed endpoint,
     *     {@link ErrorCode#EPROTONOSUPPORT} for an unknown transport, {@link ErrorCode#EADDRINUSE},
     *     {@link ErrorCode#EADDRNOTAVAIL}, {@link ErrorCode#ENAMETOOLONG} for an ipc path or name
     *     over 107 bytes (the {@code @} counts)
     */
    public String bind(String endpoint) {
        return core.bind(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /**
     * Connects to a remote endpoint ({@code zmq_connect}). Returns at once: the connection is made
     * in the background, retried every {@code RECONNECT_IVL}, and messages sent meanwhile are
     * queued for it (up to {@code SNDHWM}).
     *
     * @param endpoint e.g. {@code tcp://127.0.0.1:5555}
     * @throws ZmqException {@link ErrorCode#EINVAL} for a malformed endpoint,
     *     {@link ErrorCode#EPROTONOSUPPORT} for an unknown transport,
     *     {@link ErrorCode#ENAMETOOLONG} for an ipc path or name over 107 bytes
     */
    public void connect(String endpoint) {
        core.connect(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /**
     * Connects a PEER socket and returns the routing id of the new connection at once
     * ({@code zmq_connect_peer}), so messages can be sent to it before it is made (they queue).
     *
     * <pre>{@code
     * int id = peer.connectPeer("tcp://127.0.0.1:5555");
     * peer.send(Msg.of("hello").routingId(id));
     * }</pre>
     *
     * @param endpoint e.g. {@code tcp://127.0.0.1:5555}
     * @return the connection's uint32 routing id (print it with {@link Integer#toUnsignedLong(int)})
     * @throws ZmqException {@link ErrorCode#ENOTSUP} if this is not a PEER socket,
     *     {@link ErrorCode#EFAULT} if {@code ZMQ_IMMEDIATE} is set, else as {@link #connect}
     */
    public int connectPeer(String endpoint) {
        return core.connectPeer(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /**
     * Stops listening on an endpoint ({@code zmq_unbind}); the connections accepted through it
     * are dropped with their queued messages. An inproc name is released for another bind, and,
     * as in libzmq, the pipes already made through it stay.
     *
     * @param endpoint the endpoint as returned by {@link #bind(String)} (or as given to it)
     * @throws ZmqException {@link ErrorCode#ENOENT} if the socket is not bound there
     */
    public void unbind(String endpoint) {
        core.unbind(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /**
     * Drops the connections made by {@link #connect(String)} to this endpoint and stops
     * reconnecting to it ({@code zmq_disconnect}). Over tcp and ipc the messages queued for the
     * peer are dropped. Over inproc, as in libzmq, this socket stops sending to and receiving
     * from that pipe at once (dropping what it had not read), and the peer reads what was sent
     * before, then sees the pipe end; that holds for a connect still waiting for its name to be
     * bound, whose messages the binder then reads.
     *
     * @param endpoint the endpoint exactly as given to connect
     * @throws ZmqException {@link ErrorCode#ENOENT} if the socket is not connected there
     */
    public void disconnect(String endpoint) {
        core.disconnect(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /**
     * Sets an option.
     *
     * @param option the option key from {@link SocketOptions}
     * @param value the new value
     * @param <T> the option's value type
     * @return this socket, for chaining
     * @throws ZmqException {@link ErrorCode#EINVAL} for a value out of range or a read-only option
     */
    public <T> Socket set(Option<T> option, T value) {
        core.setOption(option, value);
        return this;
    }

    /**
     * Reads an option.
     *
     * @param option the option key from {@link SocketOptions}
     * @param <T> the option's value type
     * @return the current value (binary values are copies)
     */
    public <T> T get(Option<T> option) {
        return core.getOption(option);
    }

    /**
     * Subscribes to messages whose first frame starts with {@code topic} ({@code ZMQ_SUBSCRIBE});
     * an empty topic matches everything. SUB and XSUB; on XPUB with {@code XPUB_MANUAL} it
     * applies the subscription to the peer that sent the last one received.
     *
     * @param topic the prefix, copied
     * @return this socket
     * @throws ZmqException {@link ErrorCode#EINVAL} for a type without subscriptions
     */
    public Socket subscribe(byte[] topic) {
        core.subscribe(topic.clone());
        return this;
    }

    /**
     * Subscribes to a UTF-8 topic prefix ({@code ZMQ_SUBSCRIBE}).
     *
     * @param topic the prefix
     * @return this socket
     * @throws ZmqException {@link ErrorCode#EINVAL} for a type without subscriptions
     */
    public Socket subscribe(String topic) {
        core.subscribe(topic.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Removes one subscription to {@code topic} ({@code ZMQ_UNSUBSCRIBE}); subscriptions are
     * counted, so a topic subscribed twice needs two calls.
     *
     * @param topic the prefix, copied
     * @return this socket
     * @throws ZmqException {@link ErrorCode#EINVAL} for a type without subscriptions
     */
    public Socket unsubscribe(byte[] topic) {
        core.unsubscribe(topic.clone());
        return this;
    }

    /**
     * Removes one subscription to a UTF-8 topic ({@code ZMQ_UNSUBSCRIBE}).
     *
     * @param topic the prefix
     * @return this socket
     * @throws ZmqException {@link ErrorCode#EINVAL} for a type without subscriptions
     */
    public Socket unsubscribe(String topic) {
        core.unsubscribe(topic.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Joins a group on a DISH ({@code zmq_join}): the DISH receives what RADIOs send to it, and
     * tells its RADIO peers (again after every reconnect).
     *
     * @param group 1 to 255 bytes of UTF-8
     * @return this socket
     * @throws ZmqException {@link ErrorCode#ENOTSUP} on other types; {@link ErrorCode#EINVAL} for
     *     a group joined already or of a bad length
     */
    public Socket join(String group) {
        core.join(group.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Leaves a group on a DISH ({@code zmq_leave}).
     *
     * @param group 1 to 255 bytes of UTF-8
     * @return this socket
     * @throws ZmqException {@link ErrorCode#ENOTSUP} on other types; {@link ErrorCode#EINVAL} for
     *     a group not joined
     */
    public Socket leave(String group) {
        core.leave(group.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /**
     * Sends a single-frame message (or the last frame of a multipart one), blocking up to
     * {@code SNDTIMEO}.
     *
     * @param frame the bytes, copied
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code SNDTIMEO} expired
     */
    public void send(byte[] frame) {
        sendOrThrow(frame.clone(), false);
    }

    /**
     * Sends a UTF-8 string as a single-frame message (or the last frame), blocking up to
     * {@code SNDTIMEO}.
     *
     * @param frame the text
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code SNDTIMEO} expired
     */
    public void send(String frame) {
        sendOrThrow(frame.getBytes(StandardCharsets.UTF_8), false);
    }

    /**
     * Sends a frame with more frames of the same message to follow ({@code ZMQ_SNDMORE}).
     *
     * @param frame the bytes, copied
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code SNDTIMEO} expired
     */
    public void sendMore(byte[] frame) {
        sendOrThrow(frame.clone(), true);
    }

    /**
     * Sends a UTF-8 string frame with more frames to follow ({@code ZMQ_SNDMORE}).
     *
     * @param frame the text
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code SNDTIMEO} expired
     */
    public void sendMore(String frame) {
        sendOrThrow(frame.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * Sends a frame, waiting at most {@code timeout}.
     *
     * @param frame the bytes, copied
     * @param timeout the longest wait; {@link Option#INFINITE} for no limit
     * @return false if the timeout expired and nothing was sent
     */
    public boolean send(byte[] frame, Duration timeout) {
        return core.send(frame.clone(), false, nanos(timeout));
    }

    /**
     * Sends a frame if that is possible without waiting ({@code ZMQ_DONTWAIT}).
     *
     * @param frame the bytes, copied
     * @return false if the socket would have to wait
     */
    public boolean trySend(byte[] frame) {
        return core.send(frame.clone(), false, 0);
    }

    /**
     * Sends a frame with more to follow if that is possible without waiting.
     *
     * @param frame the bytes, copied
     * @return false if the socket would have to wait
     */
    public boolean trySendMore(byte[] frame) {
        return core.send(frame.clone(), true, 0);
    }

    /**
     * Sends a whole multipart message, blocking up to {@code SNDTIMEO}. Takes the frames without
     * copying; the message is left empty.
     *
     * @param msg a message with at least one frame
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code SNDTIMEO} expired
     */
    public void send(Msg msg) {
        if (!core.sendMsg(msg.groupBytes(), frames(msg), msg.routingId(), core.sendTimeoutNanos())) {
            throw new ZmqException(ErrorCode.EAGAIN, "send timed out");
        }
        msg.clear();
    }

    /**
     * Sends a whole multipart message, waiting at most {@code timeout}. On success the message
     * is left empty.
     *
     * @param msg a message with at least one frame
     * @param timeout the longest wait; {@link Option#INFINITE} for no limit
     * @return false if the timeout expired and nothing was sent
     */
    public boolean send(Msg msg, Duration timeout) {
        boolean sent = core.sendMsg(msg.groupBytes(), frames(msg), msg.routingId(), nanos(timeout));
        if (sent) {
            msg.clear();
        }
        return sent;
    }

    /**
     * Sends a whole multipart message if that is possible without waiting. On success the
     * message is left empty.
     *
     * @param msg a message with at least one frame
     * @return false if the socket would have to wait
     */
    public boolean trySend(Msg msg) {
        boolean sent = core.sendMsg(msg.groupBytes(), frames(msg), msg.routingId(), 0);
        if (sent) {
            msg.clear();
        }
        return sent;
    }

    /**
     * Receives one frame, blocking up to {@code RCVTIMEO}; {@link #hasMore()} tells whether more
     * frames of the same message follow.
     *
     * @return the frame's bytes
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code RCVTIMEO} expired
     */
    public byte[] recv() {
        byte[] frame = core.recv(core.receiveTimeoutNanos());
        if (frame == null) {
            throw new ZmqException(ErrorCode.EAGAIN, "receive timed out");
        }
        return frame;
    }

    /**
     * Receives one frame, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait; {@link Option#INFINITE} for no limit
     * @return the frame, or null if the timeout expired
     */
    public byte[] recv(Duration timeout) {
        return core.recv(nanos(timeout));
    }

    /**
     * Receives one frame if one is there ({@code ZMQ_DONTWAIT}).
     *
     * @return the frame, or null if none is queued
     */
    public byte[] tryRecv() {
        return core.recv(0);
    }

    /**
     * Receives one frame into part of an array, blocking up to {@code RCVTIMEO}, as libzmq's
     * {@code zmq_recv}: at most {@code length} bytes are copied; the rest of a longer frame is
     * dropped, and the frame's full length is returned, so a result above {@code length} means
     * the frame was cut. {@link #hasMore()} tells whether more frames of the message follow.
     * Allocates nothing (see the class comment on recycling).
     *
     * <pre>{@code
     * byte[] buffer = new byte[256];
     * int n = socket.recv(buffer, 0, buffer.length);
     * String text = new String(buffer, 0, Math.min(n, buffer.length), StandardCharsets.UTF_8);
     * }</pre>
     *
     * @param buffer where the bytes go
     * @param offset the first index written
     * @param length the most bytes written
     * @return the frame's length
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code RCVTIMEO} expired
     * @throws IndexOutOfBoundsException if the range is not inside {@code buffer} (checked before
     *     anything is received)
     */
    public int recv(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        int n = core.recv(buffer, offset, length, core.receiveTimeoutNanos());
        if (n < 0) {
            throw new ZmqException(ErrorCode.EAGAIN, "receive timed out");
        }
        return n;
    }

    /**
     * Receives one frame into part of an array, waiting at most {@code timeout}; as
     * {@link #recv(byte[], int, int)}.
     *
     * @param buffer where the bytes go
     * @param offset the first index written
     * @param length the most bytes written
     * @param timeout the longest wait; {@link Option#INFINITE} for no limit
     * @return the frame's length, or -1 if the timeout expired
     */
    public int recv(byte[] buffer, int offset, int length, Duration timeout) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return core.recv(buffer, offset, length, nanos(timeout));
    }

    /**
     * Receives one frame into part of an array if one is there ({@code ZMQ_DONTWAIT}); as
     * {@link #recv(byte[], int, int)}.
     *
     * @param buffer where the bytes go
     * @param offset the first index written
     * @param length the most bytes written
     * @return the frame's length, or -1 if none is queued
     */
    public int tryRecv(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        return core.recv(buffer, offset, length, 0);
    }

    /**
     * Receives one frame into a buffer, blocking up to {@code RCVTIMEO}: the bytes are written
     * from the buffer's position, at most {@code remaining()} of them (the rest of a longer frame
     * is dropped, as {@code zmq_recv} does), and the position moves past them; the limit stays.
     * Works for heap and direct buffers and allocates nothing.
     *
     * <pre>{@code
     * ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
     * buffer.clear();
     * int n = socket.recv(buffer);
     * buffer.flip();   // the frame's first min(n, 65536) bytes
     * }</pre>
     *
     * @param buffer where the bytes go
     * @return the frame's full length (above the bytes written if it was cut)
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code RCVTIMEO} expired
     * @throws java.nio.ReadOnlyBufferException for a read-only buffer (before anything is received)
     */
    public int recv(ByteBuffer buffer) {
        int n = core.recv(writable(buffer), core.receiveTimeoutNanos());
        if (n < 0) {
            throw new ZmqException(ErrorCode.EAGAIN, "receive timed out");
        }
        return n;
    }

    /**
     * Receives one frame into a buffer, waiting at most {@code timeout}; as {@link #recv(ByteBuffer)}.
     *
     * @param buffer where the bytes go
     * @param timeout the longest wait; {@link Option#INFINITE} for no limit
     * @return the frame's full length, or -1 if the timeout expired
     */
    public int recv(ByteBuffer buffer, Duration timeout) {
        return core.recv(writable(buffer), nanos(timeout));
    }

    /**
     * Receives one frame into a buffer if one is there ({@code ZMQ_DONTWAIT}); as
     * {@link #recv(ByteBuffer)}.
     *
     * @param buffer where the bytes go
     * @return the frame's full length, or -1 if none is queued
     */
    public int tryRecv(ByteBuffer buffer) {
        return core.recv(writable(buffer), 0);
    }

    /**
     * Receives one frame as UTF-8 text, blocking up to {@code RCVTIMEO}.
     *
     * @return the frame's text
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code RCVTIMEO} expired
     */
    public String recvString() {
        return new String(recv(), StandardCharsets.UTF_8);
    }

    /**
     * Receives one frame as UTF-8 text, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait; {@link Option#INFINITE} for no limit
     * @return the text, or null if the timeout expired
     */
    public String recvString(Duration timeout) {
        byte[] frame = recv(timeout);
        return frame == null ? null : new String(frame, StandardCharsets.UTF_8);
    }

    /**
     * Receives a whole multipart message, blocking up to {@code RCVTIMEO}.
     *
     * @return the message
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code RCVTIMEO} expired
     */
    public Msg recvMsg() {
        Msg msg = recvMsgWithin(core.receiveTimeoutNanos());
        if (msg == null) {
            throw new ZmqException(ErrorCode.EAGAIN, "receive timed out");
        }
        return msg;
    }

    /**
     * Receives a whole multipart message, waiting at most {@code timeout}.
     *
     * @param timeout the longest wait; {@link Option#INFINITE} for no limit
     * @return the message, or null if the timeout expired
     */
    public Msg recvMsg(Duration timeout) {
        return recvMsgWithin(nanos(timeout));
    }

    /**
     * Receives a whole multipart message if one is queued.
     *
     * @return the message, or null if none is queued
     */
    public Msg tryRecvMsg() {
        return recvMsgWithin(0);
    }

    /**
     * Receives a whole multipart message into {@code reuse}, blocking up to {@code RCVTIMEO}: its
     * frames are replaced by the new message's (and its routing id, group and properties by the
     * new message's). The arrays of the frames it held, if an earlier receive into it put them
     * there, go back to be filled with later messages: do not keep references to a reused
     * message's frames past the next receive into it. A loop over one {@code Msg} allocates
     * nothing once its frame list has grown to the messages' size.
     *
     * <pre>{@code
     * Msg msg = new Msg();
     * while (running) {
     *     socket.recvMsg(msg);
     *     handle(msg.frame(0));   // read the bytes now; they are refilled later
     * }
     * }</pre>
     *
     * @param reuse the message to refill
     * @throws ZmqException {@link ErrorCode#EAGAIN} if {@code RCVTIMEO} expired (the message is
     *     then left as it was)
     */
    public void recvMsg(Msg reuse) {
        if (!core.recvMessage(refill(reuse), core.receiveTimeoutNanos())) {
            throw new ZmqException(ErrorCode.EAGAIN, "receive timed out");
        }
    }

    /**
     * Receives a whole multipart message into {@code reuse}, waiting at most {@code timeout}; as
     * {@link #recvMsg(Msg)}.
     *
     * @param reuse the message to refill
     * @param timeout the longest wait; {@link Option#INFINITE} for no limit
     * @return false if the timeout expired (the message is then left as it was)
     */
    public boolean recvMsg(Msg reuse, Duration timeout) {
        return core.recvMessage(refill(reuse), nanos(timeout));
    }

    /**
     * Receives a whole multipart message into {@code reuse} if one is queued; as
     * {@link #recvMsg(Msg)}.
     *
     * @param reuse the message to refill
     * @return false if none is queued (the message is then left as it was)
     */
    public boolean tryRecvMsg(Msg reuse) {
        return core.recvMessage(refill(reuse), 0);
    }

    /**
     * Tells whether the last frame received has more frames of the same message after it
     * ({@code ZMQ_RCVMORE}).
     *
     * @return true if more frames follow
     */
    public boolean hasMore() {
        return core.rcvMore();
    }

    /**
     * Tells what the socket could do now without blocking ({@code ZMQ_EVENTS}, the same value as
     * {@code get(SocketOptions.EVENTS)}): {@link Poller#IN} if a receive would return a message
     * (a whole message is queued, or the rest of one in progress), {@link Poller#OUT} if a send
     * would be taken (for REQ and REP that includes being at the right step of the exchange).
     * Never {@link Poller#ERR}, as in libzmq. To wait for either, use a {@link Poller}.
     *
     * @return a mask of {@link Poller#IN} and {@link Poller#OUT}, 0 if neither
     * @throws ZmqException {@link ErrorCode#ETERM} once the context is closed,
     *     {@link ErrorCode#ENOTSOCK} once the socket is closed
     */
    public int events() {
        return core.events();
    }

    /**
     * Starts monitoring this socket's events ({@code zmq_socket_monitor}), replacing any earlier
     * monitor, which then ends with {@link EventType#MONITOR_STOPPED}. Events come with libzmq
     * 4.3's numbers and values (see {@link EventType}); inproc connections report none, as in
     * libzmq.
     *
     * @param events the events wanted, e.g. {@link EventType#all()}
     * @return the handle to read events from; closing it stops monitoring
     * @throws ZmqException {@link ErrorCode#ENOTSOCK} if the socket is closed
     */
    public SocketMonitor monitor(Set<EventType> events) {
        MonitorSink sink = new MonitorSink(Objects.requireNonNull(events, "events"), MonitorSink.DEFAULT_CAPACITY);
        core.monitor(sink);
        return new SocketMonitor(core, sink);
    }

    /**
     * Publishes this socket's events as libzmq does ({@code zmq_socket_monitor(s, endpoint,
     * mask)}): a PAIR socket bound to {@code inprocEndpoint} sends each event as two frames, a
     * 6-byte header (event number as uint16 and value as uint32, little-endian) and the endpoint.
     * Connect a PAIR socket of the same context to read them. Replaces any earlier monitor; the
     * stream ends with {@link EventType#MONITOR_STOPPED} (empty endpoint) when this socket or the
     * context closes. A small daemon thread sends the events; events the reader does not take in
     * time are dropped oldest first.
     *
     * @param inprocEndpoint e.g. {@code inproc://monitor}
     * @param events the events wanted
     * @throws ZmqException {@link ErrorCode#EPROTONOSUPPORT} for a transport other than inproc,
     *     {@link ErrorCode#EADDRINUSE} if the endpoint is taken, {@link ErrorCode#ENOTSOCK} if the
     *     socket is closed
     */
    public void monitor(String inprocEndpoint, Set<EventType> events) {
        ServiceSockets.publishEvents(core, inprocEndpoint, events);
    }

    /**
     * Closes the socket without blocking. Queued outbound messages keep going out in the
     * background for up to {@code LINGER}. Idempotent.
     */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return "Socket[" + core.type() + "]";
    }

    /** The engine room, for the {@link Poller}. */
    SocketCore core() {
        return core;
    }

    /** The reusing receive's view of a message: one per classic socket, one per call when threads share it. */
    private MsgRefill refill(Msg reuse) {
        Objects.requireNonNull(reuse, "reuse");
        if (core.type().threadSafe()) {
            return new MsgRefill().of(reuse);
        }
        MsgRefill r = refill;
        if (r == null) {
            r = new MsgRefill();
            refill = r;
        }
        return r.of(reuse);
    }

    private static ByteBuffer writable(ByteBuffer buffer) {
        if (buffer.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        return buffer;
    }

    private Msg recvMsgWithin(long timeoutNanos) {
        SocketCore.Received received = core.recvMessage(timeoutNanos);
        if (received == null) {
            return null;
        }
        Msg msg = new Msg(received.frames()).routingId(received.routingId());
        msg.setProperties(received.properties());
        byte[] group = received.group();
        if (group != null) {
            msg.setReceivedGroup(group);
        }
        return msg;
    }

    private void sendOrThrow(byte[] frame, boolean more) {
        if (!core.send(frame, more, core.sendTimeoutNanos())) {
            throw new ZmqException(ErrorCode.EAGAIN, "send timed out");
        }
    }

    private static List<byte[]> frames(Msg msg) {
        if (msg.isEmpty()) {
            throw new IllegalArgumentException("cannot send a message without frames");
        }
        return msg.frameList();
    }

    /**
     * A {@link Msg} as the target of a reusing receive ({@link #recvMsg(Msg)}). A classic socket
     * keeps one and points it at each call's message, so that receive allocates nothing; a
     * thread-safe socket makes one per call. Owner: the receiving thread, for one call.
     */
    private static final class MsgRefill implements ReceiveTarget {
        private Msg msg;

        MsgRefill of(Msg target) {
            this.msg = target;
            return this;
        }

        @Override
        public List<byte[]> frames() {
            return msg.frameList();
        }

        @Override
        public long recyclable() {
            return msg.recyclable();
        }

        @Override
        public void received(long recyclable, Map<String, byte[]> properties, int routingId, byte[] group) {
            msg.refilled(recyclable, properties, routingId, group);
        }
    }

    private static long nanos(Duration timeout) {
        if (timeout.equals(Option.INFINITE)) {
            return -1;
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("negative timeout: " + timeout);
        }
        return timeout.compareTo(Duration.ofDays(365 * 100)) > 0 ? -1 : timeout.toNanos();
    }
}
