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
import static io.zenmq.internal.zmtp.ZmtpLayout.PADDING_VALUE;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_END;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_END_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_END_VERSIONED_BIT;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_START;
import static io.zenmq.internal.zmtp.ZmtpLayout.SIGNATURE_START_OFFSET;
import static io.zenmq.internal.zmtp.ZmtpLayout.VERSION_MAJOR;
import static io.zenmq.internal.zmtp.ZmtpLayout.VERSION_MINOR;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 64-byte ZMTP 3.1 greeting (spec/zmtp.md section 2): an encoder for ours and an incremental
 * {@link Decoder} for the peer's. Legacy ZMTP 1.0/2.0 peers are detected and rejected.
 */
public final class Greeting {
    private Greeting() {
    }

    /**
     * Encodes our greeting: signature with padding = big-endian uint64 1, version 3.1, mechanism
     * NUL-padded to 20 bytes, as-server flag, 31 zero bytes.
     *
     * @param mechanism mechanism name, 1..20 ASCII characters (e.g. {@code "NULL"})
     * @param asServer true to set the as-server byte (PLAIN/CURVE server role), false otherwise
     * @return a new 64-byte array
     * @throws IllegalArgumentException if the mechanism is empty, longer than 20 chars, or not ASCII
     */
    public static byte[] encode(String mechanism, boolean asServer) {
        if (mechanism.isEmpty() || mechanism.length() > MECHANISM_LENGTH) {
            throw new IllegalArgumentException("mechanism name must be 1.." + MECHANISM_LENGTH
                    + " ASCII characters: " + mechanism);
        }
        byte[] g = new byte[GREETING_LENGTH];
        g[SIGNATURE_START_OFFSET] = (byte) SIGNATURE_START;
        long padding = PADDING_VALUE;
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
     * Incremental reader of the peer's greeting. It never consumes more than the 64 greeting bytes, so
     * traffic that follows in the same read stays in the buffer. Each check runs as soon as the byte it
     * needs has arrived. Owned by the IO thread of its connection.
     */
    public static final class Decoder {
        private static final int FIRST_3X_REVISION = 2;

        private final byte[] buf = new byte[GREETING_LENGTH];
        private int received;

        /** Creates a decoder that has read nothing yet. */
        public Decoder() {
        }

        /**
         * Consumes greeting bytes from {@code in}, at most as many as are still missing.
         *
         * @param in bytes from the peer; its position advances past the consumed bytes
         * @return true once all 64 bytes have been read (also on later calls)
         * @throws ProtocolException ({@link ProtocolErrors#ZMTP_UNSPECIFIED}) if the peer speaks
         *         ZMTP 1.0 or 2.0, which zenmq does not support yet
         */
        public boolean feed(ByteBuffer in) throws ProtocolException {
            int n = Math.min(GREETING_LENGTH - received, in.remaining());
            if (n > 0) {
                int before = received;
                in.get(buf, received, n);
                received += n;
                validate(before);
            }
            return received == GREETING_LENGTH;
        }

        private void validate(int before) throws ProtocolException {
            if (covers(before, SIGNATURE_START_OFFSET)
                    && (buf[SIGNATURE_START_OFFSET] & 0xFF) != SIGNATURE_START) {
                throw legacy("ZMTP/1.0 peer (greeting does not start with 0xFF)");
            }
            if (covers(before, SIGNATURE_END_OFFSET)
                    && (buf[SIGNATURE_END_OFFSET] & SIGNATURE_END_VERSIONED_BIT) == 0) {
                throw legacy("ZMTP/1.0 peer (bit 0 of greeting byte 9 is clear)");
            }
            // libzmq reads revisions 0 and 1 as ZMTP 1.0/2.0 and anything from 2 on as 3.x
            if (covers(before, MAJOR_OFFSET) && (buf[MAJOR_OFFSET] & 0xFF) < FIRST_3X_REVISION) {
                throw legacy("ZMTP major version " + (buf[MAJOR_OFFSET] & 0xFF));
            }
        }

        private boolean covers(int before, int offset) {
            return before <= offset && offset < received;
        }

        private static ProtocolException legacy(String what) {
            return new ProtocolException(ProtocolErrors.ZMTP_UNSPECIFIED,
                    what + ": legacy ZMTP 1.0/2.0 is not supported yet");
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
         * Returns whether all 64 bytes have been read.
         *
         * @return true when complete
         */
        public boolean isComplete() {
            return received == GREETING_LENGTH;
        }

        /**
         * Returns the peer's major version.
         *
         * @return 3 or more
         * @throws IllegalStateException if the version byte has not arrived yet
         */
        public int major() {
            requireReceived(MAJOR_OFFSET + 1);
            return buf[MAJOR_OFFSET] & 0xFF;
        }

        /**
         * Returns the peer's minor version (0 means ZMTP 3.0 behaviour, 1 or more ZMTP 3.1).
         *
         * @return 0..255
         * @throws IllegalStateException if the greeting is not complete
         */
        public int minor() {
            requireReceived(GREETING_LENGTH);
            return buf[MINOR_OFFSET] & 0xFF;
        }

        /**
         * Returns the peer's mechanism name with trailing NULs stripped.
         *
         * @return e.g. {@code "NULL"}
         * @throws IllegalStateException if the greeting is not complete
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
         * @throws IllegalStateException if the greeting is not complete
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
         * @throws IllegalStateException if the greeting is not complete
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
         * @throws IllegalStateException if the greeting is not complete
         */
        public boolean asServer() {
            requireReceived(GREETING_LENGTH);
            return buf[AS_SERVER_OFFSET] != 0;
        }

        /** Forgets everything read so far. */
        public void reset() {
            received = 0;
            Arrays.fill(buf, (byte) 0);
        }

        private void requireReceived(int needed) {
            if (received < needed) {
                throw new IllegalStateException("greeting incomplete: " + received + " of " + needed + " bytes");
            }
        }
    }
}
