// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.zmtp;

import static io.zenmq.internal.zmtp.ZmtpLayout.AS_SERVER_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.GREETING_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.MAJOR_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.MECHANISM_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.MECHANISM_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.MINOR_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.PADDING_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.PADDING_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.PADDING_ROUTING_ID_BIAS;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_END;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_END_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_END_VERSIONED_BIT;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_LENGTH;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_START;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_START_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.VERSION_MAJOR;
import static io.zenmq.internal.zmtp.ZmtpLayout.VERSION_MINOR;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ZMTP greeting (spec/zmtp.md sections 2 and 3): an encoder for our 64-byte ZMTP 3.1 greeting and
 * an incremental {@link Decoder} for the peer's, which tells a ZMTP 3.x, 2.0 or 1.0 peer apart as libzmq
 * 4.3 does. {@link GreetingExchange} decides what to send when.
 */
public final class Greeting {
    private Greeting() {
    }

    /**
     * Encodes our greeting for a socket without routing id (padding = big-endian uint64 1).
     *
     * @param mechanism mechanism name, 1..20 ASCII characters (e.g. {@code "NULL"})
     * @param asServer true to set the as-server byte (PLAIN/CURVE server role), false otherwise
     * @return a new 64-byte array
     * @throws IllegalArgumentException if the mechanism is empty, longer than 20 chars, or not ASCII
     */
    public static byte[] encode(String mechanism, boolean asServer) {
        return encode(mechanism, asServer, 0);
    }

    /**
     * Encodes our greeting: signature with padding = big-endian uint64 of the routing-id length + 1 (the
     * header of our identity frame, to a ZMTP 1.0 peer), version 3.1, mechanism NUL-padded to 20 bytes,
     * as-server flag, 31 zero bytes.
     *
     * @param mechanism mechanism name, 1..20 ASCII characters (e.g. {@code "NULL"})
     * @param asServer true to set the as-server byte (PLAIN/CURVE server role), false otherwise
     * @param routingIdLength length of our ZMQ_ROUTING_ID, 0 if none
     * @return a new 64-byte array
     * @throws IllegalArgumentException if the mechanism is empty, longer than 20 chars, or not ASCII
     */
    public static byte[] encode(String mechanism, boolean asServer, int routingIdLength) {
        if (mechanism.isEmpty() || mechanism.length() > MECHANISM_LENGTH) {
            throw new IllegalArgumentException("mechanism name must be 1.." + MECHANISM_LENGTH
                    + " ASCII characters: " + mechanism);
        }
        byte[] g = new byte[GREETING_LENGTH];
        g[SIGNATURE_START_OFFSET] = (byte) SIGNATURE_START;
        long padding = routingIdLength + PADDING_ROUTING_ID_BIAS;
        for (int i = PADDING_OFFSET + PADDING_LENGTH - 1; i >= PADDING_OFFSET; i--) {
            g[i] = (byte) padding;
            padding >>>= Byte.SIZE;
        }
        g[SIGNATURE_END_OFFSET] = (byte) SIGNATURE_END;
        g[MAJOR_OFFSET] = (byte) VERSION_MAJOR;
        g[MINOR_OFFSET] = (byte) VERSION_MINOR;
        for (int i = 0; i < mechanism.length(); i++) {
            char c = mechanism.charAt(i);
            if (c == 0 || c > 0x7F) {
                throw new IllegalArgumentException("mechanism name must be ASCII: " + mechanism);
            }
            g[MECHANISM_OFFSET + i] = (byte) c;
        }
        g[AS_SERVER_OFFSET] = (byte) (asServer ? 1 : 0);
        return g;
    }

    /**
     * Incremental reader of the peer's greeting, which finds out on the way which protocol the peer
     * speaks (spec/zmtp.md section 3.1):
     * <ul>
     *   <li>first byte not 0xFF, or bit 0 of byte 9 clear: ZMTP 1.0 without greeting ("unversioned");
     *       complete at once, and what was read is the start of the peer's identity frame
     *       ({@link #unversionedBytes()});</li>
     *   <li>major version 0 or 1: a 12-byte greeting, ending with the peer's socket type;</li>
     *   <li>major version 2 or more: the 64-byte ZMTP 3.x greeting.</li>
     * </ul>
     * It never consumes a byte past the greeting, so traffic that follows in the same read stays in the
     * buffer. Owned by the IO thread of its connection.
     */
    public static final class Decoder {
        private static final int FIRST_BYTE = 1;

        private final byte[] buf = new byte[GREETING_LENGTH];
        private int received;
        private boolean unversioned;
        private boolean complete;

        /** Creates a decoder that has read nothing yet. */
        public Decoder() {
        }

        /**
         * Consumes greeting bytes from {@code in}, at most as many as are still missing, stopping at each
         * point where the peer's protocol may become known.
         *
         * @param in bytes from the peer; its position advances past the consumed bytes
         * @return true once the greeting is complete (also on later calls)
         */
        public boolean feed(ByteBuffer in) {
            while (!complete && in.hasRemaining()) {
                int n = Math.min(nextCheckpoint() - received, in.remaining());
                in.get(buf, received, n);
                received += n;
                inspect();
            }
            return complete;
        }

        private int nextCheckpoint() {
            if (received < FIRST_BYTE) {
                return FIRST_BYTE;
            }
            if (received < SIGNATURE_LENGTH) {
                return SIGNATURE_LENGTH;
            }
            if (received <= MAJOR_OFFSET) {
                return MAJOR_OFFSET + 1;
            }
            return expectedLength();
        }

        private void inspect() {
            if (received == FIRST_BYTE && (buf[SIGNATURE_START_OFFSET] & 0xFF) != SIGNATURE_START) {
                unversioned = true;
            } else if (received == SIGNATURE_LENGTH
                    && (buf[SIGNATURE_END_OFFSET] & SIGNATURE_END_VERSIONED_BIT) == 0) {
                unversioned = true;
            }
            complete = unversioned || (received > MAJOR_OFFSET && received == expectedLength());
        }

        private int expectedLength() {
            return (buf[MAJOR_OFFSET] & 0xFF) < LegacyLayout.FIRST_3X_REVISION
                    ? LegacyLayout.GREETING_LENGTH : GREETING_LENGTH;
        }

        /**
         * Returns whether the peer's whole signature is in and says it speaks ZMTP 2.0 or later (so it
         * waits for our major version byte).
         *
         * @return true once 10 bytes with bit 0 of byte 9 set were read
         */
        public boolean isVersioned() {
            return received >= SIGNATURE_LENGTH && !unversioned;
        }

        /**
         * Returns whether the peer's major version (revision) byte has arrived.
         *
         * @return true once byte 10 of a versioned greeting was read
         */
        public boolean hasMajor() {
            return received > MAJOR_OFFSET && !unversioned;
        }

        /**
         * Returns whether the peer is a ZMTP 1.0 peer without greeting.
         *
         * @return true if its first bytes were the header of an identity frame
         */
        public boolean isUnversioned() {
            return unversioned;
        }

        /**
         * Returns which protocol the peer speaks.
         *
         * @return the version
         * @throws IllegalStateException if the greeting is not complete
         */
        public ZmtpVersion version() {
            requireComplete();
            if (unversioned) {
                return ZmtpVersion.ZMTP_1_0;
            }
            int major = buf[MAJOR_OFFSET] & 0xFF;
            if (major == LegacyLayout.REVISION_1_0) {
                return ZmtpVersion.ZMTP_1_0_VERSIONED;
            }
            if (major == LegacyLayout.REVISION_2_0) {
                return ZmtpVersion.ZMTP_2_0;
            }
            return (buf[MINOR_OFFSET] & 0xFF) == 0 ? ZmtpVersion.ZMTP_3_0 : ZmtpVersion.ZMTP_3_1;
        }

        /**
         * Returns what an unversioned ZMTP 1.0 peer sent before it was recognised: the start of its
         * identity frame, to be decoded as 1.0 framing.
         *
         * @return a new array of 1 or 10 bytes
         * @throws IllegalStateException if the peer is not an unversioned 1.0 peer
         */
        public byte[] unversionedBytes() {
            if (!unversioned) {
                throw new IllegalStateException("the peer sent a versioned greeting");
            }
            return Arrays.copyOf(buf, received);
        }

        /**
         * Returns the socket-type byte of a 12-byte (ZMTP 2.0 or versioned 1.0) greeting.
         *
         * @return 0..255, libzmq's socket-type numbering
         * @throws IllegalStateException if the greeting is not complete or not 12 bytes
         */
        public int socketType() {
            requireComplete();
            if (received != LegacyLayout.GREETING_LENGTH) {
                throw new IllegalStateException("not a 12-byte greeting");
            }
            return buf[LegacyLayout.SOCKET_TYPE_OFFSET] & 0xFF;
        }

        private void requireComplete() {
            if (!complete) {
                throw new IllegalStateException("greeting incomplete: " + received + " bytes");
            }
        }

        /**
         * Returns how many greeting bytes have been read so far.
         *
         * @return 0..64
         */
        public int received() {
            return received;
        }

        /**
         * Returns whether the greeting is complete: 64 bytes (ZMTP 3.x), 12 bytes (2.0, versioned 1.0),
         * or an unversioned 1.0 peer recognised.
         *
         * @return true when complete
         */
        public boolean isComplete() {
            return complete;
        }

        /**
         * Returns the peer's major version.
         *
         * @return 0..255 (0 and 1 are legacy, 2 and more ZMTP 3.x)
         * @throws IllegalStateException if the version byte has not arrived yet
         */
        public int major() {
            if (!hasMajor()) {
                throw new IllegalStateException("no major version (yet)");
            }
            return buf[MAJOR_OFFSET] & 0xFF;
        }

        /**
         * Returns the peer's minor version (0 means ZMTP 3.0 behaviour, 1 or more ZMTP 3.1).
         *
         * @return 0..255
         * @throws IllegalStateException unless a whole 64-byte ZMTP 3.x greeting was read
         */
        public int minor() {
            requireReceived(GREETING_LENGTH);
            return buf[MINOR_OFFSET] & 0xFF;
        }

        /**
         * Returns the peer's mechanism name with trailing NULs stripped.
         *
         * @return e.g. {@code "NULL"}
         * @throws IllegalStateException unless a whole 64-byte ZMTP 3.x greeting was read
         */
        public String mechanism() {
            requireReceived(GREETING_LENGTH);
            int end = MECHANISM_OFFSET + MECHANISM_LENGTH;
            while (end > MECHANISM_OFFSET && buf[end - 1] == 0) {
                end--;
            }
            return new String(buf, MECHANISM_OFFSET, end - MECHANISM_OFFSET, StandardCharsets.US_ASCII);
        }

        /**
         * Returns the raw 20-byte mechanism field, for the exact comparison libzmq makes.
         *
         * @return a new 20-byte array
         * @throws IllegalStateException unless a whole 64-byte ZMTP 3.x greeting was read
         */
        public byte[] mechanismBytes() {
            requireReceived(GREETING_LENGTH);
            return Arrays.copyOfRange(buf, MECHANISM_OFFSET, MECHANISM_OFFSET + MECHANISM_LENGTH);
        }

        /**
         * Returns whether the peer's mechanism field equals that of {@code ourGreeting} byte for byte.
         *
         * @param ourGreeting our 64-byte greeting from {@link Greeting#encode}
         * @return true if all 20 mechanism bytes match
         * @throws IllegalStateException unless a whole 64-byte ZMTP 3.x greeting was read
         */
        public boolean sameMechanism(byte[] ourGreeting) {
            requireReceived(GREETING_LENGTH);
            int end = MECHANISM_OFFSET + MECHANISM_LENGTH;
            return Arrays.equals(buf, MECHANISM_OFFSET, end, ourGreeting, MECHANISM_OFFSET, end);
        }

        /**
         * Returns the peer's as-server byte as a flag. Never derive a role from it (libzmq always sends 0).
         *
         * @return true if the byte is non-zero
         * @throws IllegalStateException unless a whole 64-byte ZMTP 3.x greeting was read
         */
        public boolean asServer() {
            requireReceived(GREETING_LENGTH);
            return buf[AS_SERVER_OFFSET] != 0;
        }

        /** Forgets everything read so far. */
        public void reset() {
            received = 0;
            unversioned = false;
            complete = false;
            Arrays.fill(buf, (byte) 0);
        }

        private void requireReceived(int needed) {
            if (received < needed) {
                throw new IllegalStateException("greeting incomplete: " + received + " of " + needed + " bytes");
            }
        }
    }
}
