// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

/**
 * A socket's security settings, snapshotted with its other connection options. Immutable.
 *
 * @param mechanism {@code NULL}, {@code PLAIN} or {@code CURVE}
 * @param asServer whether this side plays the server role of PLAIN or CURVE
 * @param username the PLAIN client's user name (UTF-8)
 * @param password the PLAIN client's password (UTF-8)
 * @param publicKey the CURVE long-term public key (32 bytes), empty if not set
 * @param secretKey the CURVE long-term secret key (32 bytes), empty if not set
 * @param serverKey the CURVE server's public key a client expects (32 bytes), empty if not set
 * @param zapDomain the ZAP domain; non-empty makes NULL ask the ZAP handler
 */
public record SecurityConfig(String mechanism, boolean asServer, byte[] username, byte[] password,
                             byte[] publicKey, byte[] secretKey, byte[] serverKey, String zapDomain) {
    /** No security: the NULL mechanism without ZAP. */
    public static final SecurityConfig NULL = new SecurityConfig("NULL", false, new byte[0], new byte[0],
            new byte[0], new byte[0], new byte[0], "");
}
