// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.engine;

import io.zenmq.ErrorCode;
import io.zenmq.SocketType;
import io.zenmq.ZmqException;
import io.zenmq.internal.io.IoHandler;
import io.zenmq.internal.io.IoObject;
import io.zenmq.internal.io.IoThread;
import io.zenmq.internal.pipe.FrameQueue;
import io.zenmq.internal.pipe.Pipe;
import io.zenmq.internal.pipe.PipeListener;
import io.zenmq.internal.transport.UdpEndpoint;
import io.zenmq.internal.transport.UdpLayout;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Arrays;

/**
 * One udp endpoint of a RADIO, DISH or DGRAM socket (libzmq's udp engine and its session in one):
 * a {@link DatagramChannel} on an I/O thread and the pipe to the socket. A RADIO sends each
 * {@code [group][body]} message as one datagram to the endpoint's host or group; a DISH binds
 * (joining the multicast group, if any) and passes each datagram up as {@code [group][body]},
 * leaving the filtering to the socket, and drops the joins the socket sends it; a DGRAM binds
 * and both receives, as {@code [address][body]}, and sends to the address of each message, from
 * its bound port. Layouts are {@link UdpLayout}'s. No handshake, no reconnect, no monitor events
 * (libzmq's udp engine emits none).
 *
 * <p>Flow control: while the socket's queue is full the channel is not read (the kernel drops
 * what comes meanwhile, as with libzmq); a datagram the kernel cannot take now waits for the
 * channel to be writable. A message too big for one datagram (more than 8192 bytes with its
 * group) is dropped.
 *
 * <p>Owner: its I/O thread, after {@link #open} on the socket's thread. Pipe wake-ups arrive from
 * the socket's thread and are posted.
 */
public final class UdpSession implements PipeListener, IoObject, IoHandler {
    private static final System.Logger LOG = System.getLogger(UdpSession.class.getName());
    /** Datagrams read per readiness event, so one busy endpoint cannot starve the others. */
    private static final int READ_BATCH = 256;

    private final IoThread io;
    private final DatagramChannel channel;
    private final boolean sends;
    private final boolean receives;
    /** DGRAM: the first frame is the peer's address, the datagram the body alone. */
    private final boolean raw;
    private final InetSocketAddress destination;
    private final ByteBuffer in = ByteBuffer.allocateDirect(UdpLayout.MAX_DATAGRAM);
    private final ByteBuffer out = ByteBuffer.allocateDirect(UdpLayout.MAX_DATAGRAM);
    private final IoThread.Task sendQueuedTask = new IoThread.Task(this::sendQueued);
    private final IoThread.Task resumeInputTask = new IoThread.Task(this::resumeInput);
    private Pipe pipe;
    private SelectionKey key;
    /** The first frame (group or address) of the message being read from the pipe. */
    private byte[] head;
    /** Skipping the rest of a message of more than two frames. */
    private boolean skipping;
    /** A datagram the kernel had no room for: {@link #out} holds it, for {@link #pendingTarget}. */
    private boolean pending;
    private SocketAddress pendingTarget;
    /** DGRAM: the last address frame and what it parsed to, so a steady peer costs no parsing. */
    private byte[] lastAddressFrame;
    private InetSocketAddress lastAddress;
    private boolean readBlocked;
    private boolean done;
    private long dropped;

    private UdpSession(IoThread io, DatagramChannel channel, SocketType type, InetSocketAddress destination) {
        this.io = io;
        this.channel = channel;
        this.sends = type != SocketType.DISH;
        this.receives = type != SocketType.RADIO;
        this.raw = type == SocketType.DGRAM;
        this.destination = destination;
    }

    /**
     * A udp endpoint opened for a socket.
     *
     * @param session the session, to start on its I/O thread
     * @param socketEnd the socket's end of the pipe
     * @param endpoint the endpoint as bound (with the real port), or as given for a sender
     */
    public record Opened(UdpSession session, Pipe socketEnd, String endpoint) {
    }

    /**
     * Opens the channel of a udp endpoint on the caller's thread, so that errors are the bind's
     * or connect's: a receiver (DISH, DGRAM) binds it (and joins the multicast group), a RADIO
     * sending multicast sets the hops, loop and interface. Then post {@link #start()} to the I/O
     * thread.
     *
     * @param io the I/O thread that will own the session
     * @param socket the socket
     * @param options the socket's options, snapshotted
     * @param endpoint where to send, or what to bind
     * @param multicastHops {@code ZMQ_MULTICAST_HOPS}
     * @param multicastLoop {@code ZMQ_MULTICAST_LOOP}
     * @return the session and the socket's pipe end
     * @throws ZmqException {@link ErrorCode#EADDRINUSE}, {@link ErrorCode#EADDRNOTAVAIL},
     *     {@link ErrorCode#ENODEV} and the like
     */
    public static Opened open(IoThread io, SocketLink socket, ConnectionOptions options, UdpEndpoint endpoint,
                              int multicastHops, boolean multicastLoop) {
        SocketType type = options.type();
        boolean receiver = type != SocketType.RADIO;
        DatagramChannel channel = null;
        try {
            channel = endpoint.openChannel();
            if (options.sendBuffer() > 0) {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, options.sendBuffer());
            }
            if (options.receiveBuffer() > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, options.receiveBuffer());
            }
            String text = endpoint.toString();
            if (receiver) {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                if (endpoint.isMulticast()) {
                    // every receiver of a group on this host gets each datagram (libzmq sets it too)
                    channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                channel.bind(endpoint.bindAddress());
                if (endpoint.isMulticast()) {
                    channel.join(endpoint.target().getAddress(), endpoint.joinInterface());
                }
                text = endpoint.boundText(((InetSocketAddress) channel.getLocalAddress()).getPort());
            }
            if (type != SocketType.DISH && endpoint.isMulticast()) {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, multicastLoop);
                channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, multicastHops);
                if (endpoint.networkInterface() != null) {
                    channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, endpoint.networkInterface());
                }
            }
            if (type == SocketType.RADIO) {
                // one destination for good: the kernel keeps it, so each send skips the address (an
                // ICMP "port unreachable" then fails one later send, which loses that datagram only)
                channel.connect(endpoint.target());
            }
            UdpSession session = new UdpSession(io, channel, type, endpoint.target());
            Pipe[] ends = Pipe.pair(socket, options.sendHwm(), session, options.receiveHwm());
            session.pipe = ends[1];
            if (type == SocketType.RADIO) {
                ends[0].setTakesAllGroups();
            }
            return new Opened(session, ends[0], text);
        } catch (IOException | RuntimeException e) {
            Session.closeQuietly(channel);
            if (e instanceof ZmqException) {
                throw (ZmqException) e;
            }
            throw new ZmqException(openError(e), "cannot open " + endpoint + ": " + e.getMessage(), e);
        }
    }

    private static ErrorCode openError(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("in use")) {
            return ErrorCode.EADDRINUSE;
        }
        if (e instanceof BindException) {
            return ErrorCode.EADDRNOTAVAIL;
        }
        if (message.contains("No such device")) {
            return ErrorCode.ENODEV;
        }
        return ErrorCode.EINVAL;
    }

    /** Registers the channel and sends what is queued already. IO thread. */
    public void start() {
        io.add(this);
        try {
            key = io.register(channel, interest(), this);
        } catch (ClosedChannelException e) {
            finish();
            return;
        }
        sendQueued();
    }

    private int interest() {
        return (receives && !readBlocked ? SelectionKey.OP_READ : 0) | (pending ? SelectionKey.OP_WRITE : 0);
    }

    private void updateInterest() {
        if (key != null && key.isValid()) {
            key.interestOps(interest());
        }
    }

    @Override
    public void ready(SelectionKey readyKey) {
        if (readyKey.isReadable()) {
            receive();
        }
        if (!done && readyKey.isWritable()) {
            sendQueued();
        }
    }

    @Override
    public void failed(Throwable error) {
        LOG.log(System.Logger.Level.DEBUG, "udp endpoint failed", error);
        finish();
    }

    // ------------------------------------------------------------------ receiving

    private void receive() {
        boolean wrote = false;
        for (int i = 0; i < READ_BATCH && !done; i++) {
            if (!pipe.checkWritable()) {
                // resumed by pipeWritable once the socket drained its queue
                readBlocked = true;
                updateInterest();
                break;
            }
            in.clear();
            SocketAddress from;
            try {
                from = channel.receive(in);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "udp receive failed: " + e);
                break;
            }
            if (from == null) {
                break;
            }
            in.flip();
            wrote |= deliver((InetSocketAddress) from);
        }
        if (wrote) {
            pipe.flush();
        }
    }

    /** Hands one datagram to the socket as a two-frame message; false if it was ignored. */
    private boolean deliver(InetSocketAddress from) {
        byte[] first;
        if (raw) {
            first = UdpLayout.addressFrame(from);
        } else {
            int groupLength = UdpLayout.groupLength(in);
            if (groupLength < 0) {
                return false;
            }
            in.position(in.position() + UdpLayout.GROUP_LENGTH_LENGTH);
            first = new byte[groupLength];
            in.get(first);
        }
        byte[] body = new byte[in.remaining()];
        in.get(body);
        pipe.write(first, FrameQueue.FLAG_MORE);
        pipe.write(body, 0);
        return true;
    }

    private void resumeInput() {
        if (done || !readBlocked) {
            return;
        }
        readBlocked = false;
        updateInterest();
        receive();
    }

    // ------------------------------------------------------------------ sending

    private void sendQueued() {
        if (done || (pending && !sendPending())) {
            return;
        }
        byte[] frame;
        while ((frame = pipe.read()) != null) {
            if (!take(frame) || sendPending()) {
                continue;
            }
            return;
        }
        if (pipe.isInEnded()) {
            finish();
        }
    }

    /**
     * Takes one frame from the pipe; at a message's last frame prepares its datagram in
     * {@link #out}.
     *
     * @return true if a datagram is ready to go
     */
    private boolean take(byte[] frame) {
        boolean more = pipe.lastMore();
        if (!sends || (pipe.lastFlags() & (FrameQueue.FLAGS_GROUP | FrameQueue.FLAGS_SUBSCRIPTION)) != 0) {
            // a DISH's joins: udp has no JOIN, the receiver filters
            return false;
        }
        if (skipping) {
            skipping = more;
            return false;
        }
        if (head == null) {
            if (more) {
                head = frame;
            }
            return false;
        }
        byte[] first = head;
        head = null;
        if (more) {
            skipping = true;
            return false;
        }
        return raw ? prepareRaw(first, frame) : prepareGroup(first, frame);
    }

    private boolean prepareGroup(byte[] group, byte[] body) {
        if (group.length > 255 || !UdpLayout.fits(group, body)) {
            drop("a message of " + body.length + " bytes does not fit one datagram");
            return false;
        }
        out.clear();
        UdpLayout.putGroupDatagram(out, group, body);
        pendingTarget = destination;
        pending = true;
        return true;
    }

    private boolean prepareRaw(byte[] address, byte[] body) {
        if (!Arrays.equals(address, lastAddressFrame)) {
            lastAddress = UdpLayout.parseAddressFrame(address);
            lastAddressFrame = lastAddress == null ? null : address;
        }
        if (lastAddress == null) {
            drop("a DGRAM address is \"ip:port\"");
            return false;
        }
        if (body.length > UdpLayout.MAX_DATAGRAM) {
            drop("a datagram of " + body.length + " bytes is too big");
            return false;
        }
        out.clear();
        out.put(body).flip();
        pendingTarget = lastAddress;
        pending = true;
        return true;
    }

    private void drop(String why) {
        dropped++;
        LOG.log(System.Logger.Level.DEBUG, () -> "udp message dropped (" + dropped + " so far): " + why);
    }

    /** Sends the prepared datagram; false if the kernel has no room now (waits for OP_WRITE). */
    private boolean sendPending() {
        try {
            if ((raw ? channel.send(out, pendingTarget) : channel.write(out)) == 0) {
                updateInterest();
                return false;
            }
        } catch (IOException e) {
            // an unreachable peer or a refused send loses this datagram only, as with libzmq
            LOG.log(System.Logger.Level.DEBUG, () -> "udp send to " + pendingTarget + " failed: " + e);
        }
        boolean wasWaiting = key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) != 0;
        pending = false;
        if (wasWaiting) {
            updateInterest();
        }
        return true;
    }

    // ------------------------------------------------------------------ pipe wake-ups and closing

    @Override
    public void pipeReadable(Pipe ignored) {
        io.post(sendQueuedTask);
    }

    @Override
    public void pipeWritable(Pipe ignored) {
        io.post(resumeInputTask);
    }

    @Override
    public void contextTerminating(long deadlineNanos) {
        sendQueued();
        finish();
    }

    @Override
    public void forceClose() {
        finish();
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        if (key != null) {
            key.cancel();
        }
        Session.closeQuietly(channel);
        pipe.terminate();
        io.remove(this);
    }

    @Override
    public String toString() {
        return "UdpSession[" + destination + "]";
    }
}
