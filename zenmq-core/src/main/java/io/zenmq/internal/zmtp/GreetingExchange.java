// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ZmtpLayout.GREETING_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.MAJOR_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.MINOR_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_LENGTH;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Our side of the greeting, staged as libzmq 4.3 stages it so that ZMTP 3.x, 2.0 and 1.0 peers all
 * understand it (spec/zmtp.md sections 2.3 and 3.1):
 * <ol>
 *   <li>{@link #start()}: the 10-byte signature, whose padding is our routing-id length + 1;</li>
 *   <li>once the peer's signature shows a versioned peer: our major version byte (3);</li>
 *   <li>once the peer's major is known: the other 53 bytes to a 3.x peer, our socket-type byte to a
 *       2.0 (or revision-0) peer;</li>
 *   <li>to a legacy peer, once its greeting is complete: our identity frame. To an unversioned 1.0 peer
 *       the signature already was that frame's header, so only the routing-id bytes follow.</li>
 * </ol>
 * Neither side ever waits for the other before sending its signature and major, so two peers that both
 * stage never deadlock. A legacy peer is refused ({@link ProtocolErrors#ZMTP_UNSPECIFIED}) unless the
 * socket allows it, i.e. unless it uses NULL without a ZAP domain (security.md section 4.5: no downgrade
 * around authentication). A 2.0 peer of a type ours cannot talk to is refused
 * ({@link ProtocolErrors#ZMTP_INVALID_METADATA}), as a 3.x peer's READY would be; libzmq does not check.
 *
 * <p>Pure code: bytes in, bytes out. Owned by the IO thread of its connection.
 */
public final class GreetingExchange {
    private static final byte[] NOTHING = new byte[0];

    private enum Step { NONE, SIGNATURE, MAJOR, REST, IDENTITY }

    private final byte[] ours;
    private final String socketType;
    private final byte[] routingId;
    private final boolean legacyAllowed;
    private final Greeting.Decoder peer = new Greeting.Decoder();
    private Step sent = Step.NONE;

    /**
     * Prepares the exchange for one connection.
     *
     * @param mechanism our mechanism name, e.g. {@code "NULL"}
     * @param asServer whether we play the PLAIN/CURVE server role (the as-server byte)
     * @param socketType our socket type's wire name, e.g. {@code "DEALER"}
     * @param routingId our ZMQ_ROUTING_ID, empty if none (copied); legacy peers get it as our identity
     * @param legacyAllowed whether ZMTP 1.0/2.0 peers are accepted (NULL mechanism and no ZAP domain)
     */
    public GreetingExchange(String mechanism, boolean asServer, String socketType, byte[] routingId,
                            boolean legacyAllowed) {
        this.ours = Greeting.encode(mechanism, asServer, routingId.length);
        this.socketType = socketType;
        this.routingId = routingId.clone();
        this.legacyAllowed = legacyAllowed;
    }

    /**
     * Returns what to send as soon as the connection is up: our signature.
     *
     * @return a new 10-byte array
     */
    public byte[] start() {
        sent = Step.SIGNATURE;
        return Arrays.copyOf(ours, SIGNATURE_LENGTH);
    }

    /**
     * Consumes the peer's greeting bytes (never more) and returns what to send now.
     *
     * @param in bytes from the peer; its position advances past the greeting bytes consumed
     * @return bytes to send, possibly none
     * @throws ProtocolException if the peer is a legacy peer this socket refuses, or a 2.0 peer of an
     *         incompatible socket type
     * @throws IllegalStateException if {@link #start()} was not called
     */
    public byte[] feed(ByteBuffer in) throws ProtocolException {
        if (sent == Step.NONE) {
            throw new IllegalStateException("start() sends the signature first");
        }
        peer.feed(in);
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        if (peer.isUnversioned()) {
            if (sent == Step.SIGNATURE) {
                refuseUnlessAllowed(ZmtpVersion.ZMTP_1_0);
                reply.writeBytes(routingId);
                sent = Step.IDENTITY;
            }
            return reply.size() == 0 ? NOTHING : reply.toByteArray();
        }
        if (peer.isVersioned() && sent == Step.SIGNATURE) {
            reply.write(ours[MAJOR_OFFSET]);
            sent = Step.MAJOR;
        }
        if (peer.hasMajor() && sent == Step.MAJOR) {
            if (peer.major() < LegacyLayout.FIRST_3X_REVISION) {
                reply.write(LegacyLayout.socketTypeNumber(socketType));
            } else {
                reply.write(ours, MINOR_OFFSET, GREETING_LENGTH - MINOR_OFFSET);
            }
            sent = Step.REST;
        }
        if (peer.isComplete() && sent == Step.REST && peer.version().isLegacy()) {
            ZmtpVersion version = peer.version();
            refuseUnlessAllowed(version);
            if (version == ZmtpVersion.ZMTP_2_0) {
                checkSocketType();
            }
            reply.writeBytes(version == ZmtpVersion.ZMTP_2_0
                    ? FrameEncoder.frame(0, routingId) : FrameEncoder.zmtp10Frame(false, routingId));
            sent = Step.IDENTITY;
        }
        return reply.size() == 0 ? NOTHING : reply.toByteArray();
    }

    private void refuseUnlessAllowed(ZmtpVersion version) throws ProtocolException {
        if (!legacyAllowed) {
            throw new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED, version
                    + " peer refused: this socket authenticates its peers, which legacy ZMTP cannot do");
        }
    }

    private void checkSocketType() throws ProtocolException {
        int number = peer.socketType();
        String name = LegacyLayout.socketTypeName(number);
        if (name == null || !SocketTypes.compatible(socketType, name)) {
            throw new ProtocolException(ProtocolErrors.ZMTP_INVALID_METADATA,
                    "incompatible ZMTP/2.0 peer socket type " + (name != null ? name : "#" + number));
        }
    }

    /**
     * Returns whether the peer's greeting is complete (our own output may be still queued).
     *
     * @return true once the peer's protocol is known and its greeting read
     */
    public boolean isComplete() {
        return peer.isComplete();
    }

    /**
     * Returns the peer's protocol.
     *
     * @return the version
     * @throws IllegalStateException if the greeting is not complete
     */
    public ZmtpVersion version() {
        return peer.version();
    }

    /**
     * Returns the decoder of the peer's greeting, for its mechanism and the bytes an unversioned 1.0
     * peer already sent.
     *
     * @return the decoder
     */
    public Greeting.Decoder peer() {
        return peer;
    }

    /**
     * Returns whether the peer announced the same mechanism as ours (all 20 bytes, as libzmq compares).
     *
     * @return true if equal
     * @throws IllegalStateException unless a whole 64-byte ZMTP 3.x greeting was read
     */
    public boolean sameMechanism() {
        return peer.sameMechanism(ours);
    }
}
