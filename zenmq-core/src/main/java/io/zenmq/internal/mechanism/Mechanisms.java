// SPDX-License-Identifier: MPL-2.0
package io.zenmq.internal.mechanism;

import io.zenmq.ErrorCode;
import io.zenmq.ZmqException;
import io.zenmq.internal.zmtp.Mechanism;
import io.zenmq.internal.zmtp.Metadata;
import io.zenmq.internal.zmtp.ZmtpLayout;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates the mechanism a socket's security settings ask for, one per connection. */
public final class Mechanisms {
    private Mechanisms() {
    }

    /**
     * Checks settings that can never make a handshake, at bind/connect time (as an error the
     * application sees, rather than connections that fail forever).
     *
     * @param config the security settings
     * @throws ZmqException {@link ErrorCode#EINVAL} if a CURVE key the role needs is missing
     */
    public static void validate(SecurityConfig config) {
        if (!config.mechanism().equals("CURVE")) {
            return;
        }
        if (config.secretKey().length == 0) {
            throw new ZmqException(ErrorCode.EINVAL, "CURVE needs ZMQ_CURVE_SECRETKEY");
        }
        if (!config.asServer() && config.serverKey().length == 0) {
            throw new ZmqException(ErrorCode.EINVAL, "a CURVE client needs ZMQ_CURVE_SERVERKEY");
        }
    }

    /**
     * Creates the mechanism for one connection.
     *
     * @param config the socket's security settings
     * @param socketType the local socket type's wire name
     * @param identity the routing id announced in the handshake, or null to omit it
     * @param random the source of keys and nonces
     * @return a new mechanism
     */
    public static Mechanism create(SecurityConfig config, String socketType, byte[] identity, SecureRandom random) {
        byte[] metadata = metadata(socketType, identity);
        switch (config.mechanism()) {
            case "PLAIN":
                return new PlainMechanism(config.asServer(), config.username(), config.password(), metadata);
            case "CURVE":
                return new CurveMechanism(config.asServer(), config.publicKey(), config.secretKey(),
                        config.serverKey(), metadata, random);
            default:
                return new NullMechanism(metadata, !config.zapDomain().isEmpty());
        }
    }

    /** Our handshake metadata: Socket-Type, then Identity when the type announces one. */
    static byte[] metadata(String socketType, byte[] identity) {
        Map<String, byte[]> properties = new LinkedHashMap<>();
        properties.put(ZmtpLayout.PROPERTY_SOCKET_TYPE, socketType.getBytes(StandardCharsets.US_ASCII));
        if (identity != null) {
            properties.put(ZmtpLayout.PROPERTY_IDENTITY, identity);
        }
        return Metadata.encode(properties);
    }
}
