// SPDX-License-Identifier: MPL-2.0
package io.zenmq;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One ZAP authentication request (RFC 27): who is connecting, to which domain, with which security
 * mechanism and credentials. Immutable and thread-safe; every {@code byte[]} going in or out is
 * copied.
 *
 * <p>A {@link ZapHandler} receives these from the context's ZAP service, which has already checked
 * the frames: the version is {@code 1.0} and the credentials fit the mechanism (none for NULL, a
 * user name and a password for PLAIN, a 32-byte public key for CURVE). Tests of a handler can build
 * their own:
 *
 * <pre>{@code
 * ZapRequest request = ZapRequest.builder().address("10.0.0.7").plain("admin", "secret").build();
 * assert authenticator.authenticate(request).isAllowed();
 * }</pre>
 *
 * <p>The fields are what a libzmq 4.3 server sends: the request id is {@code 1}; the address is the
 * peer's IP address as text, without the port (for ipc on Linux {@code localhost:uid:gid:pid} of
 * the peer process); the identity is the <em>server</em> socket's own {@code ROUTING_ID}, because
 * the client's metadata has not arrived yet when ZAP is asked.
 */
public final class ZapRequest {
    /** The ZAP version this library speaks, the only one a handler ever sees. */
    public static final String VERSION = "1.0";
    private static final int CURVE_KEY_LENGTH = 32;

    /** The security mechanism a connecting peer uses, with the ZAP credentials each one carries. */
    public enum Mechanism {
        /** No credentials; only the address can be checked (RFC 23/37). */
        NULL,
        /** A user name and a password, sent in clear text (RFC 24). */
        PLAIN,
        /** The client's long-term CURVE public key, 32 bytes (RFC 25/26). */
        CURVE
    }

    private final byte[] requestId;
    private final String domain;
    private final String address;
    private final byte[] identity;
    private final Mechanism mechanism;
    private final List<byte[]> credentials;

    private ZapRequest(Builder builder) {
        this.requestId = builder.requestId.clone();
        this.domain = builder.domain;
        this.address = builder.address;
        this.identity = builder.identity.clone();
        this.mechanism = builder.mechanism;
        List<byte[]> copies = new ArrayList<>(builder.credentials.size());
        for (byte[] credential : builder.credentials) {
            copies.add(credential.clone());
        }
        this.credentials = copies;
    }

    /**
     * Starts a request: by default version 1.0, request id {@code 1}, empty domain, address and
     * identity, mechanism NULL.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the ZAP version of the request.
     *
     * @return always {@value #VERSION}: the service answers requests of other versions itself
     */
    public String version() {
        return VERSION;
    }

    /**
     * Returns the request id, which the reply echoes (libzmq always sends {@code 1}).
     *
     * @return a copy of the id's bytes
     */
    public byte[] requestId() {
        return requestId.clone();
    }

    /**
     * Returns the domain: the server socket's {@link SocketOptions#ZAP_DOMAIN}, often empty.
     *
     * @return the domain, decoded as UTF-8
     */
    public String domain() {
        return domain;
    }

    /**
     * Returns the peer's address: an IP address as text without a port ({@code 192.0.2.1},
     * {@code ::1}), or for ipc the peer's {@code localhost:uid:gid:pid}.
     *
     * @return the address, decoded as UTF-8
     */
    public String address() {
        return address;
    }

    /**
     * Returns the identity frame: in libzmq 4.3 and zenmq, the server socket's own routing id.
     *
     * @return a copy of its bytes, empty if the socket has none
     */
    public byte[] identity() {
        return identity.clone();
    }

    /**
     * Returns the mechanism the peer uses.
     *
     * @return NULL, PLAIN or CURVE
     */
    public Mechanism mechanism() {
        return mechanism;
    }

    /**
     * Returns the credential frames as they came: none for NULL, user name and password for PLAIN,
     * the 32-byte public key for CURVE.
     *
     * @return copies of the frames
     */
    public List<byte[]> credentials() {
        List<byte[]> copies = new ArrayList<>(credentials.size());
        for (byte[] credential : credentials) {
            copies.add(credential.clone());
        }
        return copies;
    }

    /**
     * Returns the PLAIN user name.
     *
     * @return the name, decoded as UTF-8
     * @throws IllegalStateException if the mechanism is not PLAIN
     */
    public String username() {
        return text(plainCredential(0));
    }

    /**
     * Returns the PLAIN password.
     *
     * @return the password, decoded as UTF-8
     * @throws IllegalStateException if the mechanism is not PLAIN
     */
    public String password() {
        return text(plainCredential(1));
    }

    /**
     * Returns the CURVE client's long-term public key.
     *
     * @return a copy of the 32 key bytes
     * @throws IllegalStateException if the mechanism is not CURVE
     */
    public byte[] clientKey() {
        return curveCredential().clone();
    }

    /**
     * Returns the CURVE client's long-term public key as Z85 text, the form certificates use.
     *
     * @return 40 characters
     * @throws IllegalStateException if the mechanism is not CURVE
     */
    public String clientKeyZ85() {
        return Z85.encode(curveCredential());
    }

    private byte[] plainCredential(int index) {
        if (mechanism != Mechanism.PLAIN) {
            throw new IllegalStateException("a " + mechanism + " request has no user name or password");
        }
        return credentials.get(index);
    }

    private byte[] curveCredential() {
        if (mechanism != Mechanism.CURVE) {
            throw new IllegalStateException("a " + mechanism + " request has no client key");
        }
        return credentials.get(0);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ZapRequest)) {
            return false;
        }
        ZapRequest that = (ZapRequest) other;
        if (mechanism != that.mechanism || credentials.size() != that.credentials.size()) {
            return false;
        }
        for (int i = 0; i < credentials.size(); i++) {
            if (!Arrays.equals(credentials.get(i), that.credentials.get(i))) {
                return false;
            }
        }
        return Arrays.equals(requestId, that.requestId) && domain.equals(that.domain)
                && address.equals(that.address) && Arrays.equals(identity, that.identity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, address, mechanism, Arrays.hashCode(requestId), Arrays.hashCode(identity));
    }

    /** Describes the request without its password. */
    @Override
    public String toString() {
        String who;
        switch (mechanism) {
            case PLAIN:
                who = " user=" + username();
                break;
            case CURVE:
                who = " key=" + clientKeyZ85();
                break;
            default:
                who = "";
        }
        return "ZapRequest[" + mechanism + who + " address=" + address + " domain=" + domain + "]";
    }

    /** Collects the fields of a {@link ZapRequest}. Not thread-safe. */
    public static final class Builder {
        private byte[] requestId = {'1'};
        private String domain = "";
        private String address = "";
        private byte[] identity = new byte[0];
        private Mechanism mechanism = Mechanism.NULL;
        private List<byte[]> credentials = List.of();

        private Builder() {
        }

        /**
         * Sets the request id.
         *
         * @param id the id's bytes, copied
         * @return this builder
         */
        public Builder requestId(byte[] id) {
            this.requestId = id.clone();
            return this;
        }

        /**
         * Sets the domain.
         *
         * @param domain e.g. {@code global}, or empty
         * @return this builder
         */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /**
         * Sets the peer's address.
         *
         * @param address e.g. {@code 127.0.0.1}
         * @return this builder
         */
        public Builder address(String address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Sets the identity frame.
         *
         * @param identity its bytes, copied
         * @return this builder
         */
        public Builder identity(byte[] identity) {
            this.identity = identity.clone();
            return this;
        }

        /**
         * Sets the mechanism and its raw credential frames; {@link #build()} checks that they fit.
         *
         * @param mechanism the mechanism
         * @param credentials the frames, copied
         * @return this builder
         */
        public Builder mechanism(Mechanism mechanism, byte[]... credentials) {
            this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
            List<byte[]> copies = new ArrayList<>(credentials.length);
            for (byte[] credential : credentials) {
                copies.add(credential.clone());
            }
            this.credentials = copies;
            return this;
        }

        /**
         * Makes this a PLAIN request.
         *
         * @param username the user name, sent as UTF-8
         * @param password the password, sent as UTF-8
         * @return this builder
         */
        public Builder plain(String username, String password) {
            return mechanism(Mechanism.PLAIN, username.getBytes(StandardCharsets.UTF_8),
                    password.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Makes this a CURVE request.
         *
         * @param clientKey the client's 32-byte long-term public key
         * @return this builder
         */
        public Builder curve(byte[] clientKey) {
            return mechanism(Mechanism.CURVE, clientKey);
        }

        /**
         * Creates the request.
         *
         * @return the request
         * @throws IllegalArgumentException if the credentials do not fit the mechanism: NULL takes
         *     none, PLAIN two, CURVE one of 32 bytes
         */
        public ZapRequest build() {
            int expected = mechanism == Mechanism.NULL ? 0 : mechanism == Mechanism.PLAIN ? 2 : 1;
            if (credentials.size() != expected) {
                throw new IllegalArgumentException(mechanism + " takes " + expected + " credential frames, not "
                        + credentials.size());
            }
            if (mechanism == Mechanism.CURVE && credentials.get(0).length != CURVE_KEY_LENGTH) {
                throw new IllegalArgumentException("a CURVE client key is " + CURVE_KEY_LENGTH + " bytes, not "
                        + credentials.get(0).length);
            }
            return new ZapRequest(this);
        }
    }
}
