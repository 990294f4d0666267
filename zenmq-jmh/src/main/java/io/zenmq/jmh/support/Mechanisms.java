// SPDX-License-Identifier: MPL-2.0
package io.zenmq.jmh.support;

import io.zenmq.CurveKeyPair;
import io.zenmq.SocketOptions;

/** The security mechanisms a socket benchmark can run with, by the name of its {@code mechanism} parameter. */
public final class Mechanisms {
    private Mechanisms() {
    }

    /**
     * Returns the setup for a mechanism name.
     *
     * @param name {@code null} (no security) or {@code curve} (binder is the CURVE server)
     * @return the setup to pass to {@link SocketPair#open}
     */
    public static EndSetup of(String name) {
        switch (name) {
            case "null":
                return EndSetup.NULL_MECHANISM;
            case "curve":
                return curve(CurveKeyPair.generate(), CurveKeyPair.generate());
            default:
                throw new IllegalArgumentException("unknown mechanism " + name + " (null or curve)");
        }
    }

    private static EndSetup curve(CurveKeyPair server, CurveKeyPair client) {
        return (socket, binder) -> {
            if (binder) {
                socket.set(SocketOptions.CURVE_SERVER, true).set(SocketOptions.CURVE_SECRETKEY, server.secretKey());
            } else {
                socket.set(SocketOptions.CURVE_SERVERKEY, server.publicKey())
                        .set(SocketOptions.CURVE_PUBLICKEY, client.publicKey())
                        .set(SocketOptions.CURVE_SECRETKEY, client.secretKey());
            }
        };
    }
}
